import Foundation
import Testing

@testable import RunnerKit

/// Serves the hand-built scheduling fixtures whatever creator is asked for.
struct FixtureDataSource: SchedulingDataSource {
    let name: String

    func loadCreatorData(creator: String, weekStart: DayDate) throws(SchedulingError) -> CreatorData {
        SchedulingFixtures.data(name, week: weekStart)
    }

    func loadGateData(creatorId: String) throws(SchedulingError) -> GateData {
        let spec = SchedulingFixtures.specs[name]!
        return GateData(vaultTypes: spec.vault, avoidTypes: spec.avoid)
    }
}

extension LifecycleFixture {
    func builtinLauncher(_ fixtureName: String) throws -> RunLauncher<BuiltinSteps> {
        let tools = DataTools(storage: storage)
        let source = FixtureDataSource(name: fixtureName)
        var launcher = RunLauncher(
            config: try config(), storage: storage, environment: FlagEnvironment(candidate: "v5"), owner: owner,
            clock: clock
        ) { BuiltinSteps(services: StepServices(run: $0, dataSource: source, tools: tools)) }
        launcher.backoffSleep = { _ in }
        return launcher
    }
}

@Suite("Built-in steps through the shipped pipelines", .serialized)
struct BuiltinStepsTests {
    let week = "2026-01-05"

    @Test("v5 with builtin agents generates, validates and saves a schedule; v4 produces the same schedule")
    func v5AndV4Agree() async throws {
        let fixture = try LifecycleFixture()
        let v5 = try await fixture.builtinLauncher("alexia").execute(RunRequest(creatorInput: "alexia", weekStart: week))
        #expect(v5.pipeline == "v5")
        #expect(v5.status == .succeeded, "\(v5.errors)")
        #expect(["APPROVED", "NEEDS_REVIEW"].contains(v5.validationStatus ?? ""))
        #expect(v5.scheduleId != nil)
        #expect((v5.totalItems ?? 0) > 0)
        #expect(v5.scheduleHash?.hasPrefix("sha256:") == true)

        let v4 = try await fixture.builtinLauncher("alexia").execute(
            RunRequest(creatorInput: "alexia", weekStart: week, forcedPipeline: "v4"))
        #expect(v4.status == .succeeded, "\(v4.errors)")
        #expect(v4.phases.count == 11)
        #expect(v4.phases.allSatisfy { $0.status == .succeeded })
        #expect(v4.scheduleId == nil, "a diagnostic run saves as a dry run")
        #expect(v4.scheduleHash == v5.scheduleHash)
        #expect(v4.totalItems == v5.totalItems)
    }

    @Test("a dry run records the run but writes no schedule")
    func dryRun() async throws {
        let fixture = try LifecycleFixture()
        let before = try fixture.count("SELECT count(*) FROM schedule_templates")
        let report = try await fixture.builtinLauncher("alexia").execute(
            RunRequest(creatorInput: "alexia", weekStart: week, dryRun: true))
        #expect(report.status == .succeeded, "\(report.errors)")
        #expect(report.scheduleId == nil)
        #expect(try fixture.count("SELECT count(*) FROM schedule_templates") == before)
        #expect(try fixture.count("SELECT read_only FROM runs") == 1)
    }

    @Test("a creator with an empty vault ends blocked and nothing is saved", arguments: ["v4", "v5"])
    func emptyVaultBlocked(_ pipeline: String) async throws {
        let fixture = try LifecycleFixture()
        let before = try fixture.count("SELECT count(*) FROM schedule_templates")
        let report = try await fixture.builtinLauncher("empty_vault").execute(
            RunRequest(creatorInput: "alexia", weekStart: week, forcedPipeline: pipeline))
        #expect(report.status == .blocked)
        #expect(["READINESS_BLOCKED", "NO_ELIGIBLE_CONTENT"].contains(report.errors.first?.code ?? ""))
        #expect(try fixture.count("SELECT count(*) FROM schedule_templates") == before)
    }
}
