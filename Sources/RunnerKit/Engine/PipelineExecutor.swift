/// Runs one attempt of a configured phase: the seam between the interpreter and the step kinds.
public protocol StepRunner<Value>: Sendable {
    /// The artifact payload type passed between phases.
    associatedtype Value: Sendable

    /// Runs `phase` (of kind `phase.uses`, agent role `role`) reading its inputs from `inputs`.
    func run(_ phase: Phase, role: AgentRole?, attempt: Int, inputs: ArtifactStore<Value>) async throws
        -> StepOutput<Value>

    /// The verdict of a finished run (a requirement, so a runner's own version is the one used
    /// through generics; the default reads the exposed fields).
    func verdict(of outcome: PipelineOutcome<StepOutput<Value>>) -> RunVerdict
}

/// A loaded pipeline bound to its step runner: the one way a configured pipeline is executed.
public struct PipelineExecutor<Runner: StepRunner>: Sendable {
    /// The pipeline as loaded.
    public let pipeline: Pipeline
    /// Its dependency graph (artifact producers resolved).
    public let graph: PipelineDAG
    /// Executes each phase's kind.
    public let runner: Runner
    /// The interpreter, planned from the pipeline.
    public private(set) var interpreter: PipelineInterpreter<StepOutput<Runner.Value>>

    /// Binds `pipeline` to `runner`; `deadline` overrides the pipeline's (shadow candidates).
    public init(
        pipeline: Pipeline, graph: PipelineDAG, agents: AgentsConfig, runner: Runner, clock: RunnerClock = .system,
        deadline: ConfigDuration? = nil,
        backoffSleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        onEvent: @escaping @Sendable (PhaseEvent) async -> Void = { _ in }
    ) {
        self.pipeline = pipeline
        self.graph = graph
        self.runner = runner
        let plan = PipelinePlan<StepOutput<Runner.Value>>.configured(pipeline, agents: agents, deadline: deadline)
        self.interpreter = PipelineInterpreter(
            plan: plan, clock: clock, backoffSleep: backoffSleep, onEvent: onEvent
        ) { invocation in
            guard let index = graph.index[invocation.phase.id] else {
                throw PhaseFailure(.internalError, "phase \(invocation.phase.id) is not in the pipeline graph")
            }
            let store = ArtifactStore(phase: invocation.phase.id, graph: graph, completed: invocation.completed)
            return try await runner.run(
                graph.phases[index], role: graph.roles[index], attempt: invocation.attempt, inputs: store)
        }
    }

    /// Runs the pipeline; every failure is in the outcome.
    public func run() async -> PipelineOutcome<StepOutput<Runner.Value>> { await interpreter.run() }
}
