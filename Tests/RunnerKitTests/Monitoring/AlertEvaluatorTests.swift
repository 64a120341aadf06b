import Foundation
import GRDB
import Testing
@testable import RunnerKit

@Suite("Alert evaluation against the database")
struct AlertEvaluatorTests {
    static let failing = MonitoringFixture.rule("""
        metric: success_rate
        below: 0.9
        window: 10 runs
        for: 5m
        severity: critical
        action: Page someone
        """)

    func at(_ minutes: Double) -> Date { MonitoringFixture.t0.addingTimeInterval(minutes * 60) }

    @Test("a transition writes the state, one alert_events row and one audit row in the same transaction")
    func transitionIsPersistedAndAudited() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        let config = MonitoringFixture.config(alerts: Self.failing)
        #expect(config.isValid, "\(config.blockingErrors)")
        let runs = MonitoringFixture.runs(10, status: { _ in "failed" })
        try storage.insertSyntheticRuns(runs)
        let evaluator = AlertEvaluator(storage: storage, config: config, actor: "test")
        let first = try evaluator.evaluate(after: MonitoringFixture.reference(runs.last!), at: at(0))
        #expect(first.map(\.toState) == [.pending])
        #expect(first.first?.event.runId == runs.last!.runId)
        let fired = try evaluator.evaluateAll(at: at(5))
        #expect(fired.map(\.toState) == [.firing])
        #expect(fired.first?.event.value == 0)
        #expect(fired.first?.event.threshold == 0.9)
        let states = try storage.alertStates(kind: .alert)
        #expect(states.count == 1 && states[0].state == .firing && states[0].firedAt == at(5) && states[0].activeAt == at(0))
        #expect(try storage.alertEvents(since: nil, rule: "T_RULE").map(\.toState) == [.pending, .firing])
        let audits = try storage.readSnapshot { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'alert.transition'")
        }
        #expect(audits == 2)
        // An evaluation without a transition writes no event.
        #expect(try evaluator.evaluateAll(at: at(6)).isEmpty)
        #expect(try storage.alertEvents(since: nil, rule: nil).count == 2)
    }

    @Test("evaluation with no runs at all holds, and a read-only run evaluates nothing")
    func noRunsAndReadOnly() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        let evaluator = AlertEvaluator(storage: storage, config: MonitoringFixture.config(alerts: Self.failing))
        #expect(try evaluator.evaluateAll(at: at(0)).isEmpty)
        #expect(try storage.alertStates(kind: .alert).first?.state == .inactive)
        #expect(try storage.alertStates(kind: .alert).first?.lastValue == nil)
        let readOnly = FinishedRunReference(runId: "x", pipeline: "v5", role: "shadow", status: "failed", readOnly: true)
        #expect(try evaluator.evaluate(after: readOnly, at: at(1)).isEmpty)
    }

    @Test("changing a firing rule's condition resolves it with rule_changed; removing it, with rule_removed")
    func ruleChangedAndRemoved() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        try storage.insertSyntheticRuns(MonitoringFixture.runs(10, status: { _ in "failed" }))
        let immediate = MonitoringFixture.rule("""
            metric: success_rate
            below: 0.9
            window: 10 runs
            severity: warning
            action: Look
            """)
        #expect(try AlertEvaluator(storage: storage, config: MonitoringFixture.config(alerts: immediate))
            .evaluateAll(at: at(0)).map(\.toState) == [.firing])
        // Only the action changes: the state is kept.
        let relabelled = immediate.replacingOccurrences(of: "action: Look", with: "action: Look harder")
        #expect(try AlertEvaluator(storage: storage, config: MonitoringFixture.config(alerts: relabelled))
            .evaluateAll(at: at(1)).isEmpty)
        // The threshold changes: resolved with rule_changed, then re-evaluated from inactive.
        let changed = immediate.replacingOccurrences(of: "below: 0.9", with: "below: 0.5")
        let reset = try AlertEvaluator(storage: storage, config: MonitoringFixture.config(alerts: changed)).evaluateAll(at: at(2))
        #expect(reset.map(\.toState) == [.resolved, .firing])
        #expect(reset.first?.event.resolution == "rule_changed")
        // Removed: the state row is deleted with a rule_removed event.
        let other = immediate.replacingOccurrences(of: "T_RULE", with: "T_OTHER")
        let removed = try AlertEvaluator(storage: storage, config: MonitoringFixture.config(alerts: other)).evaluateAll(at: at(3))
        #expect(removed.contains { $0.name == "T_RULE" && $0.toState == .resolved && $0.event.resolution == "rule_removed" })
        #expect(try storage.alertStates(kind: .alert).map(\.ruleName) == ["T_OTHER"])
    }

    @Test("two connections evaluating the same rule at once commit one transition")
    func concurrentEvaluationsNotifyOnce() async throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        try storage.insertSyntheticRuns(MonitoringFixture.runs(10, status: { _ in "failed" }))
        let other = try Storage.open(path: dir.path("eros.db"), create: false, clock: .system)
        let config = MonitoringFixture.config(alerts: MonitoringFixture.rule("""
            metric: success_rate
            below: 0.9
            window: 10 runs
            severity: warning
            action: Look
            """))
        let now = at(0)
        async let a = Task.detached { try AlertEvaluator(storage: storage, config: config, actor: "a").evaluateAll(at: now) }.value
        async let b = Task.detached { try AlertEvaluator(storage: other, config: config, actor: "b").evaluateAll(at: now) }.value
        let transitions = try await a + b
        #expect(transitions.count == 1)
        #expect(try storage.alertEvents(since: nil, rule: nil).count == 1)
    }

    @Test("for is measured from persisted timestamps across invocations with EROS_NOW")
    func erosNowMovesTheClock() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        try storage.insertSyntheticRuns(MonitoringFixture.runs(10, status: { _ in "failed" }))
        let config = MonitoringFixture.config(alerts: Self.failing)
        func invocation(_ now: String) throws -> [AlertTransition] {
            let clock = try RunnerClock.fromEnvironment(["EROS_NOW": now])
            return try AlertEvaluator(storage: storage, config: config).evaluateAll(at: clock.now())
        }
        #expect(try invocation("2026-01-19T09:00:00Z").map(\.toState) == [.pending])
        #expect(try invocation("2026-01-19T09:04:00Z").isEmpty)
        #expect(try invocation("2026-01-19T09:05:01Z").map(\.toState) == [.firing])
    }

    @Test("rollback triggers keep their own states and the rollback event rule follows the controller")
    func triggersAndEventRule() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        let config = try MonitoringFixture.shippedConfig()
        try storage.insertSyntheticRuns(MonitoringFixture.runs(10, status: { $0 < 5 ? "failed" : "succeeded" }, quality: { _ in 88 }))
        let evaluator = AlertEvaluator(storage: storage, config: config, actor: "test")
        let policy = try #require(config.rollback["v5"])
        let changes = try evaluator.evaluateTriggers(of: policy, after: nil, at: at(0))
        #expect(changes.map(\.name) == ["success_rate_low"])
        #expect(try storage.alertStates(kind: .trigger).count == policy.triggers.count)
        try storage.setSimulatedRollbackState("DISABLED", at: at(1), reason: "test", initiatedBy: "kim", trigger: nil, drainMs: 5)
        let fired = try evaluator.evaluateEventRules(at: at(1))
        #expect(fired.map(\.name) == ["V5_AUTO_ROLLBACK"])
        #expect(AlertPayload.text(fired[0]) == "[ROLLBACK] v5 disabled. Reason: test. Initiated by: kim.")
        #expect(AlertPayload.json(fired[0])["rollback"]?["drain_ms"] == .number(5))
        try storage.setSimulatedRollbackState("ACTIVE", at: at(2), reason: "restored", initiatedBy: "kim", trigger: nil, drainMs: nil)
        #expect(try evaluator.evaluateEventRules(at: at(2)).map(\.toState) == [.resolved])
    }

    @Test("the notification text follows the runbook format")
    func notificationText() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        try storage.insertSyntheticRuns(MonitoringFixture.runs(20, status: { $0 < 4 ? "failed" : "succeeded" }))
        let config = try MonitoringFixture.shippedConfig()
        var evaluator = AlertEvaluator(storage: storage, config: config)
        _ = try evaluator.evaluateAll(at: at(0))
        evaluator = AlertEvaluator(storage: storage, config: config)
        let fired = try evaluator.evaluateAll(at: at(5)).first { $0.name == "V5_SUCCESS_CRITICAL" }
        let text = AlertPayload.text(try #require(fired))
        #expect(text == "[FIRING] V5_SUCCESS_CRITICAL (critical): v5 success_rate 0.80 < 0.85 over last 20 runs. Action: Prepare rollback")
        let json = AlertPayload.json(try #require(fired))
        for key in ["text", "alert", "state", "previous_state", "severity", "pipeline", "metric", "value", "threshold",
                    "comparison", "window", "action", "labels", "active_at", "fired_at", "resolved_at", "evaluated_at",
                    "run_id", "resolution"] {
            #expect(json[key] != nil, "missing \(key)")
        }
    }
}
