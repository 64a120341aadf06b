import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Storage {
    /// The routing transaction (operations.md §1.3 step 3), one `BEGIN IMMEDIATE`: abandons dead
    /// running rows of the creator-week, reads the rollback state, lets `decide` build the rows
    /// from it, refuses with RUN_IN_PROGRESS if a served run is still running, inserts the rows.
    public func startRuns<Extra: Sendable>(
        creatorId: String, weekStart: String, owner: RunOwner,
        decide: (RollbackState) throws -> (rows: [RunStart], extra: Extra)
    ) throws -> (rows: [RunStart], extra: Extra, abandoned: [String]) {
        let now = clock.now()
        let nowText = Timestamp.string(now)
        return try writeRunRecords { db in
            let abandoned = try abandonDeadRuns(db, creatorId: creatorId, weekStart: weekStart, owner: owner, now: now)
            let stateText = try String.fetchOne(db.cachedStatement(sql: "SELECT state FROM rollback_state WHERE id = 1"))
            let state = stateText.flatMap(RollbackState.init(rawValue:)) ?? .active
            let (rows, extra) = try decide(state)
            if rows.contains(where: { $0.role.isServed }),
                let running = try String.fetchOne(
                    db.cachedStatement(
                    sql: """
                        SELECT run_id FROM runs WHERE creator_id = ? AND week_start = ? AND status = 'running'
                          AND role IN ('primary', 'fallback') LIMIT 1
                        """), arguments: [creatorId, weekStart])
            {
                throw RunLifecycleError.runInProgress(creator: creatorId, week: weekStart, runId: running)
            }
            for row in rows {
                try insert(db, row, owner: owner, now: nowText)
            }
            return (rows, extra, abandoned)
        }
    }

    func insert(_ db: Database, _ row: RunStart, owner: RunOwner, now: String) throws {
        try db.executeCached(
            sql: """
                INSERT INTO runs (run_id, creator_id, week_start, pipeline, role, decision, decision_target,
                  decision_reason, rollout_phase, applied_config_id, read_only, status, started_at, heartbeat_at,
                  fallback_of_run_id, shadow_of_run_id, owner_pid, owner_host, runner_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                row.runId, row.creatorId, row.weekStart, row.pipeline, row.role.rawValue, row.decisionJSON,
                row.decisionTarget, row.decisionReason, row.rolloutPhase, row.appliedConfigId, row.readOnly,
                now, now, row.fallbackOfRunId, row.shadowOfRunId, owner.pid, owner.host, owner.runnerVersion,
            ])
        try AuditLog.append(
            db, occurredAt: now, actor: owner.actor, action: "run.started", entityType: "runs", entityId: row.runId,
            runId: row.runId,
            after: .object([
                "pipeline": .string(row.pipeline), "role": .string(row.role.rawValue),
                "creator_id": .string(row.creatorId), "week_start": .string(row.weekStart),
                "decision_reason": .string(row.decisionReason),
            ]))
    }

    /// Applies the abandonment rule to the running rows of one creator-week; returns their ids.
    func abandonDeadRuns(
        _ db: Database, creatorId: String, weekStart: String, owner: RunOwner, now: Date
    ) throws -> [String] {
        let rows = try Row.fetchAll(
            db.cachedStatement(
            sql: """
                SELECT run_id, started_at, heartbeat_at, owner_pid, owner_host FROM runs
                WHERE creator_id = ? AND week_start = ? AND status = 'running'
                """), arguments: [creatorId, weekStart])
        var abandoned: [String] = []
        for row in rows {
            let runId: String = row["run_id"]
            let startedAt: String = row["started_at"]
            let heartbeat: String? = row["heartbeat_at"]
            let pid: Int32? = row["owner_pid"]
            let host: String = row["owner_host"]
            let last = heartbeat ?? startedAt
            let message: String
            if host == owner.host, let pid, !Self.processExists(pid) {
                message = "Owner process \(pid) on \(host) is gone"
            } else if let lastDate = Timestamp.parse(last), now.timeIntervalSince(lastDate) > 30 {
                message = "No heartbeat since \(last)"
            } else {
                continue
            }
            try markAbandoned(db, runId: runId, startedAt: startedAt, lastBeat: last, message: message, owner: owner)
            abandoned.append(runId)
        }
        return abandoned
    }

    private func markAbandoned(
        _ db: Database, runId: String, startedAt: String, lastBeat: String, message: String, owner: RunOwner
    ) throws {
        let duration = Timestamp.parse(lastBeat).flatMap { end in
            Timestamp.parse(startedAt).map { Int((end.timeIntervalSince($0) * 1000).rounded()) }
        }
        try db.executeCached(
            sql: """
                UPDATE runs SET status = 'abandoned', finished_at = ?, duration_ms = ?, error_code = 'ABANDONED',
                  error_message = ? WHERE run_id = ? AND status = 'running'
                """, arguments: [lastBeat, max(0, duration ?? 0), message, runId])
        try db.executeCached(
            sql: """
                UPDATE run_phases SET status = 'abandoned', finished_at = ?, error_code = 'ABANDONED',
                  error_message = ? WHERE run_id = ? AND status = 'running'
                """, arguments: [lastBeat, message, runId])
        try AuditLog.append(
            db, occurredAt: Timestamp.string(clock.now()), actor: owner.actor, action: "run.abandoned",
            entityType: "runs", entityId: runId, runId: runId, reason: message,
            before: .object(["status": .string("running")]), after: .object(["status": .string("abandoned")]))
    }

    /// One immediate write transaction that lets `RunLifecycleError` through unchanged (the shared
    /// `write` maps every non-tool error to a storage error).
    func writeRunRecords<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as RunLifecycleError {
            throw error
        } catch {
            throw StorageError.wrap(error)
        }
    }

    /// Whether a process with this id exists on this host (EPERM means it does, owned by another user).
    static func processExists(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}

extension Storage {
    /// The rollback state as routing reads it outside a run (ACTIVE when the row is missing).
    public func rollbackState() throws -> RollbackState {
        try read { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT state FROM rollback_state WHERE id = 1"))
                .flatMap(RollbackState.init(rawValue:)) ?? .active
        }
    }
}
