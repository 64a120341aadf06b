/// A `kind: pipeline` file: the phases of one pipeline and their budgets (config.md §2).
public struct Pipeline: Sendable {
    /// The pipeline's name (`v4`, `v5`), unique across files.
    public var name: Located<String>
    /// Free text for people.
    public var description: String
    /// The whole-run budget, backoff sleeps included.
    public var deadline: ConfigDuration
    /// Where `deadline` is written (the pipeline name when it is not).
    public var deadlineLocation: SourceLocation
    /// The per-phase defaults (`defaults.timeout`, `defaults.retry`), already applied to `phases`.
    public var defaults: PhaseDefaults
    /// The phases in file order (execution order comes from `needs`).
    public var phases: [Phase]
    /// The file the pipeline was read from, relative to the config root.
    public var file: String

    /// Creates a pipeline.
    public init(
        name: Located<String>, description: String, deadline: ConfigDuration, deadlineLocation: SourceLocation,
        defaults: PhaseDefaults, phases: [Phase], file: String
    ) {
        self.name = name
        self.description = description
        self.deadline = deadline
        self.deadlineLocation = deadlineLocation
        self.defaults = defaults
        self.phases = phases
        self.file = file
    }

    /// The phase with this id, if any.
    public func phase(_ id: String) -> Phase? { phases.first { $0.id.value == id } }
}

/// The `defaults:` block of a pipeline.
public struct PhaseDefaults: Sendable, Hashable {
    /// Per-attempt timeout of a phase that sets none.
    public var timeout: ConfigDuration
    /// Retry policy of a phase that sets none (fields merge key by key).
    public var retry: RetryPolicy

    /// Creates defaults.
    public init(timeout: ConfigDuration, retry: RetryPolicy) {
        self.timeout = timeout
        self.retry = retry
    }
}

/// How a phase is retried: total attempts and capped exponential backoff.
public struct RetryPolicy: Sendable, Hashable {
    /// Total number of attempts (1 = no retry).
    public var attempts: Int
    /// Sleep before the second attempt; doubles each time.
    public var backoff: ConfigDuration
    /// Upper bound of one sleep.
    public var maxBackoff: ConfigDuration

    /// Creates a policy.
    public init(attempts: Int, backoff: ConfigDuration, maxBackoff: ConfigDuration) {
        self.attempts = attempts
        self.backoff = backoff
        self.maxBackoff = maxBackoff
    }

    /// The sleep before attempt `n + 1` (n ≥ 1), before jitter: min(backoff × 2^(n−1), max_backoff).
    public func sleep(afterAttempt n: Int) -> ConfigDuration {
        var value = backoff.milliseconds
        for _ in 1..<max(n, 1) {
            value *= 2
            if value >= maxBackoff.milliseconds { break }
        }
        return ConfigDuration(milliseconds: min(value, maxBackoff.milliseconds))
    }

    /// The worst-case duration of a phase: every attempt timing out plus every sleep between them.
    public func worstCase(timeout: ConfigDuration) -> ConfigDuration {
        var total = timeout * attempts
        if attempts > 1 {
            for n in 1..<attempts { total = total + sleep(afterAttempt: n) }
        }
        return total
    }
}

/// One phase of a pipeline.
public struct Phase: Sendable {
    /// The phase id, unique in its pipeline.
    public var id: Located<String>
    /// The step kind it runs.
    public var uses: Located<StepKind>
    /// The phases that must finish first, in file order.
    public var needs: [Located<String>]
    /// The kind's parameters (`with:`).
    public var with: StepParameters
    /// The `if:` condition; nil runs the phase unconditionally.
    public var condition: PhaseCondition?
    /// Per-attempt timeout (the pipeline default when unset).
    public var timeout: ConfigDuration
    /// Retry policy (the pipeline default, key by key, when unset).
    public var retry: RetryPolicy
    /// Whether a failure after retries lets the run go on (advisory kinds only).
    public var continueOnError: Bool
    /// Where the phase starts in its file.
    public var location: SourceLocation

    /// Creates a phase.
    public init(
        id: Located<String>, uses: Located<StepKind>, needs: [Located<String>], with: StepParameters,
        condition: PhaseCondition?, timeout: ConfigDuration, retry: RetryPolicy, continueOnError: Bool,
        location: SourceLocation
    ) {
        self.id = id
        self.uses = uses
        self.needs = needs
        self.with = with
        self.condition = condition
        self.timeout = timeout
        self.retry = retry
        self.continueOnError = continueOnError
        self.location = location
    }
}

/// The `with:` parameters of a phase, checked against its kind (only `agent` takes any).
public struct StepParameters: Sendable, Hashable {
    /// `with.agent`: the name of an entry of `kind: agents`.
    public var agent: Located<String>?
    /// `with.model`: the model passed to the agent (`{model}` in its command).
    public var model: String?

    /// Creates parameters.
    public init(agent: Located<String>? = nil, model: String? = nil) {
        self.agent = agent
        self.model = model
    }
}

/// A parsed `if:` expression with its source text.
public struct PhaseCondition: Sendable {
    /// The text as written.
    public var source: String
    /// The parsed expression.
    public var expression: IfExpression
    /// Where the expression starts.
    public var location: SourceLocation

    /// Creates a condition.
    public init(source: String, expression: IfExpression, location: SourceLocation) {
        self.source = source
        self.expression = expression
        self.location = location
    }
}
