/// One phase as the interpreter sees it: scheduling facts only, no step kind.
///
/// The step closure given to `PipelineInterpreter` knows what each phase id does; the plan
/// only says when and how often it runs.
public struct PhasePlan<Output: Sendable>: Sendable {
    /// Decides, once every need has finished, whether the phase runs (`if:`); false skips it.
    public typealias Condition = @Sendable (_ completed: [String: PhaseResult<Output>]) -> Bool

    /// The phase id.
    public var id: String
    /// Ids of the phases it needs.
    public var needs: [String]
    /// Per-attempt timeout.
    public var timeout: Duration
    /// Retry policy.
    public var retry: RetrySchedule
    /// Whether a failure after retries lets the run go on (advisory kinds only).
    public var continueOnError: Bool
    /// The `if` predicate, or nil to always run.
    public var condition: Condition?
    /// The `if` text, for skip messages.
    public var conditionText: String?

    /// Creates a phase plan.
    public init(
        id: String, needs: [String] = [], timeout: Duration = .seconds(60), retry: RetrySchedule = RetrySchedule(),
        continueOnError: Bool = false, condition: Condition? = nil, conditionText: String? = nil
    ) {
        self.id = id
        self.needs = needs
        self.timeout = timeout
        self.retry = retry
        self.continueOnError = continueOnError
        self.condition = condition
        self.conditionText = conditionText
    }
}

/// A pipeline as the interpreter sees it: phases in file order and the whole-run deadline.
public struct PipelinePlan<Output: Sendable>: Sendable {
    /// The pipeline name.
    public var name: String
    /// Whole-run budget, backoff sleeps included.
    public var deadline: Duration
    /// Phases in file order (execution order comes from `needs`).
    public var phases: [PhasePlan<Output>]

    /// Creates a plan.
    public init(name: String, deadline: Duration, phases: [PhasePlan<Output>]) {
        self.name = name
        self.deadline = deadline
        self.phases = phases
    }
}
