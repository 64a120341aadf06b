import Foundation

/// The one `rollback_state` row (data-model.md §3.4); timestamps are the stored ISO text.
public struct RollbackStateRecord: Sendable, Hashable {
    /// ACTIVE, DRAINING or DISABLED.
    public var state: RollbackState
    /// When the state was entered.
    public var since: String
    /// Why.
    public var reason: String
    /// `automatic`, an operator's user name, or `migration`.
    public var initiatedBy: String
    /// The rollback trigger's name; nil for manual actions.
    public var trigger: String?
    /// End of the post-restore cooldown.
    public var cooldownUntil: String?
    /// Start of the current candidate epoch.
    public var epochStartedAt: String

    /// Creates a record.
    public init(
        state: RollbackState, since: String, reason: String, initiatedBy: String, trigger: String?,
        cooldownUntil: String?, epochStartedAt: String
    ) {
        self.state = state
        self.since = since
        self.reason = reason
        self.initiatedBy = initiatedBy
        self.trigger = trigger
        self.cooldownUntil = cooldownUntil
        self.epochStartedAt = epochStartedAt
    }

    /// Whether the cooldown is still running at `now`.
    public func inCooldown(at now: Date) -> Bool {
        guard let cooldownUntil, let end = Timestamp.parse(cooldownUntil) else { return false }
        return now < end
    }

    /// The row as audit JSON.
    var auditValue: ToolValue {
        .object([
            "state": .string(state.rawValue), "since": .string(since), "reason": .string(reason),
            "initiated_by": .string(initiatedBy), "trigger": trigger.map(ToolValue.string) ?? .null,
            "cooldown_until": cooldownUntil.map(ToolValue.string) ?? .null,
            "epoch_started_at": .string(epochStartedAt),
        ])
    }
}

/// The audit events of the rollback controller (`rollback_events.event`).
public enum RollbackEventKind: String, Sendable, Hashable, Codable {
    case drainStarted = "drain_started"
    case disabled
    case restored
}

/// One `rollback_events` row.
public struct RollbackEventRecord: Sendable, Hashable {
    /// The event id (0 before insertion).
    public var eventId: Int64
    /// When.
    public var at: String
    /// Which transition.
    public var event: RollbackEventKind
    /// State before.
    public var fromState: RollbackState
    /// State after.
    public var toState: RollbackState
    /// Why.
    public var reason: String
    /// Who: `automatic` or a user name.
    public var initiatedBy: String
    /// The trigger's name, for automatic rollbacks.
    public var trigger: String?
    /// The metrics at the time, as canonical JSON (nil when none was taken).
    public var metricsSnapshot: ToolValue?
    /// How long the drain took (disabled events).
    public var drainMs: Int64?
    /// Candidate runs in flight when the drain began.
    public var inFlightAtStart: Int?
    /// Candidate runs still in flight when DISABLED was written.
    public var inFlightRemaining: Int?
    /// DISABLED written by a later invocation after the draining process died.
    public var recovered: Bool

    /// Creates an event.
    public init(
        eventId: Int64 = 0, at: String, event: RollbackEventKind, fromState: RollbackState, toState: RollbackState,
        reason: String, initiatedBy: String, trigger: String?, metricsSnapshot: ToolValue?, drainMs: Int64? = nil,
        inFlightAtStart: Int? = nil, inFlightRemaining: Int? = nil, recovered: Bool = false
    ) {
        self.eventId = eventId
        self.at = at
        self.event = event
        self.fromState = fromState
        self.toState = toState
        self.reason = reason
        self.initiatedBy = initiatedBy
        self.trigger = trigger
        self.metricsSnapshot = metricsSnapshot
        self.drainMs = drainMs
        self.inFlightAtStart = inFlightAtStart
        self.inFlightRemaining = inFlightRemaining
        self.recovered = recovered
    }
}

/// A `running` row of the candidate, as the drain sees it.
public struct RunningRunRecord: Sendable, Hashable {
    /// The run.
    public var runId: String
    /// The owning process id.
    public var ownerPid: Int?
    /// The owning host.
    public var ownerHost: String
    /// When the run started.
    public var startedAt: String
    /// The last heartbeat, nil before the first.
    public var heartbeatAt: String?
}
