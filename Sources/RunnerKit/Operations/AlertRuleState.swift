import Foundation

/// Whether a persisted state belongs to an alert rule or a rollback trigger.
public enum AlertStateKind: String, Sendable, Hashable, CaseIterable {
    case alert, trigger
}

/// The persisted state of one rule or trigger (a row of `alert_states`, data-model.md §3.5).
public struct AlertRuleState: Sendable, Hashable {
    /// Alert rule or rollback trigger.
    public var kind: AlertStateKind
    /// The rule or trigger name.
    public var ruleName: String
    /// Hash of the condition fields; a change resets the state.
    public var definitionHash: String
    /// inactive, pending, firing or resolved.
    public var state: AlertStateName
    /// When the current state was entered.
    public var since: Date
    /// When the condition became true (pending or straight to firing).
    public var activeAt: Date?
    /// When the rule last started firing.
    public var firedAt: Date?
    /// When the rule last resolved.
    public var resolvedAt: Date?
    /// The last evaluation whose condition counted as true.
    public var lastTrueAt: Date?
    /// Counted runs in a row with a true condition (`consecutive_runs` rules).
    public var consecutiveCount: Int
    /// The metric value at the last evaluation (nil = no data).
    public var lastValue: Double?
    /// When the rule was last evaluated.
    public var lastEvaluatedAt: Date
    /// The rule's severity (nil for triggers).
    public var severity: AlertSeverity?

    /// A fresh inactive state.
    public static func initial(
        kind: AlertStateKind, name: String, definitionHash: String, severity: AlertSeverity?, at now: Date
    ) -> AlertRuleState {
        AlertRuleState(
            kind: kind, ruleName: name, definitionHash: definitionHash, state: .inactive, since: now, activeAt: nil,
            firedAt: nil, resolvedAt: nil, lastTrueAt: nil, consecutiveCount: 0, lastValue: nil, lastEvaluatedAt: now,
            severity: severity)
    }

    /// Creates a state.
    public init(
        kind: AlertStateKind, ruleName: String, definitionHash: String, state: AlertStateName, since: Date,
        activeAt: Date?, firedAt: Date?, resolvedAt: Date?, lastTrueAt: Date?, consecutiveCount: Int,
        lastValue: Double?, lastEvaluatedAt: Date, severity: AlertSeverity?
    ) {
        self.kind = kind
        self.ruleName = ruleName
        self.definitionHash = definitionHash
        self.state = state
        self.since = since
        self.activeAt = activeAt
        self.firedAt = firedAt
        self.resolvedAt = resolvedAt
        self.lastTrueAt = lastTrueAt
        self.consecutiveCount = consecutiveCount
        self.lastValue = lastValue
        self.lastEvaluatedAt = lastEvaluatedAt
        self.severity = severity
    }
}

/// The definition hash of a condition: every field whose change resets the state (§7.2).
public enum AlertDefinitionHash {
    /// `sha256:` + hex16 of the canonical text of the condition fields.
    public static func of(_ condition: MetricCondition) -> String {
        let hold: String
        switch condition.hold {
        case .immediately: hold = "immediately"
        case .duration(let d): hold = "for=\(d.milliseconds)"
        case .consecutiveRuns(let n): hold = "consecutive=\(n)"
        }
        let fields = [
            "pipeline=\(condition.pipeline.value)", "metric=\(condition.metric.value.rawValue)",
            "phase=\(condition.phase?.value ?? "")",
            "\(condition.threshold.direction.rawValue)=\(condition.threshold.value)", "window=\(condition.window)",
            hold, "min_samples=\(condition.minSamples)", "on_no_data=\(condition.onNoData.rawValue)",
            "keep_firing_for=\(condition.keepFiringFor.milliseconds)",
            "clear_threshold=\(condition.clearThreshold.map { "\($0)" } ?? "")",
            "roles=\(condition.roles.map(\.rawValue).sorted().joined(separator: ","))",
        ]
        return HashText.prefixed(fields.joined(separator: "\n"))
    }

    /// The hash of an event rule.
    public static func of(event: AlertEvent, pipeline: String) -> String {
        HashText.prefixed("event=\(event.rawValue)\npipeline=\(pipeline)")
    }
}
