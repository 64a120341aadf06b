import Foundation
import GRDB
import Testing

@testable import RunnerKit

@Suite("Reconciling desired and applied configuration (§9.2, checks 12 and 13)")
struct RolloutReconcilerTests {
    let fx: OpsFixture
    let config: LoadedConfig

    init() throws {
        fx = try OpsFixture()
        config = try OpsFixture.shippedConfig()
    }

    func reconcile(_ phase: String, at seconds: TimeInterval) throws -> RolloutReconciliation {
        var plan = try #require(config.rollout)
        plan.desiredPhase = Located(phase, at: .builtIn)
        return try RolloutReconciler(
            storage: fx.storage, plan: plan, clock: OpsFixture.clock(seconds),
            candidateAlertRules: config.alertRules(for: "v5").map(\.name.value), seenBy: "test"
        ).reconcile()
    }

    var settings: RollbackSettings { RollbackSettings(config: config) }

    func refusedRows() throws -> Int {
        try fx.storage.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM applied_configs WHERE status = 'refused'") ?? 0 }
    }

    func canaryRuns(from seconds: TimeInterval, count: Int = 10) throws {
        for i in 0..<count {
            try fx.run(started: seconds + Double(i * 60), finished: seconds + Double(i * 60 + 30), phase: "canary")
        }
    }

    @Test("the first configuration is accepted as bootstrap; the same hash again changes nothing")
    func bootstrap() throws {
        let first = try reconcile("canary", at: 10)
        #expect(first.outcome == .bootstrap)
        #expect(first.applied.config.phase == "canary")
        let again = try reconcile("canary", at: 20)
        #expect(again.outcome == .unchanged)
        #expect(again.applied.id == first.applied.id)
        #expect(try fx.count("applied_configs") == 1)
        let audit = try fx.storage.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE entity_type = 'applied_configs'")
        }
        #expect(audit == ["config.accepted"])
    }

    @Test("an advancement while DISABLED is refused once, refused through the cooldown, then accepted automatically once gates pass")
    func refusedThenAccepted() async throws {
        _ = try reconcile("canary", at: 10)
        try canaryRuns(from: 20)
        _ = try await fx.controller(1000, settings: settings).trigger(reason: "broken", initiatedBy: "kim")
        let refused = try reconcile("early_adopters", at: 1100)
        guard case .refused(let reason) = refused.outcome else { Issue.record("not refused"); return }
        #expect(reason.contains("rolled back"))
        #expect(refused.applied.config.phase == "canary")
        #expect(try refusedRows() == 1)
        _ = try reconcile("early_adopters", at: 1200)
        #expect(try refusedRows() == 1)

        _ = try fx.controller(2000, settings: settings).restore(token: "RESTORE_V5_CONFIRMED", reason: "fixed", initiatedBy: "kim")
        let cooling = try reconcile("early_adopters", at: 2100)
        guard case .refused(let coolReason) = cooling.outcome else { Issue.record("not refused in cooldown"); return }
        #expect(coolReason.contains("cooldown until"))
        #expect(try refusedRows() == 1)

        // Cooldown over, but the runs before the restore no longer count and 48 h have not passed.
        let gated = try reconcile("early_adopters", at: 2000 + 3700)
        guard case .refused(let gateReason) = gated.outcome else { Issue.record("not refused on gates"); return }
        #expect(gateReason.contains("min_runs 0/10"))

        try canaryRuns(from: 6000)
        let later = 2000 + 48 * 3600 + 60.0
        let accepted = try reconcile("early_adopters", at: later)
        #expect(accepted.outcome.isAccepted)
        #expect(accepted.applied.config.phase == "early_adopters")
        #expect(try refusedRows() == 1)
    }

    @Test("a move back to shadow is accepted at once while DISABLED, and restore never re-enables anything by itself")
    func backToShadowWhileDisabled() async throws {
        _ = try reconcile("canary", at: 10)
        _ = try await fx.controller(100, settings: settings).trigger(reason: "broken", initiatedBy: "kim")
        let result = try reconcile("shadow", at: 200)
        #expect(result.outcome == .accepted(.nonAdvancing))
        #expect(result.applied.config.phase == "shadow")
        #expect(try fx.state().state == .disabled)
    }

    @Test("gates count only this phase's non-read-only candidate primary runs; boundaries pass")
    func gatesScope() throws {
        _ = try reconcile("canary", at: 10)
        for i in 0..<19 { try fx.run(started: 20 + Double(i), finished: 100 + Double(i)) }
        try fx.run(status: "failed", started: 60, finished: 200)  // 19/20 = 0.95 passes
        try fx.run(status: "failed", started: 30, finished: 90, phase: "shadow")
        try fx.run(status: "failed", started: 30, finished: 90, readOnly: true)
        try fx.run(pipeline: "v4", status: "failed", started: 30, finished: 90)
        let plan = try #require(config.rollout)
        let evaluator = RolloutGateEvaluator(plan: plan, candidateAlertRules: ["V5_SUCCESS_CRITICAL"])
        let gates = try fx.storage.rolloutSnapshot { db in
            let applied = try db.latestAcceptedConfig()
            return try RolloutAdvanceCheck.measure(evaluator: evaluator, applied: applied, now: OpsFixture.t0.addingTimeInterval(49 * 3600), in: db).gates
        }
        #expect(gates.first { $0.name == "min_runs" }?.measured == .number(20))
        #expect(gates.first { $0.name == "min_success_rate" }?.measured == .number(0.95))
        #expect(gates.filter { !$0.passed }.isEmpty)
        try fx.storage.write { db in
            try db.execute(sql: """
                INSERT INTO alert_states (kind, rule_name, definition_hash, state, since, last_evaluated_at, severity)
                VALUES ('alert', 'V5_SUCCESS_CRITICAL', 'x', 'firing', ?, ?, 'critical')
                """, arguments: [OpsFixture.at(100), OpsFixture.at(100)])
        }
        let blocked = try fx.storage.rolloutSnapshot { db in
            try RolloutAdvanceCheck.measure(evaluator: evaluator, applied: try db.latestAcceptedConfig(), now: OpsFixture.t0.addingTimeInterval(49 * 3600), in: db)
        }
        #expect(!blocked.allowed)
        #expect(blocked.gates.first { $0.name == "block_on_alerts" }?.measured == .array(["V5_SUCCESS_CRITICAL"]))
    }

    @Test("shadow gates: exactly 10% candidate failures and exactly -5 average quality pass")
    func shadowGates() throws {
        _ = try reconcile("shadow", at: 10)
        for i in 0..<9 { try fx.comparison(created: 100 + Double(i), recommendation: "equivalent", qualityDiff: -5) }
        try fx.comparison(created: 120, recommendation: "v5_failed", qualityDiff: nil)
        try fx.comparison(created: 121, recommendation: "control_failed", qualityDiff: nil)
        let plan = try #require(config.rollout)
        let evaluator = RolloutGateEvaluator(plan: plan, candidateAlertRules: [])
        let gates = try fx.storage.rolloutSnapshot { db in
            try RolloutAdvanceCheck.measure(evaluator: evaluator, applied: try db.latestAcceptedConfig(), now: OpsFixture.t0.addingTimeInterval(49 * 3600), in: db).gates
        }
        #expect(gates.map(\.name) == ["min_hours", "block_on_alerts", "min_comparisons", "max_candidate_failure_rate", "min_avg_quality_diff"])
        #expect(gates.first { $0.name == "min_comparisons" }?.measured == .number(10))
        #expect(gates.first { $0.name == "max_candidate_failure_rate" }?.measured == .number(0.1))
        #expect(gates.filter { !$0.passed }.isEmpty)
    }

    @Test("rollout status reports phases, gates and the one-line verdict")
    func status() throws {
        _ = try reconcile("canary", at: 10)
        try canaryRuns(from: 20, count: 6)
        var plan = try #require(config.rollout)
        plan.desiredPhase = Located("canary", at: .builtIn)
        let report = try RolloutStatusBuilder(plan: plan, candidateAlertRules: [], environment: ["EROS_V5_PERCENTAGE": "5"])
            .build(storage: fx.storage, now: OpsFixture.t0.addingTimeInterval(12 * 3600 + 10))
        #expect(report.appliedPhase == "canary")
        #expect(report.nextPhase == "early_adopters")
        #expect(!report.canAdvance)
        #expect(report.verdict == "next phase early_adopters: may not advance (min_hours 12/48, min_runs 6/10)")
        #expect(report.envOverrides == ["EROS_V5_PERCENTAGE"])
        #expect(report.flags.percentage.value == 5)
    }
}

extension RolloutReconcileOutcome {
    var isAccepted: Bool {
        if case .accepted = self { return true }
        return false
    }
}
