/// A `kind: rollback` file: when the candidate is rolled back automatically (config.md §7).
public struct RollbackPolicy: Sendable, Hashable {
    /// The token `rollback restore --confirm` accepts when no valid policy is loaded.
    public static let defaultRestoreToken = "RESTORE_V5_CONFIRMED"

    /// The pipeline protected.
    public var pipeline: Located<String>
    /// Whether triggers act (false keeps manual trigger and restore only).
    public var automatic: Bool
    /// How long a rollback waits for in-flight candidate runs.
    public var drainTimeout: ConfigDuration
    /// The time after a restore during which advancing is refused.
    public var cooldown: ConfigDuration
    /// The confirmation token of `rollback restore`.
    public var restoreToken: String
    /// The default `min_samples` of the triggers.
    public var minSamples: Int
    /// The triggers, in file order.
    public var triggers: [RollbackTrigger]
    /// The file, relative to the config root.
    public var file: String

    /// Creates a policy.
    public init(
        pipeline: Located<String>, automatic: Bool, drainTimeout: ConfigDuration, cooldown: ConfigDuration,
        restoreToken: String, minSamples: Int, triggers: [RollbackTrigger], file: String
    ) {
        self.pipeline = pipeline
        self.automatic = automatic
        self.drainTimeout = drainTimeout
        self.cooldown = cooldown
        self.restoreToken = restoreToken
        self.minSamples = minSamples
        self.triggers = triggers
        self.file = file
    }
}

/// One trigger: a named metric condition that starts a rollback when it fires.
public struct RollbackTrigger: Sendable, Hashable {
    /// The trigger name (id pattern), recorded as `trigger` in rollback state and events.
    public var name: Located<String>
    /// The condition.
    public var condition: MetricCondition
    /// Where the trigger starts.
    public var location: SourceLocation

    /// Creates a trigger.
    public init(name: Located<String>, condition: MetricCondition, location: SourceLocation) {
        self.name = name
        self.condition = condition
        self.location = location
    }
}
