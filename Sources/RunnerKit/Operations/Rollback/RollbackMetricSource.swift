import Foundation

/// One metric measured over a window: nil value means "no data".
public struct RollbackMeasurement: Sendable, Hashable {
    /// The value in the metric's unit (seconds for latencies); nil without samples.
    public var value: Double?
    /// The number of samples of the window (runs, or comparisons for the shadow metric).
    public var samples: Int

    /// Creates a measurement.
    public init(value: Double?, samples: Int) {
        self.value = value
        self.samples = samples
    }
}

/// Where the rollback controller reads candidate metrics from (operations.md §6.2). The
/// monitoring area provides the production source; `RollbackWindowMetrics` is a self-contained one.
public protocol RollbackMetricSource: Sendable {
    /// Measures `metric` of `pipeline` over `window` at `now`, counting `roles` and only runs
    /// started at or after `epochStartedAt`.
    func measure(
        _ metric: MetricKind, pipeline: String, window: MetricWindow, roles: [RunRole], phase: String?,
        epochStartedAt: Date, at now: Date
    ) throws -> RollbackMeasurement
}
