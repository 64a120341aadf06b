import Foundation

/// A finished run after which the alert rules of its pipeline are evaluated (operations.md §1.3
/// step 7). Read-only runs trigger no evaluation; blocked runs are evaluated after but never count.
public struct FinishedRunReference: Sendable, Hashable {
    /// The run id.
    public var runId: String
    /// The run's pipeline.
    public var pipeline: String
    /// `primary`, `fallback`, `shadow` or `diagnostic`.
    public var role: String
    /// The terminal status.
    public var status: String
    /// Whether the run was read-only.
    public var readOnly: Bool

    /// Creates a reference.
    public init(runId: String, pipeline: String, role: String, status: String, readOnly: Bool) {
        self.runId = runId
        self.pipeline = pipeline
        self.role = role
        self.status = status
        self.readOnly = readOnly
    }

    /// Whether the run counts in metrics (§6.1) for a rule counting `roles`.
    public func counts(for roles: [RunRole]) -> Bool {
        !readOnly && status != "running" && status != "blocked" && roles.map(\.rawValue).contains(role)
    }
}

/// One committed state change of a rule or trigger, with what a notification needs.
public struct AlertTransition: Sendable, Hashable {
    /// The persisted event (with its id).
    public var event: AlertEventRecord
    /// The state after the change.
    public var state: AlertRuleState
    /// The alert rule, nil for triggers and removed rules.
    public var rule: AlertRule?
    /// The trigger's condition, for trigger transitions.
    public var triggerCondition: MetricCondition?
    /// The rollback controller row, for event rules.
    public var rollback: RollbackStateSnapshot?

    /// The rule or trigger name.
    public var name: String { event.ruleName }
    /// The new state.
    public var toState: AlertStateName { event.toState }
    /// The previous state.
    public var fromState: AlertStateName { event.fromState }
    /// The metric condition, if any (rule or trigger).
    public var condition: MetricCondition? {
        if let triggerCondition { return triggerCondition }
        if case .metric(let c) = rule?.condition { return c }
        return nil
    }
    /// The pipeline watched.
    public var pipeline: String? { rule?.pipeline.value ?? triggerCondition?.pipeline.value }
}

/// The metric or event condition of a rule or trigger, as the evaluator handles it.
struct EvaluableRule: Sendable {
    var kind: AlertStateKind
    var name: String
    var severity: AlertSeverity?
    var condition: AlertCondition
    var rule: AlertRule?

    var definitionHash: String {
        switch condition {
        case .metric(let c): AlertDefinitionHash.of(c)
        case .event(let e, let pipeline): AlertDefinitionHash.of(event: e, pipeline: pipeline.value)
        }
    }

    var metricCondition: MetricCondition? {
        if case .metric(let c) = condition { return c }
        return nil
    }

    static func alert(_ rule: AlertRule) -> EvaluableRule {
        EvaluableRule(kind: .alert, name: rule.name.value, severity: rule.severity, condition: rule.condition, rule: rule)
    }

    static func trigger(_ trigger: RollbackTrigger) -> EvaluableRule {
        EvaluableRule(
            kind: .trigger, name: trigger.name.value, severity: nil, condition: .metric(trigger.condition), rule: nil)
    }
}
