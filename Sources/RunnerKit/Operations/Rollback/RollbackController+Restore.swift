import Foundation

extension RollbackController {
    /// `runner rollback restore --confirm TOKEN --reason TEXT` (operations.md §8.5): the only way
    /// back to ACTIVE. A missing or wrong token, a missing reason, or a restore while DRAINING is
    /// refused (exit 2) with no state change and no audit row.
    public func restore(token: String?, reason: String?, initiatedBy: String) throws -> RestoreOutcome {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let token = token ?? ""
        if token.isEmpty || token != settings.restoreToken || reason.isEmpty {
            logger.warning(
                "restore refused", metadata: ["user": "\(initiatedBy)", "token_given": "\(!token.isEmpty)",
                                              "reason_given": "\(!reason.isEmpty)"])
            if token.isEmpty { throw RollbackError.missingToken }
            if token != settings.restoreToken { throw RollbackError.wrongToken }
            throw RollbackError.missingReason(command: "restore")
        }
        let recovered = try completeStaleDrain()
        let base = try status()
        let snapshot = RollbackMetricsSnapshot(settings: settings, metrics: metrics).take(
            epochStartedAt: Timestamp.parse(base.epochStartedAt) ?? clock.now(), at: clock.now(), trigger: nil)
        let result: (RollbackStateRecord, RollbackEventRecord?) = try storage.rolloutTransaction { db in
            let current = try db.rollbackState()
            switch current.state {
            case .active: return (current, nil)
            case .draining:
                logger.warning("restore refused: drain in progress", metadata: ["user": "\(initiatedBy)"])
                throw RollbackError.drainInProgress
            case .disabled: break
            }
            let nowDate = clock.now()
            let now = Timestamp.string(nowDate)
            let next = RollbackStateRecord(
                state: .active, since: now, reason: reason, initiatedBy: initiatedBy, trigger: nil,
                cooldownUntil: Timestamp.string(nowDate.addingTimeInterval(settings.cooldown.seconds)),
                epochStartedAt: now)
            guard try db.replaceRollbackState(next, expecting: current) else {
                throw RollbackError.drainInProgress
            }
            try db.resetTriggerStates(at: now)
            var event = RollbackEventRecord(
                at: now, event: .restored, fromState: .disabled, toState: .active, reason: reason,
                initiatedBy: initiatedBy, trigger: nil, metricsSnapshot: snapshot)
            event.eventId = try db.insertRollbackEvent(event, actor: initiatedBy, before: current, after: next)
            return (next, event)
        }
        if result.1 != nil {
            logger.notice(
                "\(settings.candidate) restored", metadata: ["user": "\(initiatedBy)", "reason": "\(reason)",
                                                              "cooldown_until": "\(result.0.cooldownUntil ?? "-")"])
        }
        return RestoreOutcome(state: result.0, event: result.1, recovered: recovered)
    }
}
