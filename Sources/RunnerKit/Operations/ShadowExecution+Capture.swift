/// What a run's phases produced that a shadow comparison reads: its last schedule and its context.
actor ShadowArtifactSink<Value: Sendable> {
    private(set) var schedule: Value?
    private(set) var context: Value?

    /// Keeps the artifacts of one successful attempt (a re-produced schedule supersedes the earlier one).
    func record(_ artifacts: [Artifact: Value]) {
        if let value = artifacts[.schedule] { schedule = value }
        if let value = artifacts[.context] { context = value }
    }
}

/// Runs a pipeline's steps unchanged while copying their schedule and context artifacts to a sink.
struct ShadowCapturingRunner<Base: StepRunner>: StepRunner {
    typealias Value = Base.Value

    /// The real steps.
    let base: Base
    /// Where the artifacts go.
    let sink: ShadowArtifactSink<Base.Value>

    func run(_ phase: Phase, role: AgentRole?, attempt: Int, inputs: ArtifactStore<Value>) async throws
        -> StepOutput<Value>
    {
        let output = try await base.run(phase, role: role, attempt: attempt, inputs: inputs)
        await sink.record(output.artifacts)
        return output
    }

    func verdict(of outcome: PipelineOutcome<StepOutput<Value>>) -> RunVerdict { base.verdict(of: outcome) }
}

extension RunLauncher {
    /// This launcher with every run's artifacts copied to `sink`.
    func capturing(into sink: ShadowArtifactSink<Runner.Value>) -> RunLauncher<ShadowCapturingRunner<Runner>> {
        let make = makeRunner
        var launcher = RunLauncher<ShadowCapturingRunner<Runner>>(
            config: config, storage: storage, environment: environment, owner: owner, clock: clock
        ) { ShadowCapturingRunner(base: make($0), sink: sink) }
        launcher.heartbeatInterval = heartbeatInterval
        launcher.backoffSleep = backoffSleep
        return launcher
    }
}
