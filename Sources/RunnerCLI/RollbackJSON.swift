import Foundation
import RunnerKit

/// JSON values of the rollback and rollout records (snake_case keys, absent values null).
extension ToolValue {
    /// A string or null.
    static func text(_ value: String?) -> ToolValue { value.map(ToolValue.string) ?? .null }
    /// A number or null.
    static func num(_ value: Double?) -> ToolValue { value.map(ToolValue.number) ?? .null }
    /// An integer or null.
    static func int(_ value: (some BinaryInteger)?) -> ToolValue { value.map { .number(Double($0)) } ?? .null }
    /// A list of strings.
    static func strings(_ values: [String]) -> ToolValue { .array(values.map(ToolValue.string)) }
}

extension RollbackStateRecord {
    /// `state, since, reason, initiated_by, trigger, cooldown_until, in_cooldown, epoch_started_at`.
    func json(now: Date) -> ToolValue {
        .object([
            "state": .string(state.rawValue), "since": .string(since), "reason": .string(reason),
            "initiated_by": .string(initiatedBy), "trigger": .text(trigger), "cooldown_until": .text(cooldownUntil),
            "in_cooldown": .bool(inCooldown(at: now)), "epoch_started_at": .string(epochStartedAt),
        ])
    }
}

extension RollbackEventRecord {
    /// One history entry.
    var json: ToolValue {
        .object([
            "event_id": .int(eventId), "at": .string(at), "event": .string(event.rawValue),
            "from_state": .string(fromState.rawValue), "to_state": .string(toState.rawValue),
            "reason": .string(reason), "initiated_by": .string(initiatedBy), "trigger": .text(trigger),
            "metrics_snapshot": metricsSnapshot ?? .null, "drain_ms": .int(drainMs),
            "in_flight_at_start": .int(inFlightAtStart), "in_flight_remaining": .int(inFlightRemaining),
            "recovered": .bool(recovered),
        ])
    }

    /// `2026-01-19T09:00:00.000Z  drain_started  ACTIVE -> DRAINING  by kim  reason "..."`.
    var line: String {
        var text = "\(at)  \(event.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0))  "
            + "\(fromState.rawValue) -> \(toState.rawValue)  by \(initiatedBy)"
        if let trigger { text += "  trigger \(trigger)" }
        if let drainMs { text += "  drain \(drainMs) ms" }
        if let inFlightAtStart { text += "  in flight \(inFlightAtStart)" }
        if let inFlightRemaining { text += " (remaining \(inFlightRemaining))" }
        if recovered { text += "  recovered" }
        return text + "  reason: \(reason)"
    }
}

extension AppliedConfigRecord {
    /// `id, seen_at, config_hash, phase, flags, salt, status, reason, seen_by`.
    var json: ToolValue {
        .object([
            "id": .int(id), "seen_at": .string(seenAt), "config_hash": .string(configHash),
            "phase": .text(config.phase), "flags": config.flagsValue, "salt": .string(config.salt),
            "status": .string(status.rawValue), "reason": .text(reason), "seen_by": .text(seenBy),
        ])
    }
}

extension RolloutGateResult {
    /// `name, required, measured, passed`.
    var json: ToolValue {
        .object(["name": .string(name), "required": required, "measured": measured, "passed": .bool(passed)])
    }
}

extension TriggerEvaluation {
    /// One evaluated trigger.
    var json: ToolValue {
        .object([
            "name": .string(name), "metric": .string(metric.rawValue), "window": .string(window.description),
            "comparison": .string(threshold.direction.rawValue), "threshold": .number(threshold.value),
            "value": .num(measurement.value), "samples": .int(measurement.samples),
            "result": .string(resultText), "from_state": .string(from.rawValue), "to_state": .string(to.rawValue),
        ])
    }

    /// `true`, `false` or `no_data (hold)`.
    var resultText: String {
        switch result {
        case .isTrue: "true"
        case .isFalse: "false"
        case .hold: "no_data (hold)"
        }
    }
}

/// The operator's name for `initiated_by`: `$USER`, `unknown` when unset.
func operatorName(_ environment: [String: String]) -> String {
    let user = environment["USER"]?.trimmingCharacters(in: .whitespaces) ?? ""
    return user.isEmpty ? "unknown" : user
}
