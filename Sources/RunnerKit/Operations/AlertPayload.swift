import Foundation

/// The alert JSON of a notification and its Slack-compatible `text` (operations.md §7.4).
public enum AlertPayload {
    /// The payload object of one transition, evaluated at `evaluatedAt`.
    public static func json(_ t: AlertTransition) -> ToolValue {
        let condition = t.condition
        let rule = t.rule
        func time(_ date: Date?) -> ToolValue { date.map { .string(Timestamp.string($0)) } ?? .null }
        func number(_ value: Double?) -> ToolValue { value.map { .number($0) } ?? .null }
        var object: [String: ToolValue] = [
            "text": .string(text(t)),
            "alert": .string(t.name),
            "state": .string(t.toState.rawValue),
            "previous_state": .string(t.fromState.rawValue),
            "severity": t.event.severity.map { .string($0.rawValue) } ?? .null,
            "pipeline": t.pipeline.map { .string($0) } ?? .null,
            "metric": condition.map { .string($0.metric.value.rawValue) } ?? .null,
            "value": number(t.event.value),
            "threshold": number(condition?.threshold.value),
            "comparison": condition.map { .string($0.threshold.direction.rawValue) } ?? .null,
            "window": condition.map { .string($0.window.description) } ?? .null,
            "action": rule.map { .string($0.action) } ?? .null,
            "labels": .object((rule?.labels ?? [:]).mapValues { .string($0) }),
            "active_at": time(t.state.activeAt),
            "fired_at": time(t.state.firedAt),
            "resolved_at": time(t.state.resolvedAt),
            "evaluated_at": time(t.event.at),
            "run_id": t.event.runId.map { .string($0) } ?? .null,
            "resolution": t.event.resolution.map { .string($0) } ?? .null,
        ]
        if let rollback = t.rollback {
            object["rollback"] = .object([
                "reason": .string(rollback.reason),
                "initiated_by": .string(rollback.initiatedBy),
                "trigger": rollback.trigger.map { .string($0) } ?? .null,
                "drain_ms": rollback.lastDrainMs.map { .number(Double($0)) } ?? .null,
            ])
        }
        return .object(object)
    }

    /// `[FIRING] V5_SUCCESS_CRITICAL (critical): v5 success_rate 0.80 < 0.85 over last 20 runs.
    /// Action: Prepare rollback`; the rollback event reproduces the runbook's message.
    public static func text(_ t: AlertTransition) -> String {
        let pipeline = t.pipeline ?? "-"
        if let rollback = t.rollback, t.condition == nil {
            if t.toState == .firing {
                return "[ROLLBACK] \(pipeline) disabled. Reason: \(rollback.reason). Initiated by: \(rollback.initiatedBy)."
            }
            return "[\(t.toState.rawValue.uppercased())] \(t.name): \(pipeline) rollback state \(rollback.state)."
        }
        let severity = t.event.severity.map { " (\($0.rawValue))" } ?? ""
        var text = "[\(t.toState.rawValue.uppercased())] \(t.name)\(severity): "
        if let condition = t.condition {
            let metric = condition.metric.value
            let value = t.event.value.map { format($0, metric) } ?? "no data"
            let breached = t.event.value.map(condition.threshold.isBreached) ?? false
            let symbol: String
            switch (condition.threshold.direction, breached) {
            case (.below, true): symbol = "<"
            case (.below, false): symbol = ">="
            case (.above, true): symbol = ">"
            case (.above, false): symbol = "<="
            }
            let over: String
            switch condition.window {
            case .runs(let n): over = "over last \(n) runs"
            case .duration(let d): over = "over last \(d)"
            }
            text += "\(pipeline) \(metric.rawValue) \(value) \(symbol) \(format(condition.threshold.value, metric)) \(over)."
        } else {
            text += "\(pipeline)."
        }
        if let resolution = t.event.resolution { text += " Resolution: \(resolution)." }
        if let action = t.rule?.action, !action.isEmpty { text += " Action: \(action)" }
        return text
    }

    /// A metric value for people: rates with two decimals, latencies in seconds, quality with one.
    public static func format(_ value: Double, _ metric: MetricKind) -> String {
        switch metric.unit {
        case .fraction: String(format: "%.2f", value)
        case .seconds: String(format: "%.1fs", value)
        case .score: String(format: "%.1f", value)
        case .count: String(Int(value))
        }
    }
}
