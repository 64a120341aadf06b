import Foundation

/// Computes pipeline health from the `kind: slo` bands (operations.md §6.4). There are no
/// built-in bands: a pipeline without an slo file is `unknown` with every metric `unbanded`.
public struct HealthEvaluator: Sendable {
    /// The metrics source.
    public let reader: MetricsReader

    /// Creates an evaluator over a database.
    public init(storage: Storage) { reader = MetricsReader(storage: storage) }

    /// The health of `pipeline` at `now` under `config` (its slo, and its candidate for the epoch).
    public func health(of pipeline: String, config: LoadedConfig, at now: Date) throws -> HealthReport {
        let slo = config.slo[pipeline]
        let effective = config.sloOrDefault(for: pipeline)
        let scope = MetricScope(
            pipeline: pipeline, window: effective.window, isCandidate: pipeline == MetricScope.candidate(in: config))
        let measured = try reader.measureAll(scope: scope, at: now)
        return Self.report(pipeline: pipeline, slo: slo, window: effective.window,
                           minSamples: effective.minSamples, metrics: measured)
    }

    /// Builds the report from measurements (pure: the band and status rules of §6.4).
    public static func report(
        pipeline: String, slo: SLOConfig?, window: MetricWindow, minSamples: Int, metrics: WindowMetrics
    ) -> HealthReport {
        let entries = MetricOrder.report.map { kind -> HealthMetric in
            let measurement = metrics[kind]
            let bands = slo?.bands(for: kind)
            return HealthMetric(
                measurement: measurement, warning: bands?.warning, critical: bands?.critical,
                band: band(value: measurement.value, warning: bands?.warning, critical: bands?.critical))
        }
        let insufficient = metrics.runCount < minSamples
        let status: HealthStatus
        if slo == nil {
            status = .unknown
        } else if insufficient {
            status = .healthy
        } else if entries.contains(where: { $0.band == .critical }) {
            status = .unhealthy
        } else if entries.contains(where: { $0.band == .warning }) {
            status = .degraded
        } else {
            status = .healthy
        }
        return HealthReport(
            pipeline: pipeline, status: status, insufficientData: insufficient, window: window,
            runCount: metrics.runCount, minSamples: minSamples, hasSLO: slo != nil, metrics: entries)
    }

    /// The band of one value: critical before warning, strict comparisons, no data when nil.
    public static func band(value: Double?, warning: Threshold?, critical: Threshold?) -> MetricBand {
        guard warning != nil || critical != nil else { return .unbanded }
        guard let value else { return .noData }
        if let critical, critical.isBreached(by: value) { return .critical }
        if let warning, warning.isBreached(by: value) { return .warning }
        return .normal
    }

    /// Whether a status fails `--fail-on` (unknown always fails).
    public static func fails(_ status: HealthStatus, failOn: HealthStatus) -> Bool {
        status == .unknown || (status != .healthy && status >= failOn)
    }
}
