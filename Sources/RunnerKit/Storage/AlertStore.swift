import Foundation
import GRDB

/// One row of `alert_events` (data-model.md §3.5).
public struct AlertEventRecord: Sendable, Hashable {
    /// The event id (nil before insertion).
    public var eventId: Int64?
    /// Alert rule or rollback trigger.
    public var kind: AlertStateKind
    /// The rule or trigger name.
    public var ruleName: String
    /// When the change happened.
    public var at: Date
    /// The state left.
    public var fromState: AlertStateName
    /// The state entered.
    public var toState: AlertStateName
    /// The metric value (nil = no data or an event rule).
    public var value: Double?
    /// The rule's threshold value.
    public var threshold: Double?
    /// The rule's severity.
    public var severity: AlertSeverity?
    /// The run whose finish triggered the evaluation, if any.
    public var runId: String?
    /// `rule_changed` or `rule_removed`, for resets.
    public var resolution: String?
    /// none, delivered, partial or failed.
    public var notificationOutcome: String

    /// Creates an event.
    public init(
        eventId: Int64? = nil, kind: AlertStateKind, ruleName: String, at: Date, fromState: AlertStateName,
        toState: AlertStateName, value: Double?, threshold: Double?, severity: AlertSeverity?, runId: String?,
        resolution: String?, notificationOutcome: String = "none"
    ) {
        self.eventId = eventId
        self.kind = kind
        self.ruleName = ruleName
        self.at = at
        self.fromState = fromState
        self.toState = toState
        self.value = value
        self.threshold = threshold
        self.severity = severity
        self.runId = runId
        self.resolution = resolution
        self.notificationOutcome = notificationOutcome
    }
}

/// One row of `notification_attempts`.
public struct NotificationAttemptRecord: Sendable, Hashable {
    /// The notifier name.
    public var notifier: String
    /// 1-based attempt number.
    public var attempt: Int
    /// When the attempt ended.
    public var at: Date
    /// Whether it was delivered.
    public var delivered: Bool
    /// The HTTP status of a webhook response.
    public var httpStatus: Int?
    /// The exit code of a command notifier.
    public var exitCode: Int?
    /// Why it failed.
    public var error: String?

    /// Creates an attempt record.
    public init(
        notifier: String, attempt: Int, at: Date, delivered: Bool, httpStatus: Int? = nil, exitCode: Int? = nil,
        error: String? = nil
    ) {
        self.notifier = notifier
        self.attempt = attempt
        self.at = at
        self.delivered = delivered
        self.httpStatus = httpStatus
        self.exitCode = exitCode
        self.error = error
    }
}

/// The SQL of alert states, events and notification attempts.
extension Storage {
    static func fetchAlertState(_ db: Database, kind: AlertStateKind, name: String) throws -> AlertRuleState? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM alert_states WHERE kind = ? AND rule_name = ?"), arguments: [kind.rawValue, name]
        ).map(alertState)
    }

    static func fetchAlertStates(_ db: Database, kind: AlertStateKind?) throws -> [AlertRuleState] {
        if let kind {
            return try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM alert_states WHERE kind = ? ORDER BY rule_name"), arguments: [kind.rawValue]
            ).map(alertState)
        }
        return try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM alert_states ORDER BY kind, rule_name")).map(alertState)
    }

    static func saveAlertState(_ db: Database, _ s: AlertRuleState) throws {
        try db.executeCached(
            sql: """
                INSERT INTO alert_states (kind, rule_name, definition_hash, state, since, active_at, fired_at,
                  resolved_at, last_true_at, consecutive_count, last_value, last_evaluated_at, severity)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (kind, rule_name) DO UPDATE SET definition_hash = excluded.definition_hash,
                  state = excluded.state, since = excluded.since, active_at = excluded.active_at,
                  fired_at = excluded.fired_at, resolved_at = excluded.resolved_at, last_true_at = excluded.last_true_at,
                  consecutive_count = excluded.consecutive_count, last_value = excluded.last_value,
                  last_evaluated_at = excluded.last_evaluated_at, severity = excluded.severity
                """,
            arguments: [
                s.kind.rawValue, s.ruleName, s.definitionHash, s.state.rawValue, ts(s.since), s.activeAt.map(ts),
                s.firedAt.map(ts), s.resolvedAt.map(ts), s.lastTrueAt.map(ts), s.consecutiveCount, s.lastValue,
                ts(s.lastEvaluatedAt), s.severity?.rawValue,
            ])
    }

    static func deleteAlertState(_ db: Database, kind: AlertStateKind, name: String) throws {
        try db.executeCached(
            sql: "DELETE FROM alert_states WHERE kind = ? AND rule_name = ?", arguments: [kind.rawValue, name])
    }

    /// Inserts an event and its `alert.transition` audit row; returns the event id.
    static func insertAlertEvent(_ db: Database, _ e: AlertEventRecord, actor: String) throws -> Int64 {
        try db.executeCached(
            sql: """
                INSERT INTO alert_events (kind, rule_name, at, from_state, to_state, value, threshold, severity, run_id,
                  resolution, notification_outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'none')
                """,
            arguments: [
                e.kind.rawValue, e.ruleName, ts(e.at), e.fromState.rawValue, e.toState.rawValue, e.value, e.threshold,
                e.severity?.rawValue, e.runId, e.resolution,
            ])
        let id = db.lastInsertedRowID
        try AuditLog.append(
            db, occurredAt: ts(e.at), actor: actor, action: "alert.transition", entityType: "alert_states",
            entityId: "\(e.kind.rawValue):\(e.ruleName)", runId: e.runId, reason: e.resolution,
            before: .object(["state": .string(e.fromState.rawValue)]),
            after: .object([
                "state": .string(e.toState.rawValue), "event_id": .number(Double(id)),
                "value": e.value.map { .number($0) } ?? .null,
            ]))
        return id
    }

    /// Alert events at or after `since` (all when nil), optionally of one rule, oldest first.
    public func alertEvents(since: Date?, rule: String?) throws -> [AlertEventRecord] {
        try read { db in
            var sql = "SELECT * FROM alert_events WHERE at >= ?"
            var args: [(any DatabaseValueConvertible)?] = [since.map(Self.ts) ?? ""]
            if let rule {
                sql += " AND rule_name = ?"
                args.append(rule)
            }
            sql += " ORDER BY at, event_id"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.alertEvent)
        }
    }

    /// The notification attempts of the given events, by event id.
    public func notificationAttempts(eventIds: [Int64]) throws -> [Int64: [NotificationAttemptRecord]] {
        guard !eventIds.isEmpty else { return [:] }
        return try read { db in
            let marks = eventIds.map { _ in "?" }.joined(separator: ", ")
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM notification_attempts WHERE alert_event_id IN (\(marks)) ORDER BY attempt_id",
                arguments: StatementArguments(eventIds))
            var result: [Int64: [NotificationAttemptRecord]] = [:]
            for row in rows {
                let record = NotificationAttemptRecord(
                    notifier: row["notifier"] ?? "", attempt: row["attempt"] ?? 0,
                    at: (row["at"] as String?).flatMap(Timestamp.parse) ?? Date(timeIntervalSince1970: 0),
                    delivered: (row["outcome"] as String?) == "delivered", httpStatus: row["http_status"],
                    exitCode: row["exit_code"], error: row["error"])
                result[row["alert_event_id"], default: []].append(record)
            }
            return result
        }
    }

    /// Records the attempts of one event and its overall outcome, in one transaction.
    public func recordNotification(eventId: Int64, attempts: [NotificationAttemptRecord], outcome: String) throws {
        try write { db in
            for a in attempts {
                try db.executeCached(
                    sql: """
                        INSERT INTO notification_attempts (alert_event_id, notifier, attempt, at, outcome, http_status,
                          exit_code, error)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        eventId, a.notifier, a.attempt, Self.ts(a.at), a.delivered ? "delivered" : "failed", a.httpStatus,
                        a.exitCode, a.error,
                    ])
            }
            try db.executeCached(
                sql: "UPDATE alert_events SET notification_outcome = ? WHERE event_id = ?", arguments: [outcome, eventId])
        }
    }

    /// Every persisted rule and trigger state.
    public func alertStates(kind: AlertStateKind? = nil) throws -> [AlertRuleState] {
        try read { db in try Self.fetchAlertStates(db, kind: kind) }
    }

    static func ts(_ date: Date) -> String { Timestamp.string(date) }

    private static func date(_ row: Row, _ column: String) -> Date? {
        (row[column] as String?).flatMap(Timestamp.parse)
    }

    private static func alertState(_ row: Row) -> AlertRuleState {
        AlertRuleState(
            kind: AlertStateKind(rawValue: row["kind"]) ?? .alert, ruleName: row["rule_name"],
            definitionHash: row["definition_hash"], state: AlertStateName(rawValue: row["state"]) ?? .inactive,
            since: date(row, "since") ?? Date(timeIntervalSince1970: 0), activeAt: date(row, "active_at"),
            firedAt: date(row, "fired_at"), resolvedAt: date(row, "resolved_at"), lastTrueAt: date(row, "last_true_at"),
            consecutiveCount: row["consecutive_count"], lastValue: row["last_value"],
            lastEvaluatedAt: date(row, "last_evaluated_at") ?? Date(timeIntervalSince1970: 0),
            severity: (row["severity"] as String?).flatMap(AlertSeverity.init(rawValue:)))
    }

    private static func alertEvent(_ row: Row) -> AlertEventRecord {
        AlertEventRecord(
            eventId: row["event_id"], kind: AlertStateKind(rawValue: row["kind"]) ?? .alert, ruleName: row["rule_name"],
            at: date(row, "at") ?? Date(timeIntervalSince1970: 0),
            fromState: AlertStateName(rawValue: row["from_state"] ?? "") ?? .inactive,
            toState: AlertStateName(rawValue: row["to_state"] ?? "") ?? .inactive, value: row["value"],
            threshold: row["threshold"], severity: (row["severity"] as String?).flatMap(AlertSeverity.init(rawValue:)),
            runId: row["run_id"], resolution: row["resolution"], notificationOutcome: row["notification_outcome"])
    }
}
