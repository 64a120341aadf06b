import Foundation
import GRDB
import Testing

@testable import RunnerKit

@Suite("The run lifecycle", .serialized)
struct RunLifecycleTests {
    let week = "2026-01-05"

    @Test("an allowlisted creator runs the candidate and leaves a finished row, attempt rows and an applied config")
    func servedRun() async throws {
        let fixture = try LifecycleFixture()
        let report = try await fixture.launcher().execute(RunRequest(creatorInput: "ALEXIA", weekStart: week))
        #expect(report.status == .succeeded)
        #expect(report.pipeline == "v5")
        #expect(report.decision.reason == .allowlisted)
        #expect(report.decision.bucket.bucket == 49)
        #expect(report.creatorId.hasPrefix("cr_"))
        #expect(report.phases.map(\.id) == ["preflight", "generator", "validator", "save"])
        let run = try #require(try fixture.storage.run(report.runId))
        #expect(run.status == "succeeded")
        #expect(run.validationStatus == "APPROVED")
        #expect(run.rolloutPhase == "canary")
        #expect(run.finishedAt != nil)
        #expect(try fixture.count("SELECT count(*) FROM run_phases WHERE status = 'succeeded'") == 4)
        #expect(try fixture.count("SELECT count(*) FROM applied_configs WHERE reason = 'bootstrap'") == 1)
        #expect(try fixture.count("SELECT count(*) FROM audit_log WHERE action IN ('run.started', 'run.finished')") == 2)
        _ = try await fixture.launcher().execute(RunRequest(creatorInput: "grace_bennett", weekStart: week))
        #expect(try fixture.count("SELECT count(*) FROM applied_configs") == 1)
    }

    @Test("a creator outside the allowlist runs control with reason default")
    func controlRun() async throws {
        let fixture = try LifecycleFixture()
        let report = try await fixture.launcher().execute(RunRequest(creatorInput: "grace_bennett", weekStart: week))
        #expect(report.pipeline == "v4")
        #expect(report.decision.reason == .default)
        #expect(report.phases.count == 11)
    }

    @Test("bad and unknown creators are refused before anything is recorded")
    func refusals() async throws {
        let fixture = try LifecycleFixture()
        await #expect(throws: CreatorInputError.invalid("creator_id contains invalid characters: !")) {
            try await fixture.launcher().execute(RunRequest(creatorInput: "ale!xia", weekStart: week))
        }
        await #expect(throws: CreatorInputError.notFound("nobody_here")) {
            try await fixture.launcher().execute(RunRequest(creatorInput: "nobody_here", weekStart: week))
        }
        #expect(try fixture.count("SELECT count(*) FROM runs") == 0)
    }

    @Test("a served run still running for the creator-week refuses a second with RUN_IN_PROGRESS")
    func runInProgress() async throws {
        let fixture = try LifecycleFixture()
        let gate = Barrier(parties: 2)
        let runner = ScriptedRunner { phase, _ in if phase == "preflight" { await gate.arrive() } }
        let launcher = try fixture.launcher(runner)
        let first = Task { try await launcher.execute(RunRequest(creatorInput: "alexia", weekStart: week)) }
        while try fixture.count("SELECT count(*) FROM runs WHERE status = 'running'") == 0 { await Task.yield() }
        do {
            _ = try await fixture.launcher().execute(RunRequest(creatorInput: "alexia", weekStart: week))
            Issue.record("expected RUN_IN_PROGRESS")
        } catch let error as RunRecordError {
            #expect(error.code == "RUN_IN_PROGRESS")
            #expect(error.exitStatus == .badInput)
        }
        await gate.arrive()
        #expect(try await first.value.status == .succeeded)
        #expect(try fixture.count("SELECT count(*) FROM runs") == 1)
    }

    @Test("a rerun after the owner was killed marks its row abandoned and proceeds")
    func abandonment() async throws {
        let fixture = try LifecycleFixture()
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let creator = try #require(try fixture.storage.resolveCreator("alexia"))
        _ = try fixture.storage.acceptRoutingConfig(hash: "sha256:x", phase: nil, flagsJSON: "{}", salt: "", seenBy: "t")
        try fixture.execute(
            """
            INSERT INTO runs (run_id, creator_id, week_start, pipeline, role, decision, decision_target,
              decision_reason, applied_config_id, read_only, status, started_at, heartbeat_at, owner_pid,
              owner_host, runner_version)
            VALUES ('dead-run', ?, ?, 'v5', 'primary', '{}', 'candidate', 'allowlisted',
              (SELECT 1), 0, 'running', '2026-01-01T08:59:50.000Z', '2026-01-01T08:59:55.000Z', ?, ?, 'test')
            """, [creator.creatorId, week, dead.processIdentifier, fixture.owner.host])
        let report = try await fixture.launcher().execute(RunRequest(creatorInput: "alexia", weekStart: week))
        #expect(report.status == .succeeded)
        let old = try #require(try fixture.storage.run("dead-run"))
        #expect(old.status == "abandoned")
        #expect(old.errorCode == "ABANDONED")
        #expect(old.errorMessage == "Owner process \(dead.processIdentifier) on \(fixture.owner.host) is gone")
        #expect(old.finishedAt == "2026-01-01T08:59:55.000Z")
        #expect(old.durationMs == 5000)
        #expect(report.notices.contains { $0.contains("dead-run") })
    }

    @Test("a phase that times out on every attempt fails the run and records each attempt as timed_out")
    func timeoutEveryAttempt() async throws {
        let fixture = try LifecycleFixture { files in
            files["v5.yaml"] = files["v5.yaml"]?.replacingOccurrences(of: "timeout: 30s", with: "timeout: 50ms")
        }
        let runner = ScriptedRunner { phase, _ in if phase == "preflight" { try await Task.sleep(for: .seconds(30)) } }
        let report = try await fixture.launcher(runner).execute(RunRequest(creatorInput: "alexia", weekStart: week))
        #expect(report.status == .failed)
        #expect(report.errors.first?.code == "PHASE_TIMEOUT")
        #expect(report.phases.first?.attempts == 3)
        #expect(try fixture.count("SELECT count(*) FROM run_phases WHERE status = 'timed_out'") == 3)
        #expect(try fixture.count("SELECT count(*) FROM runs WHERE status = 'failed' AND error_code = 'PHASE_TIMEOUT'") == 1)
        #expect(try fixture.count("SELECT count(*) FROM run_phases WHERE phase = 'generator'") == 0)
    }

    @Test("a blocking domain outcome ends the run blocked, a REJECTED verdict ends it rejected with save skipped")
    func blockedAndRejected() async throws {
        let fixture = try LifecycleFixture()
        let blocking = ScriptedRunner { phase, _ in
            if phase == "preflight" { throw PhaseFailure(.creatorInactive, "Creator alexia is not active") }
        }
        let blocked = try await fixture.launcher(blocking).execute(RunRequest(creatorInput: "alexia", weekStart: week))
        #expect(blocked.status == .blocked)
        let rejected = try await fixture.launcher(ScriptedRunner(verdict: "REJECTED"))
            .execute(RunRequest(creatorInput: "alexia", weekStart: week))
        #expect(rejected.status == .rejected)
        #expect(rejected.phases.last?.status == .skipped)
        #expect(try fixture.count("SELECT count(*) FROM run_phases WHERE status = 'skipped'") == 1)
    }

    @Test("a forced pipeline is a read-only diagnostic run with reason forced")
    func forcedRun() async throws {
        let fixture = try LifecycleFixture()
        let report = try await fixture.launcher().execute(
            RunRequest(creatorInput: "alexia", weekStart: week, forcedPipeline: "v4"))
        #expect(report.role == .diagnostic)
        #expect(report.decision.reason == .forced)
        #expect(try fixture.count("SELECT read_only FROM runs") == 1)
    }

    @Test("the default week is the first Monday strictly after today", arguments: [
        ("2026-01-01", "2026-01-05"), ("2026-01-05", "2026-01-12"), ("2026-01-04", "2026-01-05"),
    ])
    func defaultWeek(_ today: String, _ expected: String) {
        #expect(RunRequest.defaultWeek(today: today) == expected)
    }
}

@Suite("Abandonment by stale heartbeat", .serialized)
struct StaleHeartbeatTests {
    @Test("a running row of another host without a heartbeat for over 30 s is abandoned at its last heartbeat")
    func staleHeartbeat() async throws {
        let fixture = try LifecycleFixture()
        let creator = try #require(try fixture.storage.resolveCreator("alexia"))
        _ = try fixture.storage.acceptRoutingConfig(hash: "sha256:x", phase: nil, flagsJSON: "{}", salt: "", seenBy: "t")
        try fixture.execute(
            """
            INSERT INTO runs (run_id, creator_id, week_start, pipeline, role, decision, decision_target,
              decision_reason, applied_config_id, read_only, status, started_at, heartbeat_at, owner_pid,
              owner_host, runner_version)
            VALUES ('stale-run', ?, '2026-01-05', 'v5', 'primary', '{}', 'candidate', 'allowlisted', 1, 0,
              'running', '2026-01-01T08:58:00.000Z', '2026-01-01T08:58:20.000Z', 1, 'elsewhere', 'test')
            """, [creator.creatorId])
        let report = try await fixture.launcher().execute(RunRequest(creatorInput: "alexia", weekStart: "2026-01-05"))
        #expect(report.status == .succeeded)
        let old = try #require(try fixture.storage.run("stale-run"))
        #expect(old.status == "abandoned")
        #expect(old.errorMessage == "No heartbeat since 2026-01-01T08:58:20.000Z")
        #expect(old.durationMs == 20000)
    }
}
