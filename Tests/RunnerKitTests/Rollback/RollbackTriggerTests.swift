import Foundation
import GRDB
import Testing

@testable import RunnerKit

@Suite("Automatic rollback: triggers after runs and from `rollback check` (§8.1, §8.6)")
struct RollbackTriggerTests {
    /// Ten finished candidate runs ending at T0 + 600 s; `failures` of them failed, `gates` rejected with VAULT_VIOLATION.
    func tenRuns(_ fx: OpsFixture, failures: Int = 0, gates: Int = 0) throws -> [String] {
        try (0..<10).map { i in
            let status = i < failures ? "failed" : i < failures + gates ? "rejected" : "succeeded"
            return try fx.run(
                status: status, started: Double(i * 60 + 1), finished: Double(i * 60 + 50),
                gates: status == "rejected" ? ["VAULT_VIOLATION"] : [])
        }
    }

    @Test("a hard-gate rate above 10% rolls back automatically after the run, with the trigger recorded")
    func hardGateTrigger() async throws {
        let fx = try OpsFixture()
        let runs = try tenRuns(fx, gates: 2)
        let result = try await fx.controller(700, settings: PolicyFixture.settings()).evaluateAfterRun(runId: runs.last!)
        #expect(result.rolledBack)
        #expect(result.firedTrigger == "hard_gate_rate_high")
        let state = try fx.state()
        #expect(state.state == .disabled)
        #expect(state.initiatedBy == "automatic")
        #expect(state.trigger == "hard_gate_rate_high")
        let snapshot = try #require(result.rollback?.disabledEvent?.metricsSnapshot)
        #expect(snapshot["trigger"]?["value"]?.numberValue == 0.2)
        #expect(snapshot["trigger"]?["threshold"]?.numberValue == 0.1)
        let transitions = try fx.storage.read { db in
            try Row.fetchAll(db, sql: "SELECT to_state, run_id FROM alert_events WHERE kind = 'trigger' AND rule_name = 'hard_gate_rate_high'")
        }
        #expect(transitions.count == 1)
        #expect(transitions.first?["run_id"] == runs.last!)
    }

    @Test("comparisons are strict: exactly 10% hard-gate runs does not trigger")
    func strictBoundary() async throws {
        let fx = try OpsFixture()
        _ = try tenRuns(fx, gates: 1)
        let result = try await fx.controller(700, settings: PolicyFixture.settings()).check()
        #expect(!result.rolledBack)
        #expect(result.firedTrigger == nil)
        #expect(try fx.state().state == .active)
    }

    @Test("success_rate_low waits 5 minutes in pending before firing (for: 5m), across invocations")
    func forHold() async throws {
        let fx = try OpsFixture()
        _ = try tenRuns(fx, failures: 3)
        let settings = PolicyFixture.settings()
        let first = try await fx.controller(700, settings: settings).check()
        #expect(first.evaluations.first { $0.name == "success_rate_low" }?.to == .pending)
        #expect(!first.rolledBack)
        let early = try await fx.controller(700 + 240, settings: settings).check()
        #expect(!early.rolledBack)
        let late = try await fx.controller(700 + 301, settings: settings).check()
        #expect(late.rolledBack)
        #expect(late.firedTrigger == "success_rate_low")
    }

    @Test("check --dry-run reports what would trigger and writes nothing")
    func dryRun() async throws {
        let fx = try OpsFixture()
        _ = try tenRuns(fx, gates: 3)
        let audit = try fx.count("audit_log")
        let result = try await fx.controller(700, settings: PolicyFixture.settings()).check(dryRun: true)
        #expect(result.firedTrigger == "hard_gate_rate_high")
        #expect(!result.rolledBack)
        #expect(try fx.state().state == .active)
        #expect(try fx.count("audit_log") == audit)
        #expect(try fx.count("alert_states") == 0)
    }

    @Test("read-only runs, other pipelines and blocked runs never count; below min_samples the triggers hold")
    func onlyCountedRuns() async throws {
        let fx = try OpsFixture()
        for i in 0..<9 { try fx.run(status: "rejected", started: Double(i + 1), finished: Double(i + 2), gates: ["VAULT_VIOLATION"]) }
        for i in 0..<5 {
            try fx.run(status: "rejected", started: Double(i + 1), finished: Double(i + 2), gates: ["VAULT_VIOLATION"], readOnly: true)
            try fx.run(pipeline: "v4", status: "rejected", started: Double(i + 1), finished: Double(i + 2), gates: ["VAULT_VIOLATION"])
            try fx.run(status: "blocked", started: Double(i + 1), finished: Double(i + 2))
            try fx.run(role: "diagnostic", status: "rejected", started: Double(i + 1), finished: Double(i + 2), gates: ["VAULT_VIOLATION"])
        }
        let result = try await fx.controller(700, settings: PolicyFixture.settings()).check()
        #expect(result.evaluations.allSatisfy { $0.result == .hold })
        #expect(result.evaluations.allSatisfy { $0.measurement.samples == 9 })
        #expect(!result.rolledBack)
    }

    @Test("after a restore the failures of the old epoch are ignored, so the first new run does not roll back again")
    func newEpoch() async throws {
        let fx = try OpsFixture()
        let settings = PolicyFixture.settings()
        let runs = try tenRuns(fx, gates: 5)
        #expect(try await fx.controller(700, settings: settings).evaluateAfterRun(runId: runs[9]).rolledBack)
        _ = try fx.controller(800, settings: settings).restore(token: "RESTORE_V5_CONFIRMED", reason: "fixed", initiatedBy: "kim")
        let fresh = try fx.run(started: 900, finished: 950)
        let result = try await fx.controller(1000, settings: settings).evaluateAfterRun(runId: fresh)
        #expect(!result.rolledBack)
        #expect(result.evaluations.allSatisfy { $0.measurement.samples == 1 && $0.result == .hold })
        #expect(try fx.state().state == .active)
    }

    @Test("nothing is evaluated while rolled back, with automatic: false, or without a rollback file")
    func skipped() async throws {
        let fx = try OpsFixture()
        _ = try tenRuns(fx, gates: 5)
        let manual = PolicyFixture.settings(PolicyFixture.rollbackYAML.replacingOccurrences(of: "automatic: true", with: "automatic: false"))
        #expect(try await fx.controller(700, settings: manual).check().skipped == "automatic: false")
        #expect(try await fx.controller(700, settings: RollbackSettings()).check().skipped != nil)
        _ = try await fx.controller(700, settings: PolicyFixture.settings()).trigger(reason: "manual", initiatedBy: "kim")
        let result = try await fx.controller(800, settings: PolicyFixture.settings()).check()
        #expect(result.skipped == "already rolled back (DISABLED)")
        #expect(!result.rolledBack)
    }

    @Test("p95 uses the nearest-rank position", arguments: [(1, 1), (10, 10), (19, 19), (20, 19), (21, 20), (100, 95)])
    func p95(count: Int, position: Int) {
        let durations = (1...count).map { Int64($0 * 1000) }
        #expect(MetricsCalculator.p95(durations.shuffled()) == Int64(position * 1000))
    }
}
