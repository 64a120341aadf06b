import Foundation
import GRDB

@testable import RunnerKit

/// A step runner whose behaviour per phase id is scripted by the test.
struct ScriptedRunner: StepRunner {
    var verdict = "APPROVED"
    var script: @Sendable (String, Int) async throws -> Void = { _, _ in }

    func run(_ phase: Phase, role: AgentRole?, attempt: Int, inputs: ArtifactStore<String>) async throws
        -> StepOutput<String>
    {
        try await script(phase.id.value, attempt)
        var output = StepOutput<String>()
        for artifact in phase.uses.value.produces(role: role) { output.artifacts[artifact] = phase.id.value }
        if phase.uses.value.exposedFields(role: role).contains("quality_score") {
            output.fields = ["status": .text(verdict), "quality_score": .number(91), "violations": .list([])]
        }
        return output
    }
}

/// A temp directory with a sample database and a copy of the shipped configuration.
final class LifecycleFixture: @unchecked Sendable {  // written once in init, then only read
    let directory: URL
    let storage: Storage
    let owner = RunOwner(pid: getpid(), host: DatabaseOpener.hostName(), runnerVersion: "test")
    let clock = RunnerClock(startingAt: Timestamp.parse("2026-01-01T09:00:00Z")!)

    static let template: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("eros-template-\(getpid()).db")
        if !FileManager.default.fileExists(atPath: url.path) {
            let clock = RunnerClock(startingAt: Timestamp.parse("2026-01-01T09:00:00Z")!)
            let storage = try! Storage.open(path: url.path, create: true, clock: clock)
            _ = try! SampleDataset.load(into: storage, asOf: "2026-01-01")
            try! storage.close()
        }
        return url
    }()

    /// `edit` rewrites pipeline files (name -> text) before loading.
    init(edit: (inout [String: String]) -> Void = { _ in }) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("eros-run-\(UUID().uuidString)")
        let pipelines = directory.appendingPathComponent("pipelines")
        try FileManager.default.createDirectory(at: pipelines, withIntermediateDirectories: true)
        let shipped = ConfiguredPipelineTests.repositoryRoot.appendingPathComponent("pipelines")
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: shipped.path) where name.hasSuffix(".yaml") {
            files[name] = try String(contentsOf: shipped.appendingPathComponent(name), encoding: .utf8)
        }
        edit(&files)
        for (name, text) in files { try text.write(to: pipelines.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let db = directory.appendingPathComponent("eros.db")
        try FileManager.default.copyItem(at: Self.template, to: db)
        storage = try Storage.open(path: db.path, create: false, clock: clock)
    }

    deinit {
        try? storage.close()
        try? FileManager.default.removeItem(at: directory)
    }

    func config() throws -> LoadedConfig { try ConfigLoader.load(root: directory, environment: [:]) }

    func launcher(_ runner: ScriptedRunner = ScriptedRunner(), env: [String: String] = [:]) throws
        -> RunLauncher<ScriptedRunner>
    {
        var launcher = RunLauncher(
            config: try config(), storage: storage, environment: try FlagEnvironment.parse(env, candidate: "v5"),
            owner: owner, clock: clock, makeRunner: { _ in runner })
        launcher.backoffSleep = { _ in }
        return launcher
    }

    func count(_ sql: String) throws -> Int {
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("eros.db").path)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("eros.db").path)
        defer { try? queue.close() }
        try queue.write { try $0.execute(sql: sql, arguments: arguments) }
    }
}
