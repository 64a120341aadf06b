import Foundation

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

    /// Measures one trigger and applies the state table in one transaction (unless `dryRun`).
    private func evaluate(
        _ trigger: RollbackTrigger, epoch: Date, runId: String?, dryRun: Bool
    ) throws -> TriggerEvaluation {
        let condition = trigger.condition
        let name = trigger.name.value
        let now = clock.now()
        let measurement = try metrics.measure(
            condition.metric.value, pipeline: condition.pipeline.value, window: condition.window,
            roles: condition.roles, phase: condition.phase?.value, epochStartedAt: epoch, at: now)
        let hash = RollbackTriggerStateMachine.definitionHash(condition)
        let body = { (db: RolloutConnection) throws -> TriggerEvaluation in
            var current =
                try db.triggerState(named: name)
                ?? TriggerStateRecord(
                    name: name, definitionHash: hash, state: .inactive, since: Timestamp.string(now),
                    lastEvaluatedAt: Timestamp.string(now))
            if current.definitionHash != hash {
                current = TriggerStateRecord(
                    name: name, definitionHash: hash, state: .inactive, since: Timestamp.string(now),
                    lastEvaluatedAt: Timestamp.string(now))
            }
            let outcome = RollbackTriggerStateMachine.result(
                of: measurement, condition: condition, currentlyFiring: current.state == .firing)
            let next = RollbackTriggerStateMachine.next(
                current, result: outcome, value: measurement.value, condition: condition, now: now,
                afterNewRun: runId != nil)
            if !dryRun {
                try db.saveTriggerState(next)
                if next.state != current.state {
                    try db.recordTriggerTransition(
                        name: name, at: Timestamp.string(now), from: current.state, to: next.state,
                        value: measurement.value, threshold: condition.threshold.value, runId: runId,
                        actor: automaticActor)
                }
            }
            return TriggerEvaluation(
                name: name, metric: condition.metric.value, window: condition.window, threshold: condition.threshold,
                measurement: measurement, result: outcome, from: current.state, to: next.state)
        }
        return dryRun ? try storage.rolloutSnapshot(body) : try storage.rolloutTransaction(body)
    }
}
