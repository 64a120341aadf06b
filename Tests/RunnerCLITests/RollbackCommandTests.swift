import Foundation
import Testing

@testable import RunnerKit

/// End-to-end runs of the built `runner` binary for the rollback and rollout commands.
@Suite("Rollback and rollout commands", .serialized)
struct RollbackCommandTests {
    typealias Outcome = StorageCommandTests.Outcome
    static let repository = StorageCommandTests.binary.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A temp directory holding a copy of the shipped configuration and a sample database.
    struct Project {
        let dir: URL
        var db: String { dir.appendingPathComponent("eros.db").path }

        init() throws {
            dir = try StorageCommandTests.tempDirectory()
            for folder in ["pipelines", "alerts"] {
                try FileManager.default.copyItem(
                    at: RollbackCommandTests.repository.appendingPathComponent(folder),
                    to: dir.appendingPathComponent(folder))
            }
            let created = try StorageCommandTests.run(["db", "init", "--db", db, "--sample", "--as-of", "2026-01-05"], in: dir)
            #expect(created.status == 0)
        }

        func run(_ arguments: [String], now: String = "2026-01-19T09:00:00Z", user: String = "kim") throws -> Outcome {
            try StorageCommandTests.run(
                arguments + ["--db", db, "--config", dir.path], in: dir, environment: ["EROS_NOW": now, "USER": user])
        }

        func write(_ file: String, _ text: String) throws {
            try text.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }

        func json(_ arguments: [String], now: String = "2026-01-19T09:00:00Z") throws -> [String: Any] {
            // `execute` prints JSON even when the served run failed (exit 1).
            let outcome = try run(arguments + ["--format", "json"], now: now)
            return try #require(StorageCommandTests.json(outcome.stdout), "stdout: \(outcome.stdout) stderr: \(outcome.stderr)")
        }
    }

    @Test("runbook manual rollback: trigger needs a reason, disables, verify passes, history holds the diagnostics")
    func manualRollback() throws {
        let project = try Project()
        #expect(try project.run(["rollback", "trigger"]).status == 2)
        #expect(try project.run(["rollback", "trigger", "--reason", "  "]).status == 2)
        #expect(try project.run(["rollback", "verify"]).status == 1)
        let trigger = try project.run(["rollback", "trigger", "--reason", "v5 failing", "--drain-timeout", "1s"])
        #expect(trigger.status == 0)
        #expect(trigger.stdout.contains("[ROLLBACK] v5 disabled. Reason: v5 failing. Initiated by: kim."))
        #expect(try project.run(["rollback", "trigger", "--reason", "again"]).stdout.contains("already rolled back"))
        #expect(try project.run(["rollback", "verify", "--creator", "any_creator"]).status == 0)
        let history = try project.json(["rollback", "history"])
        let events = try #require(history["events"] as? [[String: Any]])
        #expect(events.map { $0["event"] as? String } == ["disabled", "drain_started"])
        #expect(events.allSatisfy { $0["initiated_by"] as? String == "kim" && $0["metrics_snapshot"] is [String: Any] })
        let route = try project.json(["route", "any_creator"])
        let decision = try #require((route["decisions"] as? [[String: Any]])?.first)
        #expect(decision["reason"] as? String == "rolled_back")
    }

    @Test("restore: wrong or missing token or reason exit 2 and change nothing; the right one restores")
    func restore() throws {
        let project = try Project()
        #expect(try project.run(["rollout", "status"]).status == 0)
        #expect(try project.run(["rollback", "trigger", "--reason", "broken"]).status == 0)
        let before = try project.run(["rollback", "status", "--format", "json"]).stdout
        let audit = try project.run(["rollback", "history", "--format", "json"]).stdout
        #expect(try project.run(["rollback", "restore", "--confirm", "WRONG", "--reason", "x"]).status == 2)
        #expect(try project.run(["rollback", "restore", "--reason", "x"]).status == 2)
        #expect(try project.run(["rollback", "restore", "--confirm", "RESTORE_V5_CONFIRMED"]).status == 2)
        #expect(try project.run(["rollback", "status", "--format", "json"]).stdout == before)
        #expect(try project.run(["rollback", "history", "--format", "json"]).stdout == audit)
        let restored = try project.run(["rollback", "restore", "--confirm", "RESTORE_V5_CONFIRMED", "--reason", "fixed"], now: "2026-01-19T10:00:00Z")
        #expect(restored.status == 0)
        #expect(restored.stderr.contains("consider `phase: shadow`"))
        let state = try project.json(["rollback", "status"], now: "2026-01-19T10:30:00Z")
        #expect(state["state"] as? String == "ACTIVE")
        #expect(state["in_cooldown"] as? Bool == true)
    }

    @Test("rollback trigger works with broken YAML; rollback check refuses it with exit 3")
    func brokenYAML() throws {
        let project = try Project()
        try project.write("alerts/rollback.yaml", "version: 1\nkind: rollback\ntriggers: [\n")
        try project.write("pipelines/rollout.yaml", "version: 1\nkind: rollout\nphase: {\n")
        #expect(try project.run(["rollback", "check"]).status == 3)
        let trigger = try project.run(["rollback", "trigger", "--reason", "yaml is broken"])
        #expect(trigger.status == 0)
        #expect(try project.json(["rollback", "status"])["state"] as? String == "DISABLED")
        #expect(try project.run(["rollback", "restore", "--confirm", "RESTORE_V5_CONFIRMED", "--reason", "ok"]).status == 0)
    }

    @Test("a rollback whose process is killed mid-drain is completed by a later invocation")
    func killedMidDrain() async throws {
        let project = try Project()
        let storage = try Storage.open(path: project.db, create: false, clock: .system)
        let configId = try storage.rolloutTransaction { db in
            try db.insertAppliedConfig(
                RolloutRoutingConfig(phase: "canary", enabled: true, creators: ["alexia"]), status: .accepted,
                reason: "test", seenAt: "2026-01-19T08:59:00.000Z", seenBy: "test"
            ).id
        }
        try storage.write { db in
            try db.execute(
                sql: """
                    INSERT INTO runs (run_id, creator_id, week_start, pipeline, role, decision, decision_target,
                      decision_reason, rollout_phase, applied_config_id, read_only, status, started_at, heartbeat_at,
                      owner_pid, owner_host, runner_version)
                    VALUES ('r1', 'cr_x', '2026-01-19', 'v5', 'primary', '{}', 'candidate', 'allowlisted', 'canary', ?, 0,
                      'running', '2026-01-19T08:59:59.000Z', '2026-01-19T09:00:00.000Z', ?, ?, 'test')
                    """,
                arguments: [configId, ProcessInfo.processInfo.processIdentifier, DatabaseOpener.hostName()])
        }
        let process = Process()
        process.executableURL = StorageCommandTests.binary
        process.arguments = ["rollback", "trigger", "--reason", "killed", "--drain-timeout", "60s", "--db", project.db, "--config", project.dir.path]
        var environment = ProcessInfo.processInfo.environment
        environment["EROS_NOW"] = "2026-01-19T09:00:00Z"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var state = RollbackState.active
        for _ in 0..<200 where state != .draining {
            try await Task.sleep(for: .milliseconds(50))
            state = try storage.rolloutSnapshot { try $0.rollbackState() }.state
        }
        #expect(state == .draining)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try storage.close()
        #expect(try project.json(["rollback", "status"], now: "2026-01-19T09:00:30Z")["state"] as? String == "DRAINING")
        let later = try project.json(["rollback", "status"], now: "2026-01-19T09:01:40Z")
        #expect(later["state"] as? String == "DISABLED")
        let events = try #require(try project.json(["rollback", "history"], now: "2026-01-19T09:01:41Z")["events"] as? [[String: Any]])
        #expect(events.first?["recovered"] as? Bool == true)
        #expect(events.first?["in_flight_at_start"] as? Int == 1)
    }

    @Test("rollout status, plan and the recovery procedure: shadow accepted while rolled back, advancement refused")
    func rolloutRecovery() throws {
        let project = try Project()
        let status = try project.json(["rollout", "status"])
        #expect(status["applied_phase"] as? String == "canary")
        #expect(status["can_advance"] as? Bool == false)
        #expect((status["verdict"] as? String)?.hasPrefix("next phase early_adopters: may not advance") == true)
        #expect(try project.run(["rollback", "trigger", "--reason", "bad"]).status == 0)
        let rollout = try String(contentsOf: project.dir.appendingPathComponent("pipelines/rollout.yaml"), encoding: .utf8)
        try project.write("pipelines/rollout.yaml", rollout.replacingOccurrences(of: "phase: canary ", with: "phase: early_adopters "))
        let refused = try project.json(["rollout", "status"])
        #expect(refused["applied_phase"] as? String == "canary")
        #expect(refused["refused_config"] is [String: Any])
        try project.write("pipelines/rollout.yaml", rollout.replacingOccurrences(of: "phase: canary ", with: "phase: shadow "))
        #expect(try project.json(["rollout", "status"])["applied_phase"] as? String == "shadow")
        let plan = try project.json(["rollout", "plan", "--phase", "canary"])
        #expect((plan["to_candidate"] as? [[String: Any]])?.map { $0["routing_key"] as? String } == ["alexia"])
        #expect(plan["allowed_now"] as? Bool == false)
        #expect(try project.run(["rollout", "plan"]).status == 2)
        #expect(try project.run(["rollout", "plan", "--percentage", "101"]).status == 2)
        #expect(try project.run(["shadow", "report"]).status == 0)
        #expect(try project.run(["explain", "--creator", "alexia"]).stdout.contains("rolled_back"))
        #expect(try project.run(["diagnose", "gates", "--creator", "alexia"]).status == 0)
        #expect(try project.run(["diagnose", "gates", "--creator", "zz!"]).status == 2)
    }

    @Test("separate processes: failing candidate runs recorded, `rollback check` rolls back (exit 1), routing then says rolled_back")
    func automaticRollbackAcrossProcesses() throws {
        let project = try Project()
        #expect(try project.run(["rollout", "status"]).status == 0)
        let storage = try Storage.open(path: project.db, create: false, clock: .system)
        let configId = try #require(try storage.rolloutSnapshot { try $0.latestAcceptedConfig() }).id
        try storage.write { db in
            for i in 0..<10 {
                try db.execute(
                    sql: """
                        INSERT INTO runs (run_id, creator_id, week_start, pipeline, role, decision, decision_target,
                          decision_reason, rollout_phase, applied_config_id, read_only, status, started_at, finished_at,
                          duration_ms, error_code, owner_pid, owner_host, runner_version)
                        VALUES (?, 'cr_x', '2026-01-19', 'v5', 'primary', '{}', 'candidate', 'allowlisted', 'canary', ?,
                          0, 'failed', ?, ?, 40000, 'AGENT_FAILED', 1, 'elsewhere', 'test')
                        """,
                    arguments: ["f\(i)", configId, "2026-01-19T09:0\(i):01.000Z", "2026-01-19T09:0\(i):41.000Z"])
            }
        }
        try storage.close()
        let dry = try project.run(["rollback", "check", "--dry-run"], now: "2026-01-19T09:10:00Z")
        #expect(dry.status == 0)
        let first = try project.run(["rollback", "check"], now: "2026-01-19T09:10:00Z")
        #expect(first.status == 0)
        #expect(first.stdout.contains("pending"))
        let second = try project.run(["rollback", "check"], now: "2026-01-19T09:15:30Z")
        #expect(second.status == 1, "\(second.stdout) \(second.stderr)")
        let state = try project.json(["rollback", "status"], now: "2026-01-19T09:16:00Z")
        #expect(state["state"] as? String == "DISABLED")
        #expect(state["trigger"] as? String == "success_rate_low")
        #expect(state["initiated_by"] as? String == "automatic")
        let route = try project.json(["route", "alexia"], now: "2026-01-19T09:16:00Z")
        #expect((route["decisions"] as? [[String: Any]])?.first?["reason"] as? String == "rolled_back")
        #expect(try project.run(["rollback", "check"], now: "2026-01-19T09:17:00Z").status == 0)
    }

    @Test("check 10 end to end: an external failing agent, ten executes, then rollback check rolls back and execute routes to control")
    func failingAgentAcrossProcesses() throws {
        let project = try Project()
        let agent = RollbackCommandTests.repository.appendingPathComponent("Tests/RunnerKitTests/Fixtures/agents/exit-nonzero.sh").path
        let agents = try String(contentsOf: project.dir.appendingPathComponent("pipelines/agents.yaml"), encoding: .utf8)
        try project.write(
            "pipelines/agents.yaml",
            agents.replacingOccurrences(
                of: "schedule-generator: { role: generator, backend: builtin }",
                with: "schedule-generator: { role: generator, backend: command, command: [\(agent)] }"))
        let weeks = ["2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23", "2026-03-02", "2026-03-09",
                     "2026-03-16", "2026-03-23", "2026-03-30"]
        for week in weeks {
            let run = try project.json(["execute", "--creator", "alexia", "--week", week])
            #expect((run["decision"] as? [String: Any])?["reason"] as? String == "allowlisted")
            #expect(run["role"] as? String == "fallback")
        }
        let first = try project.run(["rollback", "check"], now: "2026-01-19T09:01:00Z")
        #expect(first.status == 0)
        let second = try project.run(["rollback", "check"], now: "2026-01-19T09:07:00Z")
        #expect(second.status == 1, "\(second.stdout) \(second.stderr)")
        let state = try project.json(["rollback", "status"], now: "2026-01-19T09:08:00Z")
        #expect(state["state"] as? String == "DISABLED")
        #expect(state["trigger"] as? String == "success_rate_low")
        let after = try project.json(["execute", "--creator", "alexia", "--week", "2026-04-06"], now: "2026-01-19T09:09:00Z")
        #expect(after["pipeline"] as? String == "v4")
        #expect((after["decision"] as? [String: Any])?["reason"] as? String == "rolled_back")
    }
}
