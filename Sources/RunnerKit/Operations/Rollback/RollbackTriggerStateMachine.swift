import Foundation

/// What one evaluation of a trigger's condition found.
public enum TriggerConditionResult: Sendable, Hashable {
    /// No data and `on_no_data: hold`: the evaluation is skipped entirely.
    case hold
    /// The condition holds (or no data with `fire`).
    case isTrue
    /// The condition does not hold (or no data with `ok`).
    case isFalse
}

/// The state table of operations.md §7.2, applied to rollback triggers.
public enum RollbackTriggerStateMachine {
    /// The condition result of a measurement: strict threshold, hysteresis while firing, no-data policy.
    public static func result(
        of measurement: RollbackMeasurement, condition: MetricCondition, currentlyFiring: Bool
    ) -> TriggerConditionResult {
        guard let value = measurement.value, measurement.samples >= condition.minSamples else {
            switch condition.onNoData {
            case .hold: return .hold
            case .ok: return .isFalse
            case .fire: return .isTrue
            }
        }
        if currentlyFiring, let clear = condition.clearThreshold {
            let cleared = condition.threshold.direction == .below ? value >= clear : value <= clear
            return cleared ? .isFalse : .isTrue
        }
        return condition.threshold.isBreached(by: value) ? .isTrue : .isFalse
    }

    /// The next state after one evaluation at `now`; `afterNewRun` marks evaluations that follow
    /// a newly finished counted run (only those advance `consecutive_runs`).
    public static func next(
        _ current: TriggerStateRecord, result: TriggerConditionResult, value: Double?, condition: MetricCondition,
        now: Date, afterNewRun: Bool
    ) -> TriggerStateRecord {
        var record = current
        let stamp = Timestamp.string(now)
        guard result != .hold else { return record }
        record.lastEvaluatedAt = stamp
        record.lastValue = value
        func enter(_ state: AlertStateName) {
            record.state = state
            record.since = stamp
        }
        switch (current.state, result) {
        case (.inactive, .isTrue), (.resolved, .isTrue):
            record.activeAt = stamp
            record.lastTrueAt = stamp
            switch condition.hold {
            case .immediately:
                enter(.firing)
                record.firedAt = stamp
            case .duration:
                record.consecutiveCount = 0
                enter(.pending)
            case .consecutiveRuns:
                record.consecutiveCount = 1
                enter(.pending)
            }
        case (.pending, .isTrue):
            record.lastTrueAt = stamp
            var reached = false
            switch condition.hold {
            case .immediately: reached = true
            case .duration(let hold):
                let active = current.activeAt.flatMap(Timestamp.parse) ?? now
                reached = now.timeIntervalSince(active) * 1000 >= Double(hold.milliseconds)
            case .consecutiveRuns(let needed):
                if afterNewRun { record.consecutiveCount += 1 }
                reached = record.consecutiveCount >= needed
            }
            if reached {
                enter(.firing)
                record.firedAt = stamp
            }
        case (.pending, .isFalse):
            record.consecutiveCount = 0
            record.activeAt = nil
            enter(.inactive)
        case (.firing, .isTrue):
            record.lastTrueAt = stamp
        case (.firing, .isFalse):
            record.consecutiveCount = 0
            let lastTrue = current.lastTrueAt.flatMap(Timestamp.parse) ?? now
            if now.timeIntervalSince(lastTrue) * 1000 >= Double(condition.keepFiringFor.milliseconds) {
                record.resolvedAt = stamp
                enter(.resolved)
            }
        case (.inactive, .isFalse), (.resolved, .isFalse):
            record.consecutiveCount = 0
        case (_, .hold):
            break
        }
        return record
    }

    /// A fingerprint of the condition fields: a change resets the trigger's state.
    public static func definitionHash(_ condition: MetricCondition) -> String {
        let hold: String =
            switch condition.hold {
            case .immediately: "none"
            case .duration(let d): "for:\(d.milliseconds)"
            case .consecutiveRuns(let n): "runs:\(n)"
            }
        let text = [
            condition.pipeline.value, condition.metric.value.rawValue, condition.phase?.value ?? "",
            condition.threshold.direction.rawValue, ToolValue.formatNumber(condition.threshold.value),
            condition.window.description, hold, String(condition.minSamples), condition.onNoData.rawValue,
            String(condition.keepFiringFor.milliseconds), condition.clearThreshold.map(ToolValue.formatNumber) ?? "",
            condition.roles.map(\.rawValue).joined(separator: ","),
        ].joined(separator: "|")
        return HashText.prefixed(text)
    }
}
