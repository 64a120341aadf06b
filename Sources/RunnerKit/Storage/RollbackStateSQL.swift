import Foundation
import GRDB

/// The SQL of the rollback controller: `rollback_state`, `rollback_events`, in-flight runs.
extension RolloutConnection {
    /// The one `rollback_state` row.
    public func rollbackState() throws -> RollbackStateRecord {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                sql: """
                    SELECT state, since, reason, initiated_by, "trigger", cooldown_until, epoch_started_at
                    FROM rollback_state WHERE id = 1
                    """))
        else { throw StorageError.databaseError(message: "rollback_state has no row (id = 1)") }
        let text: String = row["state"]
        return RollbackStateRecord(
            state: RollbackState(rawValue: text) ?? .disabled, since: row["since"], reason: row["reason"],
            initiatedBy: row["initiated_by"], trigger: row["trigger"], cooldownUntil: row["cooldown_until"],
            epochStartedAt: row["epoch_started_at"])
    }

    /// Replaces the row only if it still holds `expected` (state and since); false when another
    /// process changed it first.
    public func replaceRollbackState(_ new: RollbackStateRecord, expecting expected: RollbackStateRecord) throws -> Bool {
        try db.executeCached(
            sql: """
                UPDATE rollback_state SET state = ?, since = ?, reason = ?, initiated_by = ?, "trigger" = ?,
                  cooldown_until = ?, epoch_started_at = ?
                WHERE id = 1 AND state = ? AND since = ?
                """,
            arguments: [
                new.state.rawValue, new.since, new.reason, new.initiatedBy, new.trigger, new.cooldownUntil,
                new.epochStartedAt, expected.state.rawValue, expected.since,
            ])
        return db.changesCount == 1
    }

    /// Inserts an event with its audit row (`rollback.<event>`, entity rollback_state/1).
    @discardableResult
    public func insertRollbackEvent(
        _ event: RollbackEventRecord, actor: String, before: RollbackStateRecord, after: RollbackStateRecord
    ) throws -> Int64 {
        try db.executeCached(
            sql: """
                INSERT INTO rollback_events (at, event, from_state, to_state, reason, initiated_by, "trigger",
                  metrics_snapshot, drain_ms, in_flight_at_start, in_flight_remaining, recovered)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                event.at, event.event.rawValue, event.fromState.rawValue, event.toState.rawValue, event.reason,
                event.initiatedBy, event.trigger, event.metricsSnapshot?.canonicalJSON(), event.drainMs,
                event.inFlightAtStart, event.inFlightRemaining, event.recovered ? 1 : 0,
            ])
        let id = db.lastInsertedRowID
        try audit(
            at: event.at, actor: actor, action: "rollback.\(event.event.rawValue)", entityType: "rollback_state",
            entityId: "1", reason: event.reason, before: before.auditValue, after: after.auditValue)
        return id
    }

    /// Rollback events, newest first.
    public func rollbackEvents(limit: Int?) throws -> [RollbackEventRecord] {
        let rows = try Row.fetchAll(
            db.cachedStatement(
            sql: """
                SELECT event_id, at, event, from_state, to_state, reason, initiated_by, "trigger", metrics_snapshot,
                  drain_ms, in_flight_at_start, in_flight_remaining, recovered
                FROM rollback_events ORDER BY at DESC, event_id DESC LIMIT ?
                """),
            arguments: [limit ?? -1])
        return rows.map { row in
            let snapshot: String? = row["metrics_snapshot"]
            return RollbackEventRecord(
                eventId: row["event_id"], at: row["at"],
                event: RollbackEventKind(rawValue: row["event"]) ?? .disabled,
                fromState: RollbackState(rawValue: row["from_state"] ?? "") ?? .active,
                toState: RollbackState(rawValue: row["to_state"] ?? "") ?? .active,
                reason: row["reason"] ?? "", initiatedBy: row["initiated_by"] ?? "unknown", trigger: row["trigger"],
                metricsSnapshot: snapshot.flatMap(ToolValue.parse), drainMs: row["drain_ms"],
                inFlightAtStart: row["in_flight_at_start"], inFlightRemaining: row["in_flight_remaining"],
                recovered: (row["recovered"] as Int?) == 1)
        }
    }

    /// The `running` rows of a pipeline, any role (the drain decides which are still alive).
    public func runningRuns(pipeline: String) throws -> [RunningRunRecord] {
        try Row.fetchAll(
            db.cachedStatement(
            sql: """
                SELECT run_id, owner_pid, owner_host, started_at, heartbeat_at FROM runs
                WHERE status = 'running' AND pipeline = ?
                """),
            arguments: [pipeline]
        ).map {
            RunningRunRecord(
                runId: $0["run_id"], ownerPid: $0["owner_pid"], ownerHost: $0["owner_host"],
                startedAt: $0["started_at"], heartbeatAt: $0["heartbeat_at"])
        }
    }
}
