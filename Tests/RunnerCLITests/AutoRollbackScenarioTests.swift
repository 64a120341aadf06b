import Foundation
import Testing

/// The run lifecycle's operations steps end to end with the built binary (operations.md §1.3
/// steps 2, 7, 8): a failing external v5 generator, automatic fallback to v4, the automatic
/// rollback tripping inside `execute`, routing to control, the restore token, the rollback alert.
@Suite("Automatic rollback scenario", .serialized)
struct AutoRollbackScenarioTests {
    typealias Project = RollbackCommandTests.Project

    /// The copied configuration with a v5 generator that always exits 1 and a one-trigger
    /// rollback policy small enough for a quick test (3 runs, held for 5 minutes).
    static func failingCandidate() throws -> Project {
        let project = try Project()
        let script = project.dir.appendingPathComponent("fail-generator.sh")
        try "#!/bin/sh\ncat >/dev/null\necho 'generator down' >&2\nexit 1\n".write(
            to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try project.write(
            "pipelines/agents.yaml",
            """
            version: 1
            kind: agents
            agents:
              schedule-generator: { role: generator, backend: command, command: [\(script.path)], timeout: 10s }
              schedule-validator: { role: validator, backend: builtin }

            """)
        try project.write(
            "alerts/rollback.yaml",
            """
            version: 1
            kind: rollback
            pipeline: v5
            automatic: true
            drain_timeout: 5s
            cooldown: 1h
            restore_token: RESTORE_V5_CONFIRMED
            min_samples: 3
            triggers:
              - { name: success_rate_low, metric: success_rate, below: 0.85, window: 3 runs, for: 5m }

            """)
        return project
    }

    static let weeks = ["2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23"]

    @Test("a failing candidate falls back to v4, trips the rollback inside execute, and only the token restores it")
    func failingCandidateRollsBack() throws {
        let project = try Self.failingCandidate()
        let times = ["2026-01-19T09:00:00Z", "2026-01-19T09:01:00Z", "2026-01-19T09:02:00Z", "2026-01-19T09:08:00Z"]
        var served: [[String: Any]] = []
        var lastStderr = ""
        for (week, now) in zip(Self.weeks, times) {
            let outcome = try project.run(["execute", "--creator", "alexia", "--week", week, "--format", "json"], now: now)
            let json = try #require(StorageCommandTests.json(outcome.stdout), "stderr: \(outcome.stderr)")
            #expect(outcome.status == 0, "\(outcome.stderr)")
            served.append(json)
            lastStderr = outcome.stderr
        }
        for json in served {
            #expect(json["pipeline"] as? String == "v4")
            #expect(json["role"] as? String == "fallback")
            #expect(json["status"] as? String == "succeeded")
            #expect(json["fallback_run_id"] as? String == json["run_id"] as? String)
        }
        // Three failures put the trigger in pending; the fourth, 8 minutes later, fires it.
        let disabled = try project.json(["rollback", "status"], now: "2026-01-19T09:09:00Z")
        #expect(disabled["state"] as? String == "DISABLED")
        #expect(disabled["trigger"] as? String == "success_rate_low")
        #expect(disabled["initiated_by"] as? String == "automatic")
        #expect(lastStderr.contains("rollback: trigger success_rate_low fired; v5 is now DISABLED"))
        let history = try project.json(["rollback", "history"], now: "2026-01-19T09:09:00Z")
        let events = try #require(history["events"] as? [[String: Any]])
        #expect(events.map { $0["event"] as? String } == ["disabled", "drain_started"])
        #expect(events.allSatisfy { ($0["at"] as? String)?.hasPrefix("2026-01-19T09:08") == true })

        let route = try project.json(["route", "alexia"], now: "2026-01-19T09:10:00Z")
        let decision = try #require((route["decisions"] as? [[String: Any]])?.first)
        #expect(decision["reason"] as? String == "rolled_back")
        #expect(decision["pipeline"] as? String == "v4")

        let before = try project.run(["rollback", "status", "--format", "json"], now: "2026-01-19T09:20:00Z").stdout
        let wrong = try project.run(
            ["rollback", "restore", "--confirm", "restore_v5_confirmed", "--reason", "fixed"], now: "2026-01-19T09:20:00Z")
        #expect(wrong.status == 2)
        #expect(try project.run(["rollback", "status", "--format", "json"], now: "2026-01-19T09:20:00Z").stdout == before)

        let restored = try project.run(
            ["rollback", "restore", "--confirm", "RESTORE_V5_CONFIRMED", "--reason", "generator fixed"],
            now: "2026-01-19T09:20:00Z")
        #expect(restored.status == 0, "\(restored.stderr)")
        let state = try project.json(["rollback", "status"], now: "2026-01-19T09:21:00Z")
        #expect(state["state"] as? String == "ACTIVE")
        #expect(state["in_cooldown"] as? Bool == true)
        #expect((state["cooldown_until"] as? String)?.hasPrefix("2026-01-19T10:20:00") == true)

        let alerts = try project.json(["alerts", "history", "--rule", "V5_AUTO_ROLLBACK"], now: "2026-01-19T09:30:00Z")
        let changes = try #require(alerts["events"] as? [[String: Any]])
        let firing = changes.filter { $0["to_state"] as? String == "firing" }
        #expect(firing.count == 1)
        #expect((firing.first?["at"] as? String)?.hasPrefix("2026-01-19T09:08") == true)
    }

    @Test("execute routes with the reconciled configuration: a refused advancement keeps the applied phase")
    func refusedAdvancementKeepsAppliedPhase() throws {
        let project = try Project()
        // The first reconciliation accepts canary (bootstrap); early_adopters is an advancement
        // that the canary gates (48 h, 10 runs) refuse, so grace_bennett stays on control.
        #expect(try project.run(["rollout", "status"]).status == 0)
        let rollout = project.dir.appendingPathComponent("pipelines/rollout.yaml")
        let text = try String(contentsOf: rollout, encoding: .utf8)
        try text.replacingOccurrences(of: "phase: canary ", with: "phase: early_adopters ")
            .write(to: rollout, atomically: true, encoding: .utf8)
        let json = try project.json(
            ["execute", "--creator", "grace_bennett", "--week", "2026-01-26"], now: "2026-01-19T09:05:00Z")
        #expect(json["pipeline"] as? String == "v4")
        let decision = try #require(json["decision"] as? [String: Any])
        #expect(decision["reason"] as? String == "default")
        let runId = try #require(json["run_id"] as? String)
        let show = try project.run(["runs", "show", runId], now: "2026-01-19T09:06:00Z")
        #expect(show.stdout.contains("rollout phase canary"), "\(show.stdout)")
        let status = try project.run(["rollout", "status"], now: "2026-01-19T09:06:00Z")
        #expect(status.stdout.contains("early_adopters"))
    }
}
