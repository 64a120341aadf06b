import Foundation

/// The state table of operations.md §7.2 as a pure function: no database, no clock of its own.
public enum AlertStateMachine {
    /// What one evaluation saw.
    public struct Input: Sendable, Hashable {
        /// The measurement (its `runCount` is compared with `min_samples`).
        public var measurement: MetricMeasurement
        /// Whether the evaluation follows a new finished run that counts (for `consecutive_runs`).
        public var followsNewRun: Bool

        /// Creates an input.
        public init(measurement: MetricMeasurement, followsNewRun: Bool) {
            self.measurement = measurement
            self.followsNewRun = followsNewRun
        }
    }

    /// The state after one evaluation of `condition` at `now`. A `hold` on no data returns the
    /// state unchanged apart from `last_value` and `last_evaluated_at`.
    public static func next(
        _ current: AlertRuleState, condition: MetricCondition, input: Input, at now: Date
    ) -> AlertRuleState {
        var state = current
        state.lastEvaluatedAt = now
        state.lastValue = input.measurement.value
        let truth: Bool
        if input.measurement.isNoData(minSamples: condition.minSamples) {
            switch condition.onNoData {
            case .hold: return state
            case .ok: truth = false
            case .fire: truth = true
            }
        } else {
            truth = isTrue(value: input.measurement.value!, condition: condition, firing: current.state == .firing)
        }
        return apply(truth: truth, to: state, hold: condition.hold, keepFiringFor: condition.keepFiringFor,
                     followsNewRun: input.followsNewRun, at: now)
    }

    /// Whether a value makes the condition true; while firing with a `clear_threshold` the
    /// condition stays true until the value reaches the clear threshold.
    public static func isTrue(value: Double, condition: MetricCondition, firing: Bool) -> Bool {
        if firing, let clear = condition.clearThreshold {
            switch condition.threshold.direction {
            case .below: return value < clear
            case .above: return value > clear
            }
        }
        return condition.threshold.isBreached(by: value)
    }

    /// Applies a true or false evaluation result to a state.
    public static func apply(
        truth: Bool, to current: AlertRuleState, hold: ConditionHold, keepFiringFor: ConfigDuration,
        followsNewRun: Bool, at now: Date
    ) -> AlertRuleState {
        var state = current
        guard truth else {
            state.consecutiveCount = 0
            switch state.state {
            case .pending:
                enter(.inactive, &state, now)
                state.activeAt = nil
            case .firing:
                let lastTrue = state.lastTrueAt ?? state.since
                if now.timeIntervalSince(lastTrue) >= keepFiringFor.seconds {
                    enter(.resolved, &state, now)
                    state.resolvedAt = now
                }
            case .inactive, .resolved:
                break
            }
            return state
        }
        state.lastTrueAt = now
        switch state.state {
        case .inactive, .resolved:
            state.activeAt = now
            state.consecutiveCount = 1
            if isImmediate(hold) {
                fire(&state, now)
            } else {
                enter(.pending, &state, now)
            }
        case .pending:
            if followsNewRun { state.consecutiveCount += 1 }
            switch hold {
            case .immediately:
                fire(&state, now)
            case .duration(let span):
                if now.timeIntervalSince(state.activeAt ?? state.since) >= span.seconds { fire(&state, now) }
            case .consecutiveRuns(let needed):
                if state.consecutiveCount >= needed { fire(&state, now) }
            }
        case .firing:
            if followsNewRun { state.consecutiveCount += 1 }
        }
        return state
    }

    /// `for: 0s` behaves like no hold at all.
    static func isImmediate(_ hold: ConditionHold) -> Bool {
        switch hold {
        case .immediately: true
        case .duration(let span): span.milliseconds == 0
        case .consecutiveRuns(let n): n <= 1
        }
    }

    private static func fire(_ state: inout AlertRuleState, _ now: Date) {
        enter(.firing, &state, now)
        state.firedAt = now
        state.resolvedAt = nil
    }

    private static func enter(_ name: AlertStateName, _ state: inout AlertRuleState, _ now: Date) {
        state.state = name
        state.since = now
    }
}
