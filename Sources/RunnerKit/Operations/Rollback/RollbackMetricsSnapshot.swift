import Foundation

/// Builds the metrics snapshot stored with every rollback event (operations.md §8.3): the
/// candidate's health metrics over its slo window, plus the firing trigger's figures.
struct RollbackMetricsSnapshot {
    var settings: RollbackSettings
    var metrics: any RollbackMetricSource

    /// The snapshot JSON; a metric that cannot be measured is null (never a failed command).
    func take(epochStartedAt: Date, at now: Date, trigger: TriggerEvaluation?) -> ToolValue {
        var health: [String: ToolValue] = [:]
        var runCount: ToolValue = .null
        let kinds: [MetricKind] = [.successRate, .p95Latency, .hardGateRate, .qualityAvg]
        for kind in kinds + settings.healthMetrics where health[kind.rawValue] == nil {
            let measured = try? metrics.measure(
                kind, pipeline: settings.candidate, window: settings.healthWindow, roles: ConfigDefaults.roles,
                phase: nil, epochStartedAt: epochStartedAt, at: now)
            health[kind.rawValue] = measured?.value.map(ToolValue.number) ?? .null
            if kind == .successRate, let measured { runCount = .number(Double(measured.samples)) }
        }
        var snapshot: [String: ToolValue] = [
            "pipeline": .string(settings.candidate), "taken_at": .string(Timestamp.string(now)),
            "health": .object([
                "window": .string(settings.healthWindow.description), "run_count": runCount,
                "metrics": .object(health),
            ]),
            "trigger": .null,
        ]
        if let trigger {
            snapshot["trigger"] = .object([
                "name": .string(trigger.name), "metric": .string(trigger.metric.rawValue),
                "value": trigger.measurement.value.map(ToolValue.number) ?? .null,
                "samples": .number(Double(trigger.measurement.samples)),
                "threshold": .number(trigger.threshold.value),
                "comparison": .string(trigger.threshold.direction.rawValue),
                "window": .string(trigger.window.description),
            ])
        }
        return .object(snapshot)
    }
}
