import Foundation
import GRDB

/// The persisted state of one rollback trigger (`alert_states` with kind `trigger`).
public struct TriggerStateRecord: Sendable, Hashable {
    /// The trigger's name.
    public var name: String
    /// Hash of the condition fields; a change resets the state.
    public var definitionHash: String
    /// inactive, pending, firing or resolved.
    public var state: AlertStateName
    /// When the current state was entered.
    public var since: String
    /// When the condition first became true in the current pending/firing streak.
    public var activeAt: String?
    /// When it last fired.
    public var firedAt: String?
    /// When it last resolved.
    public var resolvedAt: String?
    /// The last evaluation at which the condition held.
    public var lastTrueAt: String?
    /// True evaluations in a row after new runs (for `consecutive_runs`).
    public var consecutiveCount: Int
    /// The metric value at the last evaluation (nil: no data).
    public var lastValue: Double?
    /// The last evaluation.
    public var lastEvaluatedAt: String

    /// Creates a record.
    public init(
        name: String, definitionHash: String, state: AlertStateName, since: String, activeAt: String? = nil,
        firedAt: String? = nil, resolvedAt: String? = nil, lastTrueAt: String? = nil, consecutiveCount: Int = 0,
        lastValue: Double? = nil, lastEvaluatedAt: String
    ) {
        self.name = name
        self.definitionHash = definitionHash
        self.state = state
        self.since = since
        self.activeAt = activeAt
        self.firedAt = firedAt
        self.resolvedAt = resolvedAt
        self.lastTrueAt = lastTrueAt
        self.consecutiveCount = consecutiveCount
        self.lastValue = lastValue
        self.lastEvaluatedAt = lastEvaluatedAt
    }
}

extension RolloutConnection {
    /// The stored state of a trigger, nil when it was never evaluated.
    public func triggerState(named name: String) throws -> TriggerStateRecord? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT rule_name, definition_hash, state, since, active_at, fired_at, resolved_at, last_true_at,
                  consecutive_count, last_value, last_evaluated_at
                FROM alert_states WHERE kind = 'trigger' AND rule_name = ?
                """,
            arguments: [name]
        ).map { row in
            TriggerStateRecord(
                name: row["rule_name"], definitionHash: row["definition_hash"],
                state: AlertStateName(rawValue: row["state"]) ?? .inactive, since: row["since"],
                activeAt: row["active_at"], firedAt: row["fired_at"], resolvedAt: row["resolved_at"],
                lastTrueAt: row["last_true_at"], consecutiveCount: row["consecutive_count"],
                lastValue: row["last_value"], lastEvaluatedAt: row["last_evaluated_at"])
        }
    }

    /// Writes a trigger's state (insert or replace).
    public func saveTriggerState(_ record: TriggerStateRecord) throws {
        try db.execute(
            sql: """
                INSERT INTO alert_states (kind, rule_name, definition_hash, state, since, active_at, fired_at,
                  resolved_at, last_true_at, consecutive_count, last_value, last_evaluated_at, severity)
                VALUES ('trigger', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
                ON CONFLICT (kind, rule_name) DO UPDATE SET definition_hash = excluded.definition_hash,
                  state = excluded.state, since = excluded.since, active_at = excluded.active_at,
                  fired_at = excluded.fired_at, resolved_at = excluded.resolved_at,
                  last_true_at = excluded.last_true_at, consecutive_count = excluded.consecutive_count,
                  last_value = excluded.last_value, last_evaluated_at = excluded.last_evaluated_at
                """,
            arguments: [
                record.name, record.definitionHash, record.state.rawValue, record.since, record.activeAt,
                record.firedAt, record.resolvedAt, record.lastTrueAt, record.consecutiveCount, record.lastValue,
                record.lastEvaluatedAt,
            ])
    }

    /// Records a trigger transition: an `alert_events` row and its `alert.transition` audit row.
    public func recordTriggerTransition(
        name: String, at: String, from: AlertStateName, to: AlertStateName, value: Double?, threshold: Double?,
        runId: String?, actor: String, resolution: String? = nil
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO alert_events (kind, rule_name, at, from_state, to_state, value, threshold, severity,
                  run_id, resolution, notification_outcome)
                VALUES ('trigger', ?, ?, ?, ?, ?, ?, NULL, ?, ?, 'none')
                """,
            arguments: [name, at, from.rawValue, to.rawValue, value, threshold, runId, resolution])
        try audit(
            at: at, actor: actor, action: "alert.transition", entityType: "alert_states", entityId: "trigger:\(name)",
            reason: resolution, before: .object(["state": .string(from.rawValue)]),
            after: .object(["state": .string(to.rawValue), "value": value.map(ToolValue.number) ?? .null]),
            runId: runId)
    }

    /// Resets every trigger state to inactive (restore, operations.md §8.5); returns how many changed.
    @discardableResult
    public func resetTriggerStates(at now: String) throws -> Int {
        try db.execute(
            sql: """
                UPDATE alert_states SET state = 'inactive', since = ?, active_at = NULL, last_true_at = NULL,
                  consecutive_count = 0
                WHERE kind = 'trigger' AND (state <> 'inactive' OR consecutive_count <> 0)
                """,
            arguments: [now])
        return db.changesCount
    }

    /// Deletes the states of triggers no longer declared.
    public func deleteTriggerStates(except names: [String]) throws {
        let all = try String.fetchAll(db, sql: "SELECT rule_name FROM alert_states WHERE kind = 'trigger'")
        for name in all where !names.contains(name) {
            try db.execute(sql: "DELETE FROM alert_states WHERE kind = 'trigger' AND rule_name = ?", arguments: [name])
        }
    }

    /// The names of alert rules (kind `alert`) firing now with one of `severities`.
    public func firingAlertNames(severities: [String]) throws -> [String] {
        guard !severities.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: severities.count).joined(separator: ", ")
        return try String.fetchAll(
            db,
            sql: """
                SELECT rule_name FROM alert_states
                WHERE kind = 'alert' AND state = 'firing' AND severity IN (\(marks)) ORDER BY rule_name
                """,
            arguments: StatementArguments(severities))
    }
}
