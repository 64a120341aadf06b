import Foundation
import GRDB
import Testing

@testable import RunnerKit

/// Fails every attempt of the v5 generator phase (v4 has no phase of that id).
let failingCandidate = ScriptedRunner { phase, _ in
    if phase == "generator" { throw PhaseFailure(.agentFailed, "agent schedule-generator exited with status 3") }
}

@Suite("Automatic fallback", .serialized)
struct FallbackExecutionTests {
    let week = "2026-01-05"

    @Test("a failed candidate run is followed by a control fallback run: both recorded and linked, fallback served")
    func failedCandidateFallsBack() async throws {
        let fixture = try LifecycleFixture()
        let report = try await fixture.launcher(failingCandidate).execute(RunRequest(creatorInput: "alexia", weekStart: week))
        #expect(report.pipeline == "v4")
        #expect(report.role == .fallback)
        #expect(report.status == .succeeded)
        #expect(report.fallbackRunId == report.runId)
        #expect(report.notices.contains { $0.contains("ended failed with AGENT_FAILED; served its fallback on v4") })
        let candidateId = try #require(
            try fixture.storage.read { db in try String.fetchOne(db, sql: "SELECT run_id FROM runs WHERE role = 'primary'") })
        #expect(try fixture.count("SELECT count(*) FROM runs") == 2)
        #expect(try fixture.count(
            "SELECT count(*) FROM runs WHERE role = 'primary' AND pipeline = 'v5' AND status = 'failed' AND error_code = 'AGENT_FAILED' AND fallback_run_id = '\(report.runId)'") == 1)
        #expect(try fixture.count(
            "SELECT count(*) FROM runs WHERE run_id = '\(report.runId)' AND role = 'fallback' AND pipeline = 'v4' AND status = 'succeeded' AND fallback_of_run_id = '\(candidateId)' AND read_only = 0") == 1)
    }

    @Test("a rejected candidate run falls back too")
    func rejectedCandidateFallsBack() async throws {
        let fixture = try LifecycleFixture()
        let report = try await fixture.launcher(ScriptedRunner(verdict: "REJECTED")).execute(
            RunRequest(creatorInput: "alexia", weekStart: week))
        #expect(report.role == .fallback)
        #expect(report.status == .rejected)
        #expect(try fixture.count("SELECT count(*) FROM runs WHERE status = 'rejected'") == 2)
        #expect(try fixture.count("SELECT count(*) FROM runs WHERE fallback_run_id IS NOT NULL") == 1)
    }

    @Test("no fallback with auto_fallback off, for a dry run, or for a control run")
    func noFallback() async throws {
        let off = try LifecycleFixture()
        let offReport = try await off.launcher(failingCandidate, env: ["EROS_V5_AUTO_FALLBACK": "false"]).execute(
            RunRequest(creatorInput: "alexia", weekStart: week))
        #expect(offReport.role == .primary)
        #expect(offReport.status == .failed)
        #expect(try off.count("SELECT count(*) FROM runs") == 1)

        let dry = try LifecycleFixture()
        let dryReport = try await dry.launcher(failingCandidate).execute(
            RunRequest(creatorInput: "alexia", weekStart: week, dryRun: true))
        #expect(dryReport.status == .failed)
        #expect(try dry.count("SELECT count(*) FROM runs") == 1)

        let control = try LifecycleFixture()
        let failingControl = ScriptedRunner { phase, _ in if phase == "captions" { throw PhaseFailure(.internalError, "boom") } }
        let controlReport = try await control.launcher(failingControl).execute(
            RunRequest(creatorInput: "grace_bennett", weekStart: week))
        #expect(controlReport.pipeline == "v4")
        #expect(controlReport.status == .failed)
        #expect(try control.count("SELECT count(*) FROM runs") == 1)
    }
}
