import Foundation
import GRDB
import Testing

@testable import RunnerKit

@Suite("Rollback controller: manual trigger, restore, refusals (operations.md §8.2–8.6)")
struct RollbackControllerTests {
    @Test("a manual trigger goes ACTIVE -> DRAINING -> DISABLED with two events, two audit rows and the user")
    func manualTrigger() async throws {
        let fx = try OpsFixture()
        let auditBefore = try fx.count("audit_log")
        let outcome = try await fx.controller(60, settings: PolicyFixture.settings())
            .trigger(reason: "v5 rejecting everything", initiatedBy: "kim")
        #expect(!outcome.alreadyRolledBack)
        #expect(outcome.events.map(\.event) == [.drainStarted, .disabled])
        #expect(outcome.state.state == .disabled)
        #expect(outcome.state.initiatedBy == "kim")
        #expect(outcome.state.trigger == nil)
        let history = try fx.controller(61, settings: PolicyFixture.settings()).history()
        #expect(history.map(\.event) == [.disabled, .drainStarted])
        #expect(history.allSatisfy { $0.initiatedBy == "kim" && $0.reason == "v5 rejecting everything" })
        #expect(history.allSatisfy { $0.metricsSnapshot?["health"] != nil })
        #expect(try fx.count("audit_log") == auditBefore + 2)
        let actions = try fx.storage.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE entity_type = 'rollback_state' ORDER BY audit_id")
        }
        #expect(actions == ["rollback.drain_started", "rollback.disabled"])
    }

    @Test("a trigger while DRAINING or DISABLED changes nothing and says already rolled back", arguments: [true, false])
    func alreadyRolledBack(draining: Bool) async throws {
        let fx = try OpsFixture()
        let settings = PolicyFixture.settings()
        if draining {
            try fx.run(started: 50, heartbeat: 59)
            _ = try await fx.controller(60, settings: settings).startDrainOnly(reason: "first")
        } else {
            _ = try await fx.controller(60, settings: settings).trigger(reason: "first", initiatedBy: "kim")
        }
        let events = try fx.count("rollback_events")
        let audit = try fx.count("audit_log")
        let second = try await fx.controller(61, settings: settings).trigger(reason: "second", initiatedBy: "lee")
        #expect(second.alreadyRolledBack)
        #expect(second.events.isEmpty)
        #expect(try fx.count("rollback_events") == events)
        #expect(try fx.count("audit_log") == audit)
        #expect(try fx.state().reason == "first")
    }

    @Test("a missing or blank reason is refused with exit 2 and nothing changes", arguments: [nil, "", "   "])
    func missingReason(reason: String?) async throws {
        let fx = try OpsFixture()
        let before = try fx.state()
        let audit = try fx.count("audit_log")
        await #expect(throws: RollbackError.missingReason(command: "trigger")) {
            _ = try await fx.controller(60, settings: PolicyFixture.settings()).trigger(reason: reason, initiatedBy: "kim")
        }
        #expect(RollbackError.missingReason(command: "trigger").exitStatus == .badInput)
        #expect(try fx.state() == before)
        #expect(try fx.count("audit_log") == audit)
        #expect(try fx.count("rollback_events") == 0)
    }

    @Test(
        "restore with a wrong or missing token, or without a reason, exits 2 and leaves state and audit unchanged",
        arguments: [
            ("restore_v5_confirmed", "fixed", RollbackError.wrongToken), ("WRONG", "fixed", .wrongToken),
            (nil, "fixed", .missingToken), ("", "fixed", .missingToken),
            ("RESTORE_V5_CONFIRMED", nil, .missingReason(command: "restore")),
            ("RESTORE_V5_CONFIRMED", " ", .missingReason(command: "restore")),
        ] as [(String?, String?, RollbackError)])
    func refusedRestore(token: String?, reason: String?, expected: RollbackError) async throws {
        let fx = try OpsFixture()
        let settings = PolicyFixture.settings()
        _ = try await fx.controller(60, settings: settings).trigger(reason: "broken", initiatedBy: "kim")
        let before = try fx.state()
        let audit = try fx.count("audit_log")
        #expect(throws: expected) {
            _ = try fx.controller(120, settings: settings).restore(token: token, reason: reason, initiatedBy: "kim")
        }
        #expect(expected.exitStatus == .badInput)
        #expect(try fx.state() == before)
        #expect(try fx.count("audit_log") == audit)
    }

    @Test("restore while DRAINING exits 2 with nothing changed")
    func restoreWhileDraining() async throws {
        let fx = try OpsFixture()
        let settings = PolicyFixture.settings()
        try fx.run(started: 50, heartbeat: 59)
        _ = try await fx.controller(60, settings: settings).startDrainOnly(reason: "slow")
        let before = try fx.state()
        let audit = try fx.count("audit_log")
        #expect(throws: RollbackError.drainInProgress) {
            _ = try fx.controller(61, settings: settings)
                .restore(token: "RESTORE_V5_CONFIRMED", reason: "fixed", initiatedBy: "kim")
        }
        #expect(try fx.state() == before)
        #expect(try fx.count("audit_log") == audit)
    }

    @Test("a correct restore starts a new epoch and a cooldown, resets triggers, and is audited")
    func restore() async throws {
        let fx = try OpsFixture()
        let settings = PolicyFixture.settings()
        _ = try await fx.controller(60, settings: settings).trigger(reason: "broken", initiatedBy: "kim")
        try fx.storage.write { db in
            var firing = AlertRuleState.initial(
                kind: .trigger, name: "success_rate_low", definitionHash: "x", severity: nil,
                at: OpsFixture.t0.addingTimeInterval(30))
            firing.state = .firing
            try Storage.saveAlertState(db, firing)
        }
        let outcome = try fx.controller(3600, settings: settings)
            .restore(token: "RESTORE_V5_CONFIRMED", reason: "fix deployed", initiatedBy: "lee")
        #expect(!outcome.alreadyActive)
        #expect(outcome.state.state == .active)
        #expect(outcome.state.epochStartedAt.hasPrefix("2026-01-05T13:00:0"))
        let epoch = try #require(Timestamp.parse(outcome.state.epochStartedAt))
        let cooldown = try #require(outcome.state.cooldownUntil.flatMap(Timestamp.parse))
        #expect(abs(cooldown.timeIntervalSince(epoch) - 3600) < 0.01)
        #expect(outcome.state.inCooldown(at: epoch.addingTimeInterval(3599)))
        #expect(!outcome.state.inCooldown(at: epoch.addingTimeInterval(3601)))
        #expect(
            try fx.storage.read { try Storage.fetchAlertState($0, kind: .trigger, name: "success_rate_low") }?.state
                == .inactive)
        #expect(outcome.event?.event == .restored)
        #expect(outcome.event?.initiatedBy == "lee")
        let again = try fx.controller(3700, settings: settings)
            .restore(token: "RESTORE_V5_CONFIRMED", reason: "again", initiatedBy: "lee")
        #expect(again.alreadyActive)
    }

    @Test("with a broken rollback file trigger still works and restore accepts the default token")
    func brokenYAML() async throws {
        let fx = try OpsFixture()
        let broken = OpsFixture.config([
            "alerts/rollback.yaml": "version: 1\nkind: rollback\npipeline: [v5\n  triggers: {",
            "pipelines/rollout.yaml": "version: 1\nkind: rollout\ncontrol: v4\ncandidate: v5\nphase: nope: x",
        ])
        #expect(!broken.isValid)
        let settings = RollbackSettings(config: broken)
        #expect(settings.policy == nil)
        #expect(settings.candidate == "v5")
        #expect(settings.drainTimeout == .seconds(60))
        let outcome = try await fx.controller(60, settings: settings).trigger(reason: "yaml broken", initiatedBy: "kim")
        #expect(outcome.state.state == .disabled)
        let restored = try fx.controller(120, settings: settings)
            .restore(token: RollbackPolicy.defaultRestoreToken, reason: "ok", initiatedBy: "kim")
        #expect(restored.state.state == .active)
    }
}

extension RollbackController {
    /// Commits DRAINING without waiting, as a process killed right after the commit leaves it.
    func startDrainOnly(reason: String) async throws -> RollbackStateRecord {
        try storage.rolloutTransaction { db in
            let current = try db.rollbackState()
            var next = current
            next.state = .draining
            next.since = Timestamp.string(clock.now())
            next.reason = reason
            next.initiatedBy = "kim"
            _ = try db.replaceRollbackState(next, expecting: current)
            try db.insertRollbackEvent(
                RollbackEventRecord(
                    at: next.since, event: .drainStarted, fromState: .active, toState: .draining, reason: reason,
                    initiatedBy: "kim", trigger: nil, metricsSnapshot: nil, inFlightAtStart: 1),
                actor: "kim", before: current, after: next)
            return next
        }
    }
}
