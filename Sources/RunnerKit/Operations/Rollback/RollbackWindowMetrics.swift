import Foundation

/// A metric source computed directly from the `runs` window query (operations.md §6.2 definitions).
public struct RollbackWindowMetrics: RollbackMetricSource {
    /// The database.
    public var storage: Storage

    /// Creates the source.
    public init(storage: Storage) { self.storage = storage }

    public func measure(
        _ metric: MetricKind, pipeline: String, window: MetricWindow, roles: [RunRole], phase: String?,
        epochStartedAt: Date, at now: Date
    ) throws -> RollbackMeasurement {
        let epoch = Timestamp.string(epochStartedAt)
        var lastCount: Int?
        var since: String?
        switch window {
        case .runs(let n): lastCount = n
        case .duration(let d): since = Timestamp.string(now.addingTimeInterval(-d.seconds))
        }
        if metric == .shadowMismatchRate {
            let recommendations = try storage.rolloutSnapshot {
                try $0.windowRecommendations(lastCount: lastCount, createdSince: since, epoch: epoch)
            }
            let evaluated = recommendations.filter { $0 != "control_failed" }
            let mismatched = evaluated.filter { $0 != "equivalent" }.count
            return RollbackMeasurement(
                value: evaluated.isEmpty ? nil : Double(mismatched) / Double(evaluated.count), samples: evaluated.count)
        }
        let runs = try storage.rolloutSnapshot {
            try $0.windowRuns(
                pipeline: pipeline, roles: roles.map(\.rawValue), epoch: epoch, lastCount: lastCount,
                finishedSince: since)
        }
        return Self.compute(metric, runs: runs)
    }

    /// The §6.2 value of `metric` over `runs`; nil when the metric has no samples of its kind.
    static func compute(_ metric: MetricKind, runs: [RollbackWindowRun]) -> RollbackMeasurement {
        let n = runs.count
        func rate(_ count: Int, of total: Int) -> Double? { total == 0 ? nil : Double(count) / Double(total) }
        let value: Double?
        switch metric {
        case .runCount: value = Double(n)
        case .successRate: value = rate(runs.filter { $0.status == "succeeded" }.count, of: n)
        case .hardGateRate: value = rate(runs.filter(\.hardGateViolation).count, of: n)
        case .qualityAvg:
            let scores = runs.filter { $0.status == "succeeded" }.compactMap(\.qualityScore)
            value = scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
        case .p95Latency:
            let durations = runs.compactMap(\.durationMs).sorted()
            if durations.isEmpty {
                value = nil
            } else {
                let position = (95 * durations.count + 99) / 100
                value = Double(durations[max(position, 1) - 1]) / 1000
            }
        case .fallbackRate:
            let primaries = runs.filter { $0.role == "primary" }
            value = rate(primaries.filter(\.startedFallback).count, of: primaries.count)
        case .phaseP95Latency, .shadowMismatchRate:
            value = nil
        }
        return RollbackMeasurement(value: value, samples: n)
    }
}
