/// A `kind: slo` file: the health bands of one pipeline (config.md §5, operations.md §6.4).
public struct SLOConfig: Sendable, Hashable {
    /// The pipeline measured.
    public var pipeline: Located<String>
    /// The window metrics are computed over.
    public var window: MetricWindow
    /// Fewer runs than this is "insufficient data".
    public var minSamples: Int
    /// The banded metrics, in file order.
    public var metrics: [SLOBands]
    /// The file, relative to the config root.
    public var file: String

    /// Creates an SLO.
    public init(pipeline: Located<String>, window: MetricWindow, minSamples: Int, metrics: [SLOBands], file: String) {
        self.pipeline = pipeline
        self.window = window
        self.minSamples = minSamples
        self.metrics = metrics
        self.file = file
    }

    /// The bands of a metric, nil when unbanded.
    public func bands(for metric: MetricKind) -> SLOBands? { metrics.first { $0.metric.value == metric } }
}

/// The warning and critical bands of one metric.
public struct SLOBands: Sendable, Hashable {
    /// The metric.
    public var metric: Located<MetricKind>
    /// In this band health is `degraded`.
    public var warning: Threshold?
    /// In this band health is `unhealthy`.
    public var critical: Threshold?

    /// Creates bands.
    public init(metric: Located<MetricKind>, warning: Threshold?, critical: Threshold?) {
        self.metric = metric
        self.warning = warning
        self.critical = critical
    }
}
