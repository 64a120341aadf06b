import Foundation
import GRDB

/// Evaluates alert rules and rollback triggers against persisted metrics (operations.md §7.3).
/// Each call is one `BEGIN IMMEDIATE` transaction that re-reads every state it changes and writes
/// an `alert_events` row and an audit row per change; only the returned (committed) transitions
/// may be notified, by this process, after this call returns.
public struct AlertEvaluator: Sendable {
    /// The database.
    public let storage: Storage
    /// The loaded configuration (rules, rollout candidate).
    public let config: LoadedConfig
    /// The audit actor (`runner@<host>:<pid>`).
    public let actor: String

    /// Creates an evaluator.
    public init(storage: Storage, config: LoadedConfig, actor: String = AlertEvaluator.defaultActor()) {
        self.storage = storage
        self.config = config
        self.actor = actor
    }

    /// `runner@<host>:<pid>`.
    public static func defaultActor() -> String {
        "runner@\(DatabaseOpener.hostName()):\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// After a finished run: the rules of that run's pipeline. A read-only run evaluates nothing.
    public func evaluate(after run: FinishedRunReference, at now: Date) throws -> [AlertTransition] {
        guard !run.readOnly else { return [] }
        let rules = config.alertRules(for: run.pipeline).map(EvaluableRule.alert)
        return try evaluate(rules, after: run, removing: nil, at: now)
    }

    /// Every rule (`runner alerts check`); states of rules no longer declared are deleted.
    public func evaluateAll(at now: Date) throws -> [AlertTransition] {
        let rules = config.alerts.rules.map(EvaluableRule.alert)
        return try evaluate(rules, after: nil, removing: (.alert, Set(rules.map(\.name))), at: now)
    }

    /// The event rules (`event: rollback`), right after the rollback controller changed state
    /// (V5_AUTO_ROLLBACK fires in the process that disabled the candidate).
    public func evaluateEventRules(at now: Date) throws -> [AlertTransition] {
        let rules = config.alerts.rules.filter {
            if case .event = $0.condition { return true }
            return false
        }
        return try evaluate(rules.map(EvaluableRule.alert), after: nil, removing: nil, at: now)
    }

    /// The triggers of a rollback policy (for the rollback controller and `runner test alerts`);
    /// a trigger reaching `firing` is the controller's cue to start a rollback.
    public func evaluateTriggers(of policy: RollbackPolicy, after run: FinishedRunReference?, at now: Date) throws
        -> [AlertTransition]
    {
        if let run, run.readOnly { return [] }
        // Trigger states of no policy in the configuration are removed (a deleted trigger).
        let declared = Set(config.rollback.values.flatMap(\.triggers).map(\.name.value))
        return try evaluate(
            policy.triggers.map(EvaluableRule.trigger), after: run, removing: (.trigger, declared), at: now)
    }

    /// Resets every trigger state of a policy to inactive (a restore, operations.md §8.5).
    public func resetTriggers(of policy: RollbackPolicy, at now: Date) throws {
        try storage.write { db in
            for trigger in policy.triggers {
                let rule = EvaluableRule.trigger(trigger)
                try Storage.saveAlertState(
                    db, .initial(kind: .trigger, name: rule.name, definitionHash: rule.definitionHash, severity: nil, at: now))
            }
        }
    }

    // MARK: - The transaction

    func evaluate(
        _ rules: [EvaluableRule], after run: FinishedRunReference?,
        removing stale: (kind: AlertStateKind, declared: Set<String>)?, at now: Date
    ) throws -> [AlertTransition] {
        let candidate = MetricScope.candidate(in: config)
        return try storage.write { db in
            var transitions: [AlertTransition] = []
            let rollback = try Storage.fetchRollbackState(db)
            for rule in rules {
                var current = try Storage.fetchAlertState(db, kind: rule.kind, name: rule.name)
                    ?? .initial(kind: rule.kind, name: rule.name, definitionHash: rule.definitionHash,
                                severity: rule.severity, at: now)
                if current.definitionHash != rule.definitionHash {
                    let reset = AlertRuleState.initial(
                        kind: rule.kind, name: rule.name, definitionHash: rule.definitionHash, severity: rule.severity,
                        at: now)
                    if current.state == .firing {
                        var resolved = current
                        resolved.state = .resolved
                        resolved.resolvedAt = now
                        resolved.lastEvaluatedAt = now
                        transitions.append(try record(db, rule: rule, from: current, to: resolved, value: current.lastValue,
                                                      runId: run?.runId, resolution: "rule_changed", rollback: rollback))
                    }
                    current = reset
                }
                current.severity = rule.severity
                let next = try step(db, rule: rule, current: current, run: run, candidate: candidate,
                                    rollback: rollback, at: now)
                if next.state != current.state {
                    transitions.append(try record(db, rule: rule, from: current, to: next, value: next.lastValue,
                                                  runId: run?.runId, resolution: nil, rollback: rollback))
                }
                try Storage.saveAlertState(db, next)
            }
            if let (kind, declared) = stale {
                for stale in try Storage.fetchAlertStates(db, kind: kind) where !declared.contains(stale.ruleName) {
                    if stale.state == .firing {
                        var resolved = stale
                        resolved.state = .resolved
                        resolved.resolvedAt = now
                        let event = AlertEventRecord(
                            kind: kind, ruleName: stale.ruleName, at: now, fromState: .firing, toState: .resolved,
                            value: stale.lastValue, threshold: nil, severity: stale.severity, runId: run?.runId,
                            resolution: "rule_removed")
                        var saved = event
                        saved.eventId = try Storage.insertAlertEvent(db, event, actor: actor)
                        transitions.append(AlertTransition(event: saved, state: resolved, rule: nil))
                    }
                    try Storage.deleteAlertState(db, kind: kind, name: stale.ruleName)
                }
            }
            return transitions
        }
    }

    private func step(
        _ db: Database, rule: EvaluableRule, current: AlertRuleState, run: FinishedRunReference?, candidate: String?,
        rollback: RollbackStateSnapshot?, at now: Date
    ) throws -> AlertRuleState {
        switch rule.condition {
        case .metric(let condition):
            let scope = MetricScope(condition: condition, candidate: candidate)
            let measurement = try MetricsReader.measure(
                db, condition.metric.value, phase: condition.phase?.value, scope: scope, at: now)
            let newRun = run.map { $0.pipeline == condition.pipeline.value && $0.counts(for: condition.roles) } ?? false
            return AlertStateMachine.next(
                current, condition: condition, input: .init(measurement: measurement, followsNewRun: newRun), at: now)
        case .event:
            var next = current
            next.lastEvaluatedAt = now
            switch rollback?.state {
            case "DISABLED" where current.state != .firing:
                next = AlertStateMachine.apply(
                    truth: true, to: current, hold: .immediately, keepFiringFor: .zero, followsNewRun: false, at: now)
            case "ACTIVE" where current.state == .firing:
                next = AlertStateMachine.apply(
                    truth: false, to: current, hold: .immediately, keepFiringFor: .zero, followsNewRun: false, at: now)
            default:
                break
            }
            return next
        }
    }

    private func record(
        _ db: Database, rule: EvaluableRule, from: AlertRuleState, to: AlertRuleState, value: Double?, runId: String?,
        resolution: String?, rollback: RollbackStateSnapshot?
    ) throws -> AlertTransition {
        var event = AlertEventRecord(
            kind: rule.kind, ruleName: rule.name, at: to.lastEvaluatedAt, fromState: from.state, toState: to.state,
            value: value, threshold: rule.metricCondition?.threshold.value, severity: rule.severity, runId: runId,
            resolution: resolution)
        event.eventId = try Storage.insertAlertEvent(db, event, actor: actor)
        let isEvent = rule.metricCondition == nil
        return AlertTransition(
            event: event, state: to, rule: rule.rule,
            triggerCondition: rule.kind == .trigger ? rule.metricCondition : nil, rollback: isEvent ? rollback : nil)
    }
}
