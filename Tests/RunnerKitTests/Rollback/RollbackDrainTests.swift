import Foundation
import GRDB
import Testing

@testable import RunnerKit

@Suite("Draining waits for in-flight candidate runs and survives a killed process (§8.3, check 11)")
struct RollbackDrainTests {
    @Test("the drain waits for a running candidate with a fresh heartbeat, then gives up after the timeout")
    func drainTimesOut() async throws {
        let fx = try OpsFixture()
        // A live owner keeps refreshing its heartbeat; a heartbeat ten minutes ahead of the
        // controller's clock stands in for that, so the run stays fresh for the whole 1 s drain
        // even when a loaded machine stretches the test's wall time past the 30 s stale limit.
        try fx.run(started: 50, heartbeat: 660)
        let outcome = try await fx.controller(60, settings: PolicyFixture.settings())
            .trigger(reason: "slow", initiatedBy: "kim")
        let disabled = try #require(outcome.disabledEvent)
        #expect(disabled.inFlightAtStart == 1)
        #expect(disabled.inFlightRemaining == 1)
        #expect((disabled.drainMs ?? 0) >= 1000)
        #expect(outcome.state.state == .disabled)
    }

    @Test("the drain ends as soon as the in-flight run finishes")
    func drainEndsWhenRunFinishes() async throws {
        let fx = try OpsFixture()
        let runId = try fx.run(started: 50, heartbeat: 59)
        let controller = fx.controller(60, settings: PolicyFixture.settings(PolicyFixture.rollbackYAML.replacingOccurrences(of: "drain_timeout: 1s", with: "drain_timeout: 30s")))
        let storage = fx.storage
        let finisher = Task {
            try await Task.sleep(for: .milliseconds(200))
            try storage.write { db in
                try db.execute(
                    sql: "UPDATE runs SET status = 'succeeded', finished_at = ?, duration_ms = 1 WHERE run_id = ?",
                    arguments: [OpsFixture.at(61), runId])
            }
        }
        let outcome = try await controller.trigger(reason: "bad", initiatedBy: "kim")
        try await finisher.value
        let disabled = try #require(outcome.disabledEvent)
        #expect(disabled.inFlightAtStart == 1)
        #expect(disabled.inFlightRemaining == 0)
    }

    @Test("stale heartbeats, dead owners on this host and other pipelines are not waited for")
    func notInFlight() async throws {
        let fx = try OpsFixture()
        try fx.run(started: 0, heartbeat: 20)  // heartbeat 40 s old at T0+60
        try fx.run(started: 55, heartbeat: 59, pid: 999_999)  // owner gone on this host
        try fx.run(pipeline: "v4", started: 55, heartbeat: 59)
        try fx.run(started: 55, heartbeat: 59, pid: 999_999, host: "another-host")  // alive as far as we know
        let outcome = try await fx.controller(60, settings: PolicyFixture.settings())
            .trigger(reason: "x", initiatedBy: "kim")
        #expect(outcome.disabledEvent?.inFlightAtStart == 1)
    }

    @Test("a DRAINING state left by a killed process is completed by a later invocation, recovered")
    func recoversKilledDrain() async throws {
        let fx = try OpsFixture()
        let settings = PolicyFixture.settings()  // drain_timeout 1s: recovery after 31 s
        try fx.run(started: 50, heartbeat: 59)
        _ = try await fx.controller(60, settings: settings).startDrainOnly(reason: "killed mid-drain")
        #expect(try fx.controller(80, settings: settings).completeStaleDrain() == nil)
        #expect(try fx.state().state == .draining)
        let event = try #require(try fx.controller(95, settings: settings).completeStaleDrain())
        #expect(event.recovered)
        #expect(event.event == .disabled)
        #expect(event.reason == "killed mid-drain")
        #expect(event.initiatedBy == "kim")
        #expect(event.inFlightAtStart == 1)
        #expect(try fx.state().state == .disabled)
        // A second late invocation finds nothing left to do.
        #expect(try fx.controller(96, settings: settings).completeStaleDrain() == nil)
        #expect(try fx.count("rollback_events") == 2)
    }

    @Test("a trigger arriving after a killed drain completes it and reports already rolled back")
    func triggerCompletesKilledDrain() async throws {
        let fx = try OpsFixture()
        let settings = PolicyFixture.settings()
        _ = try await fx.controller(60, settings: settings).startDrainOnly(reason: "killed")
        let outcome = try await fx.controller(200, settings: settings).trigger(reason: "again", initiatedBy: "lee")
        #expect(outcome.alreadyRolledBack)
        #expect(outcome.events.first?.recovered == true)
        #expect(try fx.state().state == .disabled)
        #expect(try fx.state().reason == "killed")
    }
}
