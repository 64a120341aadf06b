import Foundation
import GRDB
import Testing

@testable import RunnerKit

@Suite("Shadow execution", .serialized)
struct ShadowExecutionTests {
    let week = "2026-01-05"
    let shadowEnv = ["EROS_V5_SHADOW_MODE": "true"]

    func comparison(_ fixture: LifecycleFixture) throws -> Row? {
        let queue = try DatabaseQueue(path: fixture.directory.appendingPathComponent("eros.db").path)
        defer { try? queue.close() }
        return try queue.read { try Row.fetchOne($0, sql: "SELECT * FROM shadow_comparisons") }
    }

    @Test("a shadow decision serves control and runs the candidate read-only beside it, then writes the comparison")
    func shadowPair() async throws {
        let fixture = try LifecycleFixture()
        let report = try await fixture.launcher(env: shadowEnv).execute(RunRequest(creatorInput: "alexia", weekStart: week))
        #expect(report.pipeline == "v4")
        #expect(report.role == .primary)
        #expect(report.status == .succeeded)
        #expect(report.decision.reason == .shadowMode)
        #expect(try fixture.count(
            "SELECT count(*) FROM runs WHERE role = 'shadow' AND pipeline = 'v5' AND read_only = 1 AND status = 'succeeded' AND shadow_of_run_id = '\(report.runId)'") == 1)
        let row = try #require(try comparison(fixture))
        #expect(row["control_run_id"] == report.runId)
        #expect(row["recommendation"] == "equivalent")
        #expect(row["tier"] == "unknown")
        #expect(row["quality_diff"] == 0.0)
        #expect(row["control_status"] == "succeeded")
        #expect(row["candidate_timed_out"] == 0)
        #expect(report.shadowComparison?.comparison.recommendation == .equivalent)
    }

    @Test("a failing candidate is recorded as v5_failed and never reaches the served result; no fallback")
    func failingCandidate() async throws {
        let fixture = try LifecycleFixture()
        let report = try await fixture.launcher(RunnerKitTests.failingCandidate, env: shadowEnv).execute(
            RunRequest(creatorInput: "alexia", weekStart: week))
        #expect(report.status == .succeeded)
        #expect(report.errors.isEmpty)
        #expect(try fixture.count("SELECT count(*) FROM runs") == 2)
        let row = try #require(try comparison(fixture))
        #expect(row["recommendation"] == "v5_failed")
        #expect(row["candidate_status"] == "failed")
        #expect(row["candidate_error_code"] == "AGENT_FAILED")
        #expect(row["quality_diff"] as Double? == nil)
    }

    @Test("a candidate past shadow.candidate_deadline ends SHADOW_DEADLINE_EXCEEDED while control is served")
    func candidateDeadline() async throws {
        let fixture = try LifecycleFixture { files in
            files["rollout.yaml"] = files["rollout.yaml"]!.replacingOccurrences(
                of: "candidate_deadline: 360s", with: "candidate_deadline: 300ms")
        }
        let slow = ScriptedRunner { phase, _ in if phase == "generator" { try await Task.sleep(for: .seconds(20)) } }
        let report = try await fixture.launcher(slow, env: shadowEnv, realTimers: true).execute(RunRequest(creatorInput: "alexia", weekStart: week))
        #expect(report.status == .succeeded)
        let row = try #require(try comparison(fixture))
        #expect(row["candidate_error_code"] == "SHADOW_DEADLINE_EXCEEDED")
        #expect(row["candidate_timed_out"] == 1)
        #expect(row["recommendation"] == "v5_failed")
        #expect(try fixture.count(
            "SELECT count(*) FROM runs WHERE role = 'shadow' AND status = 'failed' AND error_code = 'SHADOW_DEADLINE_EXCEEDED'") == 1)
    }

    @Test("a failing control is served as is and the pair is control_failed")
    func failingControl() async throws {
        let fixture = try LifecycleFixture()
        let runner = ScriptedRunner { phase, _ in if phase == "captions" { throw PhaseFailure(.internalError, "boom") } }
        let report = try await fixture.launcher(runner, env: shadowEnv).execute(RunRequest(creatorInput: "alexia", weekStart: week))
        #expect(report.status == .failed)
        #expect(report.pipeline == "v4")
        #expect(try fixture.count("SELECT count(*) FROM runs") == 2)
        #expect(try comparison(fixture)?["recommendation"] == "control_failed")
    }

    @Test("with the built-in steps, only control saves; the candidate's save is a dry run and the comparison has both schedules")
    func builtinShadowPair() async throws {
        let fixture = try LifecycleFixture()
        let before = try fixture.count("SELECT count(*) FROM schedule_templates")
        var launcher = try fixture.builtinLauncher("alexia")
        launcher.environment = try FlagEnvironment.parse(shadowEnv, candidate: "v5")
        let report = try await launcher.execute(RunRequest(creatorInput: "alexia", weekStart: week))
        #expect(report.status == .succeeded, "\(report.errors)")
        #expect(report.scheduleId != nil)
        #expect(try fixture.count("SELECT count(*) FROM schedule_templates") == before + 1)
        let row = try #require(try comparison(fixture))
        #expect(row["recommendation"] == "equivalent")
        #expect(row["items_match"] == 1)
        #expect(row["send_type_overlap"] == 1.0)
        #expect(row["category_diffs"] == #"{"engagement":0,"retention":0,"revenue":0}"#)
        #expect((row["control_items"] as Int?) ?? 0 > 0)
        #expect(row["control_items"] as Int? == row["candidate_items"] as Int?)
        #expect(row["control_schedule_hash"] as String? == row["candidate_schedule_hash"] as String?)
        #expect(row["tier"] as String? != "unknown")
    }
}

@Suite("Read-only mode", .serialized)
struct ReadOnlyModeTests {
    @Test("a shadow candidate that tries a real save is stopped with READ_ONLY_VIOLATION and nothing is written")
    func shadowCandidateCannotSave() async throws {
        let fixture = try LifecycleFixture()
        let before = try fixture.count("SELECT count(*) FROM schedule_templates")
        let auditBefore = try fixture.count("SELECT count(*) FROM audit_log WHERE entity_type = 'schedule_templates'")
        let tools = DataTools(storage: fixture.storage)
        let source = FixtureDataSource(name: "alexia")
        var launcher = RunLauncher(
            config: try fixture.config(), storage: fixture.storage,
            environment: try FlagEnvironment.parse(["EROS_V5_SHADOW_MODE": "true"], candidate: "v5"), owner: fixture.owner,
            clock: fixture.clock
        ) { run in SavingAnywayRunner(base: BuiltinSteps(services: StepServices(run: run, dataSource: source, tools: tools))) }
        launcher.backoffSleep = { _ in }
        let report = try await launcher.execute(RunRequest(creatorInput: "alexia", weekStart: "2026-01-05"))
        #expect(report.status == .succeeded, "\(report.errors)")
        #expect(try fixture.count("SELECT count(*) FROM schedule_templates") == before + 1, "only control saved")
        #expect(try fixture.count("SELECT count(*) FROM audit_log WHERE entity_type = 'schedule_templates'") <= auditBefore + 1)
        #expect(try fixture.count(
            "SELECT count(*) FROM runs WHERE role = 'shadow' AND status = 'failed' AND error_code = 'READ_ONLY_VIOLATION'") == 1)
        #expect(try fixture.count(
            "SELECT count(*) FROM run_phases WHERE phase = 'save' AND error_code = 'READ_ONLY_VIOLATION'") == 1,
            "not retried")
        #expect(try fixture.count(
            "SELECT count(*) FROM shadow_comparisons WHERE candidate_error_code = 'READ_ONLY_VIOLATION' AND recommendation = 'v5_failed'") == 1)
    }

    @Test("read-only runs allow only a dry-run save; writable runs allow everything")
    func guardRules() throws {
        func environment(readOnly: Bool) throws -> RunEnvironment {
            let fixture = try LifecycleFixture()
            return RunEnvironment(
                runId: "r1", creator: CreatorIdentity(creatorId: "c1", pageName: "p", isActive: true, pageType: "paid", volumeTier: nil),
                weekStart: "2026-01-05", pipeline: "v5", role: .shadow, readOnly: readOnly, storage: fixture.storage,
                clock: fixture.clock, actor: "test", configRoot: nil, agents: AgentsConfig())
        }
        let readOnly = try environment(readOnly: true)
        #expect(throws: PhaseFailure.self) { try readOnly.requireWritable(tool: "save_schedule", dryRun: false) }
        #expect(throws: PhaseFailure.self) { try readOnly.requireWritable(tool: "save_volume_triggers", dryRun: false) }
        try readOnly.requireWritable(tool: "save_schedule", dryRun: true)
        try environment(readOnly: false).requireWritable(tool: "save_schedule", dryRun: false)
    }
}

/// The built-in steps, except that the save phase asks for a real write whatever the run is:
/// what a misbehaving step in a shadow candidate would do.
struct SavingAnywayRunner: StepRunner {
    let base: BuiltinSteps

    func run(_ phase: Phase, role: AgentRole?, attempt: Int, inputs: ArtifactStore<ArtifactValue>) async throws
        -> StepOutput<ArtifactValue>
    {
        guard phase.uses.value == .saveSchedule else {
            return try await base.run(phase, role: role, attempt: attempt, inputs: inputs)
        }
        let run = base.services.run
        try run.requireWritable(tool: "save_schedule", dryRun: false)
        let schedule = try inputs.schedule()
        let saved = base.services.tools.saveSchedule(
            [
                "creator_id": .string(run.creator.creatorId), "week_start": .string(run.weekStart),
                "items": try ToolValue.encode(schedule.savedList),
                "validation_certificate": try ToolValue.encode(try inputs.certificate().certificate),
                "dry_run": false,
            ], context: ToolCallContext(runID: run.runId, actor: run.actor, readOnly: false))
        return StepOutput(artifacts: [.saved: .saved(saved)], fields: ["status": .text(saved.status ?? "saved")])
    }

    func verdict(of outcome: PipelineOutcome<StepOutput<ArtifactValue>>) -> RunVerdict { base.verdict(of: outcome) }
}
