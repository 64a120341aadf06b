import Foundation
import Testing

@testable import RunnerKit

/// A step runner that produces every declared artifact as text and records what it read.
struct EchoRunner: StepRunner {
    let probe: Probe
    var verdict = "APPROVED"

    func run(_ phase: Phase, role: AgentRole?, attempt: Int, inputs: ArtifactStore<String>) async throws
        -> StepOutput<String>
    {
        let id = phase.id.value
        _ = await probe.call(id)
        var read: [String] = []
        for input in phase.uses.value.consumes(role: role) {
            if let value = inputs.value(input.artifact) { read.append(value) }
        }
        await probe.event(.skipped(phase: "read:\(id)", ordinal: 0, at: Date(), reason: read.joined(separator: ",")))
        var output = StepOutput<String>()
        for artifact in phase.uses.value.produces(role: role) { output.artifacts[artifact] = "\(id).\(artifact.rawValue)" }
        if phase.uses.value.exposedFields(role: role).contains("status") { output.fields["status"] = .text(verdict) }
        return output
    }
}

extension Probe {
    /// What phase `id` read, as recorded by `EchoRunner`.
    func reads(_ id: String) -> [String] {
        for case .skipped(let phase, _, _, let reason) in events where phase == "read:\(id)" {
            return reason.split(separator: ",").map(String.init)
        }
        return []
    }
}

@Suite("Configured pipelines run through the interpreter")
struct ConfiguredPipelineTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func load(_ root: URL) throws -> LoadedConfig {
        let config = try ConfigLoader.load(root: root, environment: [:])
        #expect(config.isValid, "\(config.blockingErrors.map(\.message))")
        return config
    }

    func execute(_ config: LoadedConfig, _ name: String, runner: EchoRunner) async throws
        -> PipelineOutcome<StepOutput<String>>
    {
        let pipeline = try #require(config.pipelines[name])
        let graph = try #require(config.graphs[name])
        let executor = PipelineExecutor(
            pipeline: pipeline, graph: graph, agents: config.agents, runner: runner, backoffSleep: { _ in })
        return await executor.run()
    }

    @Test("the shipped v4 runs every phase and each reads the artifact of its nearest producer")
    func shippedV4() async throws {
        let probe = Probe()
        let outcome = try await execute(load(Self.repositoryRoot), "v4", runner: EchoRunner(probe: probe))
        #expect(outcome.failure == nil)
        #expect(outcome.phases.map(\.id) == [
            "context", "readiness", "performance", "allocation", "captions", "timing", "followups", "assembly",
            "pricing", "validation", "save",
        ])
        #expect(outcome.phases.allSatisfy { $0.status == .succeeded })
        #expect(await probe.reads("allocation") == ["context.context", "performance.analysis"])
        #expect(await probe.reads("pricing") == ["context.context", "assembly.schedule"])
        #expect(await probe.reads("validation") == ["context.context", "pricing.schedule"])
        #expect(await probe.reads("save") == ["pricing.schedule", "validation.certificate"])
    }

    @Test("a REJECTED verdict makes the shipped if skip save")
    func rejectedSkipsSave() async throws {
        let probe = Probe()
        let outcome = try await execute(
            load(Self.repositoryRoot), "v5", runner: EchoRunner(probe: probe, verdict: "REJECTED"))
        #expect(outcome.failure == nil)
        #expect(outcome.phase("save")?.status == .skipped)
        #expect(outcome.phase("validator")?.status == .succeeded)
        #expect(await probe.calls["save"] == nil)
    }

    @Test("a pipeline YAML edited between runs: removing a v4 phase runs the new DAG")
    func editedPipeline() async throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("eros-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }
        try FileManager.default.copyItem(
            at: Self.repositoryRoot.appendingPathComponent("pipelines"), to: temp.appendingPathComponent("pipelines"))

        let before = Probe()
        _ = try await execute(load(temp), "v4", runner: EchoRunner(probe: before))
        #expect(await before.calls["performance"] == 1)

        let file = temp.appendingPathComponent("pipelines/v4.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "  - id: performance\n    uses: analyze_performance\n    needs: [context]\n", with: "")
        text = text.replacingOccurrences(of: "needs: [readiness, performance]", with: "needs: [readiness]")
        try text.write(to: file, atomically: true, encoding: .utf8)

        let after = Probe()
        let outcome = try await execute(load(temp), "v4", runner: EchoRunner(probe: after))
        #expect(outcome.failure == nil)
        #expect(!outcome.phases.map(\.id).contains("performance"))
        #expect(outcome.phases.count == 10)
        #expect(await after.calls["performance"] == nil)
        #expect(await after.reads("allocation") == ["context.context"])
        #expect(outcome.phase("save")?.status == .succeeded)
    }
}
