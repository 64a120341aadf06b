import Foundation

/// The rollback controller's metric source: monitoring's `MetricsReader`, so rollback triggers,
/// alert rules, health and snapshots share one metric computation (operations.md §6.2). The
/// candidate's runs are counted from the epoch the controller passes.
public struct RollbackMetricsReading: RollbackMetricSource {
    /// The reader.
    public var reader: MetricsReader
    /// The candidate pipeline (whose epoch, fallback and shadow metrics apply).
    public var candidate: String

    /// Creates the source.
    public init(storage: Storage, candidate: String) {
        reader = MetricsReader(storage: storage)
        self.candidate = candidate
    }

    /// Measures through `MetricsReader`; `samples` is the window's run count that `min_samples` checks.
    public func measure(
        _ metric: MetricKind, pipeline: String, window: MetricWindow, roles: [RunRole], phase: String?,
        epochStartedAt: Date, at now: Date
    ) throws -> RollbackMeasurement {
        let isCandidate = pipeline == candidate
        let scope = MetricScope(
            pipeline: pipeline, window: window, roles: roles, isCandidate: isCandidate,
            epochStartedAt: isCandidate ? epochStartedAt : nil)
        let measured = try reader.measure(metric, phase: phase, scope: scope, at: now)
        return RollbackMeasurement(value: measured.value, samples: measured.runCount)
    }
}
