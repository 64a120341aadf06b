import Foundation

/// What one evaluation of a trigger's condition found (for `rollback check` output).
public enum TriggerConditionResult: Sendable, Hashable {
    /// No data and `on_no_data: hold`: the evaluation is skipped entirely.
    case hold
    /// The condition holds (or no data with `fire`).
    case isTrue
    /// The condition does not hold (or no data with `ok`).
    case isFalse

    /// The result monitoring's state table sees: no-data policy below `min_samples`, strict
    /// thresholds and the clear threshold while firing (`AlertStateMachine.isTrue`).
    public init(_ measurement: MetricMeasurement, condition: MetricCondition, firing: Bool) {
        guard let value = measurement.value, !measurement.isNoData(minSamples: condition.minSamples) else {
            switch condition.onNoData {
            case .hold: self = .hold
            case .ok: self = .isFalse
            case .fire: self = .isTrue
            }
            return
        }
        self = AlertStateMachine.isTrue(value: value, condition: condition, firing: firing) ? .isTrue : .isFalse
    }
}
