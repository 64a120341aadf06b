import Foundation

/// Which runs a metric counts (operations.md §6.1, §6.3): one pipeline, a window, the roles, and
/// for the candidate the epoch started by the last restore.
public struct MetricScope: Sendable, Hashable {
    /// The pipeline measured (`v5`).
    public var pipeline: String
    /// `N runs` or a duration before the evaluation time.
    public var window: MetricWindow
    /// The served roles counted (`primary`, `fallback`, or both).
    public var roles: [RunRole]
    /// Whether the pipeline is the rollout candidate: only then do the epoch,
    /// `fallback_rate` and `shadow_mismatch_rate` apply.
    public var isCandidate: Bool
    /// Candidate runs that started before this instant are ignored; nil reads it from
    /// `rollback_state.epoch_started_at` when `isCandidate`.
    public var epochStartedAt: Date?

    /// Creates a scope.
    public init(
        pipeline: String, window: MetricWindow, roles: [RunRole] = ConfigDefaults.roles, isCandidate: Bool = false,
        epochStartedAt: Date? = nil
    ) {
        self.pipeline = pipeline
        self.window = window
        self.roles = roles.isEmpty ? ConfigDefaults.roles : roles
        self.isCandidate = isCandidate
        self.epochStartedAt = epochStartedAt
    }

    /// The scope of a rule or trigger condition; `candidate` is the rollout candidate's name, if any.
    public init(condition: MetricCondition, candidate: String?) {
        self.init(
            pipeline: condition.pipeline.value, window: condition.window, roles: condition.roles,
            isCandidate: condition.pipeline.value == candidate)
    }

    /// The candidate pipeline of a configuration: the rollout file's `candidate`, else nil.
    public static func candidate(in config: LoadedConfig) -> String? { config.rollout?.candidate.value }
}

/// One metric measured over a window: a value, or "no data" (nil) when it has no samples of its
/// own kind; never 0 in place of no data (operations.md §6.2).
public struct MetricMeasurement: Sendable, Hashable {
    /// The metric.
    public var metric: MetricKind
    /// The value in the metric's unit (seconds for latencies, fractions for rates); nil = no data.
    public var value: Double?
    /// How many samples of its own kind the value is computed from.
    public var samples: Int
    /// The window's `run_count` (evaluated comparisons for `shadow_mismatch_rate`), which
    /// `min_samples` is compared with.
    public var runCount: Int

    /// Creates a measurement.
    public init(metric: MetricKind, value: Double?, samples: Int, runCount: Int) {
        self.metric = metric
        self.value = value
        self.samples = samples
        self.runCount = runCount
    }

    /// Whether this is "no data" for a rule or trigger with this `min_samples`.
    public func isNoData(minSamples: Int) -> Bool { value == nil || runCount < minSamples }
}
