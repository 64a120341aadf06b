/// What the built-in steps of one run use: the run's facts, the scheduling data and the data tools.
public struct StepServices: Sendable {
    /// The run.
    public var run: RunEnvironment
    /// Loads creator data and gate data for the schedule domain.
    public var dataSource: any SchedulingDataSource
    /// The data tools (save_schedule).
    public var tools: DataTools

    /// Creates the services.
    public init(run: RunEnvironment, dataSource: any SchedulingDataSource, tools: DataTools) {
        self.run = run
        self.dataSource = dataSource
        self.tools = tools
    }
}

/// One attempt's input to a step kind.
public struct StepInput: Sendable {
    /// The phase as configured.
    public var phase: Phase
    /// The agent role, for `agent` phases.
    public var role: AgentRole?
    /// 1-based attempt.
    public var attempt: Int
    /// The artifacts the phase may read.
    public var inputs: ArtifactStore<ArtifactValue>
    /// The run's services.
    public var services: StepServices
}

/// One step kind's implementation.
public protocol PhaseStep: Sendable {
    /// Runs one attempt.
    func run(_ input: StepInput) async throws -> StepOutput<ArtifactValue>
}

extension PhaseFailure {
    /// A schedule-domain error as a phase failure with the same code.
    init(_ error: SchedulingError) {
        self.init(RunErrorCode(rawValue: error.code), error.description)
    }
}

extension ExpressionValue {
    /// A list of texts.
    static func texts(_ values: [String]) -> ExpressionValue { .list(values.map(ExpressionValue.text)) }

    /// An integer number.
    static func int(_ value: Int) -> ExpressionValue { .number(Double(value)) }
}

/// Runs a schedule-domain call, turning its typed error into a phase failure with the same code.
func domain<T>(_ body: () throws(SchedulingError) -> T) throws(PhaseFailure) -> T {
    do {
        return try body()
    } catch {
        throw PhaseFailure(error)
    }
}
