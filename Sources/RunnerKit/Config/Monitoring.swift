/// The metric kinds rules, triggers and health bands can watch (operations.md §6.2).
public enum MetricKind: String, Sendable, Hashable, CaseIterable {
    case successRate = "success_rate"
    case p95Latency = "p95_latency"
    case phaseP95Latency = "phase_p95_latency"
    case hardGateRate = "hard_gate_rate"
    case qualityAvg = "quality_avg"
    case runCount = "run_count"
    case fallbackRate = "fallback_rate"
    case shadowMismatchRate = "shadow_mismatch_rate"

    /// The unit thresholds are written in.
    public var unit: MetricUnit {
        switch self {
        case .successRate, .hardGateRate, .fallbackRate, .shadowMismatchRate: .fraction
        case .p95Latency, .phaseP95Latency: .seconds
        case .qualityAvg: .score
        case .runCount: .count
        }
    }
}

/// How a metric's thresholds are written and checked.
public enum MetricUnit: Sendable, Hashable {
    /// A rate in [0, 1].
    case fraction
    /// A latency, written as a duration, held in seconds.
    case seconds
    /// A quality score in [0, 100].
    case score
    /// A run count, a non-negative integer.
    case count
}

/// Which side of a threshold is unhealthy.
public enum ThresholdDirection: String, Sendable, Hashable, CaseIterable {
    case above, below
}

/// `above: X` or `below: X`, strict; latencies are held in seconds.
public struct Threshold: Sendable, Hashable {
    /// The direction.
    public var direction: ThresholdDirection
    /// The value in the metric's unit (seconds for latencies).
    public var value: Double

    /// Creates a threshold.
    public init(_ direction: ThresholdDirection, _ value: Double) {
        self.direction = direction
        self.value = value
    }

    /// Whether a measured value is on the unhealthy side (strict comparison).
    public func isBreached(by measured: Double) -> Bool {
        direction == .above ? measured > value : measured < value
    }
}

/// Alert severities.
public enum AlertSeverity: String, Sendable, Hashable, CaseIterable {
    case info, warning, critical
}

/// What a rule does without enough data.
public enum NoDataPolicy: String, Sendable, Hashable, CaseIterable {
    case hold, ok, fire
}

/// The run roles metrics may count.
public enum RunRole: String, Sendable, Hashable, CaseIterable {
    case primary, fallback
}

/// How long a condition must hold before a rule fires.
public enum ConditionHold: Sendable, Hashable {
    /// Fires on the first true evaluation.
    case immediately
    /// `for:` — true at every evaluation for this long.
    case duration(ConfigDuration)
    /// `consecutive_runs:` — true after this many counted runs in a row (≥ 2).
    case consecutiveRuns(Int)
}

/// The metric condition shared by alert rules and rollback triggers (operations.md §7.1).
public struct MetricCondition: Sendable, Hashable {
    /// The pipeline watched.
    public var pipeline: Located<String>
    /// The metric.
    public var metric: Located<MetricKind>
    /// For `phase_p95_latency`: the phase id.
    public var phase: Located<String>?
    /// The threshold.
    public var threshold: Threshold
    /// The window.
    public var window: MetricWindow
    /// `for` / `consecutive_runs`.
    public var hold: ConditionHold
    /// Fewer samples than this is "no data".
    public var minSamples: Int
    /// What no data means.
    public var onNoData: NoDataPolicy
    /// How long a firing rule stays firing after its condition turns false.
    public var keepFiringFor: ConfigDuration
    /// Hysteresis: the value the metric must reach to clear; nil clears at the threshold.
    public var clearThreshold: Double?
    /// The run roles counted.
    public var roles: [RunRole]

    /// Creates a condition.
    public init(
        pipeline: Located<String>, metric: Located<MetricKind>, phase: Located<String>?, threshold: Threshold,
        window: MetricWindow, hold: ConditionHold, minSamples: Int, onNoData: NoDataPolicy,
        keepFiringFor: ConfigDuration, clearThreshold: Double?, roles: [RunRole]
    ) {
        self.pipeline = pipeline
        self.metric = metric
        self.phase = phase
        self.threshold = threshold
        self.window = window
        self.hold = hold
        self.minSamples = minSamples
        self.onNoData = onNoData
        self.keepFiringFor = keepFiringFor
        self.clearThreshold = clearThreshold
        self.roles = roles
    }
}
