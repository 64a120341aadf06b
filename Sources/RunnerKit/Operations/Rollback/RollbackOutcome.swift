/// What a trigger (manual or automatic) did.
public struct RollbackOutcome: Sendable {
    /// The state when the command finished.
    public var state: RollbackStateRecord
    /// Events this process committed, in order (`drain_started`, `disabled`); the caller sends
    /// the V5_AUTO_ROLLBACK notification for a `disabled` one.
    public var events: [RollbackEventRecord]
    /// The controller was already DRAINING or DISABLED: nothing changed ("already rolled back").
    public var alreadyRolledBack: Bool

    /// Creates an outcome.
    public init(state: RollbackStateRecord, events: [RollbackEventRecord], alreadyRolledBack: Bool) {
        self.state = state
        self.events = events
        self.alreadyRolledBack = alreadyRolledBack
    }

    /// The `disabled` event this process committed, if any.
    public var disabledEvent: RollbackEventRecord? { events.first { $0.event == .disabled } }
}

/// What a restore did.
public struct RestoreOutcome: Sendable {
    /// The state after the command.
    public var state: RollbackStateRecord
    /// The `restored` event, nil when the controller was already ACTIVE.
    public var event: RollbackEventRecord?
    /// Events of a stale drain this invocation completed first.
    public var recovered: RollbackEventRecord?

    /// Whether the controller was already ACTIVE ("already active", nothing changed).
    public var alreadyActive: Bool { event == nil }
}

/// One trigger evaluated by `rollback check` or after a run.
public struct TriggerEvaluation: Sendable, Hashable {
    /// The trigger's name.
    public var name: String
    /// The metric.
    public var metric: MetricKind
    /// The window.
    public var window: MetricWindow
    /// The threshold.
    public var threshold: Threshold
    /// The measurement.
    public var measurement: RollbackMeasurement
    /// What the condition gave.
    public var result: TriggerConditionResult
    /// State before and after the evaluation.
    public var from: AlertStateName
    /// State after (what it would be, in a dry run).
    public var to: AlertStateName
}

/// The result of evaluating the rollback policy.
public struct RollbackCheckResult: Sendable {
    /// Each trigger's evaluation (empty when evaluation was skipped).
    public var evaluations: [TriggerEvaluation]
    /// Why nothing was evaluated (`state is DISABLED`, `automatic: false`, `no rollback file`).
    public var skipped: String?
    /// The trigger that fired (or would fire, in a dry run).
    public var firedTrigger: String?
    /// The rollback this evaluation performed (nil in a dry run or when nothing fired).
    public var rollback: RollbackOutcome?
    /// A stale drain this invocation completed.
    public var recovered: RollbackEventRecord?

    /// Whether this evaluation performed a rollback (`rollback check` exits 1).
    public var rolledBack: Bool { rollback.map { !$0.alreadyRolledBack } ?? false }
}
