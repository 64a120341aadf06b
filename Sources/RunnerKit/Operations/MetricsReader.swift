import Foundation
import GRDB

/// Every metric of operations.md §6.2 over one window, from one snapshot.
public struct WindowMetrics: Sendable, Hashable {
    /// The scope measured.
    public var scope: MetricScope
    /// Finished counted runs in the window.
    public var runCount: Int
    /// One measurement per metric kind except `phase_p95_latency` (which needs a phase).
    public var measurements: [MetricKind: MetricMeasurement]

    /// The measurement of a metric; `phase_p95_latency` reads as no data here.
    public subscript(metric: MetricKind) -> MetricMeasurement {
        measurements[metric] ?? MetricMeasurement(metric: metric, value: nil, samples: 0, runCount: runCount)
    }
}

/// Reads metrics from the `runs`, `run_phases` and `shadow_comparisons` tables through covering
/// indexes. The evaluation time is always passed in (the runner clock or a simulated one).
public struct MetricsReader: Sendable {
    /// The database.
    public let storage: Storage

    /// Creates a reader.
    public init(storage: Storage) { self.storage = storage }

    /// One metric over a scope at `now`; `phase` names the phase of `phase_p95_latency`.
    public func measure(_ metric: MetricKind, phase: String? = nil, scope: MetricScope, at now: Date) throws
        -> MetricMeasurement
    {
        try storage.readSnapshot { db in try Self.measure(db, metric, phase: phase, scope: scope, at: now) }
    }

    /// The metric of a rule's or trigger's condition; `candidate` is the rollout candidate's name.
    public func measure(_ condition: MetricCondition, candidate: String?, at now: Date) throws -> MetricMeasurement {
        try measure(
            condition.metric.value, phase: condition.phase?.value,
            scope: MetricScope(condition: condition, candidate: candidate), at: now)
    }

    /// Every metric except `phase_p95_latency` over a scope, from one snapshot.
    public func measureAll(scope: MetricScope, at now: Date) throws -> WindowMetrics {
        try storage.readSnapshot { db in try Self.measureAll(db, scope: scope, at: now) }
    }

    // MARK: - Inside a transaction (used by the evaluator's immediate transactions)

    static func measure(_ db: Database, _ metric: MetricKind, phase: String?, scope: MetricScope, at now: Date) throws
        -> MetricMeasurement
    {
        switch metric {
        case .shadowMismatchRate:
            return try shadowMismatch(db, scope: scope, at: now)
        case .phaseP95Latency:
            let runs = try Storage.fetchWindowRuns(db, pipeline: scope.pipeline, bounds: try bounds(db, scope, now))
            let durations = try Storage.fetchPhaseDurations(db, phase: phase ?? "", runIds: runs.map(\.runId))
            let p95 = MetricsCalculator.p95(durations).map { Double($0) / 1000 }
            return MetricMeasurement(metric: metric, value: p95, samples: durations.count, runCount: runs.count)
        default:
            return try measureAll(db, scope: scope, at: now)[metric]
        }
    }

    static func measureAll(_ db: Database, scope: MetricScope, at now: Date) throws -> WindowMetrics {
        let runs = try Storage.fetchWindowRuns(db, pipeline: scope.pipeline, bounds: try bounds(db, scope, now))
        let n = runs.count
        var result: [MetricKind: MetricMeasurement] = [:]
        func put(_ metric: MetricKind, _ value: Double?, _ samples: Int) {
            result[metric] = MetricMeasurement(metric: metric, value: value, samples: samples, runCount: n)
        }
        put(.runCount, n == 0 ? nil : Double(n), n)
        put(.successRate, MetricsCalculator.rate(runs.filter { $0.status == "succeeded" }.count, of: n), n)
        let durations = runs.compactMap(\.durationMs)
        put(.p95Latency, MetricsCalculator.p95(durations).map { Double($0) / 1000 }, durations.count)
        put(.hardGateRate, MetricsCalculator.rate(runs.filter(\.hardGateViolation).count, of: n), n)
        let qualities = runs.filter { $0.status == "succeeded" }.compactMap(\.qualityScore)
        put(.qualityAvg, MetricsCalculator.mean(qualities), qualities.count)
        if scope.isCandidate {
            let primaries = runs.filter { $0.role == RunRole.primary.rawValue }
            let fellBack = primaries.filter { $0.fallbackRunId != nil }.count
            put(.fallbackRate, MetricsCalculator.rate(fellBack, of: primaries.count), primaries.count)
        } else {
            put(.fallbackRate, nil, 0)
        }
        result[.shadowMismatchRate] = try shadowMismatch(db, scope: scope, at: now)
        return WindowMetrics(scope: scope, runCount: n, measurements: result)
    }

    /// Evaluated comparisons (candidate only) whose recommendation is not `equivalent`.
    static func shadowMismatch(_ db: Database, scope: MetricScope, at now: Date) throws -> MetricMeasurement {
        guard scope.isCandidate else {
            return MetricMeasurement(metric: .shadowMismatchRate, value: nil, samples: 0, runCount: 0)
        }
        let window = try bounds(db, scope, now)
        let recommendations = try Storage.fetchComparisonRecommendations(
            db, notBefore: window.startedAtOrAfter ?? "", bounds: window)
        let mismatches = recommendations.filter { $0 != "equivalent" }.count
        return MetricMeasurement(
            metric: .shadowMismatchRate, value: MetricsCalculator.rate(mismatches, of: recommendations.count),
            samples: recommendations.count, runCount: recommendations.count)
    }

    /// The window of a scope at `now` as timestamp bounds.
    static func bounds(_ db: Database, _ scope: MetricScope, _ now: Date) throws -> WindowBounds {
        var epoch: String?
        if scope.isCandidate {
            epoch = try scope.epochStartedAt.map(Timestamp.string) ?? Storage.fetchEpochStartedAt(db)
        }
        var bounds = WindowBounds(
            roles: scope.roles.map(\.rawValue), startedAtOrAfter: epoch, finishedAtOrBefore: Timestamp.string(now),
            finishedAtOrAfter: nil, limit: nil)
        switch scope.window {
        case .runs(let count): bounds.limit = count
        case .duration(let span):
            bounds.finishedAtOrAfter = Timestamp.string(now.addingTimeInterval(-span.seconds))
        }
        return bounds
    }
}
