import Foundation

/// The JSON objects shared by `runner status`, `runner health` and `runner alerts list`
/// (operations.md §11): latencies in seconds, rates as fractions, absent values null.
public enum StatusJSON {
    /// A health report: `status`, `insufficient_data`, `window`, `run_count`, `min_samples`, `metrics`.
    public static func health(_ report: HealthReport) -> ToolValue {
        var metrics: [String: ToolValue] = [:]
        for entry in report.metrics {
            metrics[entry.metric.rawValue] = .object([
                "value": number(entry.measurement.value),
                "samples": .number(Double(entry.measurement.samples)),
                "comparison": entry.comparison.map { .string($0.rawValue) } ?? .null,
                "warning_threshold": number(entry.warning?.value),
                "critical_threshold": number(entry.critical?.value),
                "band": .string(entry.band.rawValue),
            ])
        }
        return .object([
            "pipeline": .string(report.pipeline),
            "status": .string(report.status.rawValue),
            "insufficient_data": .bool(report.insufficientData),
            "window": .string(report.window.description),
            "run_count": .number(Double(report.runCount)),
            "min_samples": .number(Double(report.minSamples)),
            "metrics": .object(metrics),
        ])
    }

    /// One alert rule with its persisted state (nil state: never evaluated).
    public static func alert(_ rule: AlertRule, state: AlertRuleState?) -> ToolValue {
        var metric: ToolValue = .null, threshold: ToolValue = .null, comparison: ToolValue = .null
        var window: ToolValue = .null
        if case .metric(let c) = rule.condition {
            metric = .string(c.metric.value.rawValue)
            threshold = .number(c.threshold.value)
            comparison = .string(c.threshold.direction.rawValue)
            window = .string(c.window.description)
        } else if case .event(let event, _) = rule.condition {
            metric = .string("event:\(event.rawValue)")
        }
        return .object([
            "name": .string(rule.name.value),
            "pipeline": .string(rule.pipeline.value),
            "severity": .string(rule.severity.rawValue),
            "state": .string((state?.state ?? .inactive).rawValue),
            "metric": metric,
            "value": number(state?.lastValue),
            "threshold": threshold,
            "comparison": comparison,
            "window": window,
            "active_at": time(state?.activeAt),
            "fired_at": time(state?.firedAt),
            "resolved_at": time(state?.resolvedAt),
            "last_evaluated_at": time(state?.lastEvaluatedAt),
            "action": .string(rule.action),
            "labels": .object(rule.labels.mapValues { .string($0) }),
        ])
    }

    /// A number or null.
    public static func number(_ value: Double?) -> ToolValue { value.map { .number($0) } ?? .null }

    /// A 24-character timestamp or null.
    public static func time(_ date: Date?) -> ToolValue { date.map { .string(Timestamp.string($0)) } ?? .null }

    /// A string or null.
    public static func string(_ value: String?) -> ToolValue { value.map { .string($0) } ?? .null }

    /// A diagnostic as in `validate`'s JSON.
    public static func diagnostic(_ d: Diagnostic) -> ToolValue {
        .object([
            "file": .string(d.location.file),
            "line": d.location.line.map { .number(Double($0)) } ?? .null,
            "column": d.location.line == nil ? .null : .number(Double(d.location.column ?? 1)),
            "severity": .string(d.severity.rawValue),
            "rule": .string(d.rule),
            "message": .string(([d.message] + d.notes).joined(separator: "; ")),
        ])
    }
}
