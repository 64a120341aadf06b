import Foundation
import GRDB

extension RollbackController {
    /// `runner rollback check [--dry-run]`: evaluates every trigger (cron, every minute). With
    /// `dryRun` nothing is written and the result says what would trigger.
    public func check(dryRun: Bool = false) async throws -> RollbackCheckResult {
        try await evaluate(afterRun: nil, dryRun: dryRun)
    }

    /// The entry point `execute` calls after each candidate run that is not read-only (§1.3 step 7):
    /// evaluates the triggers with `runId` as the triggering run and, if one fires, rolls back and
    /// drains before returning (the served result is already produced).
    public func evaluateAfterRun(runId: String) async throws -> RollbackCheckResult {
        try await evaluate(afterRun: runId, dryRun: false)
    }

    private func evaluate(afterRun runId: String?, dryRun: Bool) async throws -> RollbackCheckResult {
        let recovered = dryRun ? nil : try completeStaleDrain()
        let state = try status()
        var result = RollbackCheckResult(evaluations: [], skipped: nil, firedTrigger: nil, rollback: nil, recovered: recovered)
        guard settings.policy != nil else {
            result.skipped = "no rollback file for \(settings.candidate)"
            return result
        }
        guard settings.automatic else {
            result.skipped = "automatic: false"
            return result
        }
        guard state.state == .active else {
            result.skipped = "already rolled back (\(state.state.rawValue))"
            return result
        }
        let epoch = Timestamp.parse(state.epochStartedAt) ?? .distantPast
        var firing: TriggerEvaluation?
        if !dryRun {
            try storage.rolloutTransaction { try $0.deleteTriggerStates(except: settings.triggers.map(\.name.value)) }
        }
        for trigger in settings.triggers {
            let evaluation = try evaluate(trigger, epoch: epoch, runId: runId, dryRun: dryRun)
            result.evaluations.append(evaluation)
            if firing == nil, evaluation.to == .firing { firing = evaluation }
        }
        guard let firing else { return result }
        result.firedTrigger = firing.name
        guard !dryRun else { return result }
        let reason =
            "trigger \(firing.name): \(firing.metric.rawValue) "
            + "\(firing.measurement.value.map(ToolValue.formatNumber) ?? "no data") "
            + "\(firing.threshold.direction == .below ? "<" : ">") \(ToolValue.formatNumber(firing.threshold.value)) "
            + "over \(firing.window)"
        result.rollback = try await rollBack(
            reason: reason, initiatedBy: "automatic", actor: automaticActor, trigger: firing.name, evaluation: firing,
            drainTimeout: settings.drainTimeout)
        return result
    }

    /// Measures one trigger with monitoring's metrics and applies monitoring's state table
    /// (`AlertStateMachine`) to its `alert_states` row (kind `trigger`), fingerprinted with
    /// `AlertDefinitionHash`, in one immediate transaction (a read snapshot when `dryRun`).
    private func evaluate(
        _ trigger: RollbackTrigger, epoch: Date, runId: String?, dryRun: Bool
    ) throws -> TriggerEvaluation {
        let condition = trigger.condition
        let name = trigger.name.value
        let now = clock.now()
        let measured = try metrics.measure(
            condition.metric.value, pipeline: condition.pipeline.value, window: condition.window,
            roles: condition.roles, phase: condition.phase?.value, epochStartedAt: epoch, at: now)
        let measurement = MetricMeasurement(
            metric: condition.metric.value, value: measured.value, samples: measured.samples,
            runCount: measured.samples)
        let hash = AlertDefinitionHash.of(condition)
        let body = { (db: Database) throws -> TriggerEvaluation in
            var current =
                try Storage.fetchAlertState(db, kind: .trigger, name: name)
                ?? .initial(kind: .trigger, name: name, definitionHash: hash, severity: nil, at: now)
            if current.definitionHash != hash {
                current = .initial(kind: .trigger, name: name, definitionHash: hash, severity: nil, at: now)
            }
            let next = AlertStateMachine.next(
                current, condition: condition, input: .init(measurement: measurement, followsNewRun: runId != nil),
                at: now)
            if !dryRun {
                try Storage.saveAlertState(db, next)
                if next.state != current.state {
                    let event = AlertEventRecord(
                        kind: .trigger, ruleName: name, at: now, fromState: current.state, toState: next.state,
                        value: measurement.value, threshold: condition.threshold.value, severity: nil, runId: runId,
                        resolution: nil)
                    _ = try Storage.insertAlertEvent(db, event, actor: automaticActor)
                }
            }
            return TriggerEvaluation(
                name: name, metric: condition.metric.value, window: condition.window, threshold: condition.threshold,
                measurement: measured,
                result: TriggerConditionResult(measurement, condition: condition, firing: current.state == .firing),
                from: current.state, to: next.state)
        }
        return dryRun ? try storage.readSnapshot(body) : try storage.write(body)
    }
}
