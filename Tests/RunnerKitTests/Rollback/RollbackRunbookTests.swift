import Foundation
import GRDB
import Testing

@testable import RunnerKit

@Suite("Runbook procedures of §14 in the rollback area (library level)")
struct RollbackRunbookTests {
    @Test("post-rollback verification: every known creator and any_creator route to control with rolled_back")
    func verify() async throws {
        let fx = try OpsFixture()
        let config = try OpsFixture.shippedConfig()
        let settings = RollbackSettings(config: config)
        let verifier = RollbackVerifier(settings: settings, plan: config.rollout, environment: ["EROS_V5_ENABLED": "true"])
        let active = try verifier.verify(storage: fx.storage)
        #expect(!active.passed)
        _ = try await fx.controller(60, settings: settings).trigger(reason: "bad", initiatedBy: "kim")
        let report = try verifier.verify(storage: fx.storage, extra: ["any_creator"])
        #expect(report.passed)
        #expect(report.entries.allSatisfy { $0.decision.reason == .rolledBack })
        let keys = Set(report.entries.map(\.decision.routingKey))
        #expect(keys.isSuperset(of: ["alexia", "test1", "test2", "any_creator"]))
    }

    @Test("hard-gate false positives: vault and AVOID data with staleness, and codes whose type is now allowed")
    func diagnoseGates() throws {
        let fx = try OpsFixture()
        let creator = try #require(try fx.storage.rolloutSnapshot { try $0.resolveCreator("alexia") })
        let allowed = try fx.storage.rolloutSnapshot { try $0.allowedContentTypes(creatorId: creator.creatorId) }
        let type = try #require(allowed.first)
        try fx.storage.write { db in
            try db.execute(sql: "UPDATE runs SET error_message = NULL")
        }
        let runId = try fx.run(status: "rejected", started: 10, finished: 20, gates: ["VAULT_VIOLATION"], creator: creator.creatorId)
        try fx.storage.write { db in
            try db.execute(
                sql: "UPDATE runs SET error_message = ? WHERE run_id = ?",
                arguments: ["item[2]: content_type '\(type)' is not in the vault", runId])
        }
        try fx.run(pipeline: "v4", started: 30, finished: 40, creator: creator.creatorId)
        let diagnosis = try ExplainGateDiagnosis.diagnose(creator: creator, last: 10, storage: fx.storage, now: OpsFixture.t0.addingTimeInterval(100))
        #expect(diagnosis.allowedTypes == allowed)
        #expect(diagnosis.analysisDate != nil)
        #expect(diagnosis.runs.count == 2)
        let flagged = try #require(diagnosis.runs.first { $0.run.runId == runId })
        #expect(flagged.suspects == ["VAULT_VIOLATION: \(type) is now in the vault"])
        #expect(diagnosis.runs.first { $0.run.pipeline == "v4" }?.suspects.isEmpty == true)
    }

    @Test("explain shows the decision, the rollback state, firing alerts and the creator's last runs")
    func explain() async throws {
        let fx = try OpsFixture()
        let config = try OpsFixture.shippedConfig()
        let creator = try #require(try fx.storage.rolloutSnapshot { try $0.resolveCreator("alexia") })
        try fx.run(started: 10, finished: 20, creator: creator.creatorId)
        try fx.storage.write { db in
            try db.execute(sql: """
                INSERT INTO alert_states (kind, rule_name, definition_hash, state, since, last_evaluated_at, severity)
                VALUES ('alert', 'V5_SUCCESS_LOW', 'x', 'firing', ?, ?, 'warning')
                """, arguments: [OpsFixture.at(30), OpsFixture.at(30)])
        }
        _ = try await fx.controller(60, settings: RollbackSettings(config: config)).trigger(reason: "bad", initiatedBy: "kim")
        let report = try ExplainBuilder(config: config, environment: [:]).explain("ALEXIA", runs: 5, storage: fx.storage)
        #expect(report.creator?.pageName == "alexia")
        #expect(report.decision.reason == .rolledBack)
        #expect(report.decision.bucket.bucket == 49)
        #expect(report.rollback.state == .disabled)
        #expect(report.lastRuns.count == 1)
        // alexia routes to control (v4): the v5 alert is not on its pipeline.
        #expect(report.alerts.isEmpty)
    }

    @Test("gather diagnostics: every rollback event stores who, why and a metrics snapshot")
    func diagnosticsInHistory() async throws {
        let fx = try OpsFixture()
        for i in 0..<5 { try fx.run(status: i == 0 ? "failed" : "succeeded", started: Double(i + 1), finished: Double(i + 2)) }
        _ = try await fx.controller(60, settings: PolicyFixture.settings()).trigger(reason: "manual", initiatedBy: "kim")
        let events = try fx.controller(61, settings: PolicyFixture.settings()).history(limit: 1)
        let snapshot = try #require(events.first?.metricsSnapshot)
        #expect(snapshot["health"]?["run_count"] == .number(5))
        #expect(snapshot["health"]?["metrics"]?["success_rate"] == .number(0.8))
        #expect(events.first?.initiatedBy == "kim")
    }
}
