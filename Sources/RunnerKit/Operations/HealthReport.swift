/// Health of a pipeline (operations.md §6.4).
public enum HealthStatus: String, Sendable, Hashable, CaseIterable, Comparable {
    case healthy, degraded, unhealthy, unknown

    private var rank: Int {
        switch self {
        case .healthy: 0
        case .degraded: 1
        case .unhealthy: 2
        case .unknown: 3
        }
    }

    /// healthy < degraded < unhealthy < unknown, for `--fail-on`.
    public static func < (lhs: HealthStatus, rhs: HealthStatus) -> Bool { lhs.rank < rhs.rank }
}

/// Where one metric sits against its bands.
public enum MetricBand: String, Sendable, Hashable, CaseIterable {
    case normal, warning, critical
    /// Banded, but the metric has no samples in the window.
    case noData = "no_data"
    /// The slo file gives the metric no bands; it never changes health.
    case unbanded
}

/// One metric of a health report, against its bands.
public struct HealthMetric: Sendable, Hashable {
    /// The metric and its measurement.
    public var measurement: MetricMeasurement
    /// The warning band, nil when not declared.
    public var warning: Threshold?
    /// The critical band, nil when not declared.
    public var critical: Threshold?
    /// The band the value falls in.
    public var band: MetricBand

    /// The metric kind.
    public var metric: MetricKind { measurement.metric }
    /// `above` or `below`, from the declared bands; nil when unbanded.
    public var comparison: ThresholdDirection? { critical?.direction ?? warning?.direction }
}

/// The health of one pipeline over its slo window.
public struct HealthReport: Sendable, Hashable {
    /// The pipeline.
    public var pipeline: String
    /// healthy, degraded, unhealthy, or unknown without an slo file.
    public var status: HealthStatus
    /// True when run_count is below min_samples (status is then healthy).
    public var insufficientData: Bool
    /// The slo window (or the default `100 runs`).
    public var window: MetricWindow
    /// Finished counted runs in the window.
    public var runCount: Int
    /// The slo's min_samples (or the default 5).
    public var minSamples: Int
    /// Whether the pipeline has an slo file.
    public var hasSLO: Bool
    /// One entry per metric kind, in the order of operations.md §6.2.
    public var metrics: [HealthMetric]

    /// The entry of one metric.
    public func metric(_ kind: MetricKind) -> HealthMetric? { metrics.first { $0.metric == kind } }

    /// The text summary: `DEGRADED over last 100 runs (42 runs)` or the insufficient-data form.
    public var summary: String {
        if !hasSLO { return "UNKNOWN (no slo file) over last \(window) (\(runCount) runs)" }
        if insufficientData {
            return "HEALTHY, insufficient data (\(runCount) of \(minSamples) runs) over last \(window)"
        }
        return "\(status.rawValue.uppercased()) over last \(window) (\(runCount) runs)"
    }
}

/// The metric order of operations.md §6.2 used by reports.
public enum MetricOrder {
    /// success_rate, p95_latency, hard_gate_rate, quality_avg, run_count, fallback_rate,
    /// shadow_mismatch_rate, phase_p95_latency.
    public static let report: [MetricKind] = [
        .successRate, .p95Latency, .hardGateRate, .qualityAvg, .runCount, .fallbackRate, .shadowMismatchRate,
        .phaseP95Latency,
    ]
}
