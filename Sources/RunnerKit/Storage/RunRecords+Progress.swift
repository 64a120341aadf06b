import Foundation
import GRDB

extension Storage {
    /// Refreshes `heartbeat_at` of a running run; false when the row is no longer running.
    @discardableResult
    public func heartbeat(runId: String) throws -> Bool {
        let now = Timestamp.string(clock.now())
        return try write { db in
            try db.execute(
                sql: "UPDATE runs SET heartbeat_at = ? WHERE run_id = ? AND status = 'running'",
                arguments: [now, runId])
            return db.changesCount > 0
        }
    }

    /// Inserts the `running` row of one phase attempt.
    public func recordAttemptStarted(runId: String, phase: String, attempt: Int, ordinal: Int, at: Date) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO run_phases (run_id, phase, attempt, ordinal, started_at, status)
                    VALUES (?, ?, ?, ?, ?, 'running')
                    """, arguments: [runId, phase, attempt, ordinal, Timestamp.string(at)])
        }
    }

    /// Finishes one phase attempt row.
    public func recordAttemptFinished(
        runId: String, phase: String, attempt: Int, status: String, finishedAt: Date, durationMs: Int,
        errorCode: String?, errorMessage: String?
    ) throws {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE run_phases SET status = ?, finished_at = ?, duration_ms = ?, error_code = ?, error_message = ?
                    WHERE run_id = ? AND phase = ? AND attempt = ? AND status = 'running'
                    """,
                arguments: [
                    status, Timestamp.string(finishedAt), durationMs, errorCode, errorMessage, runId, phase, attempt,
                ])
        }
    }

    /// Records a phase that was skipped without running (one row, attempt 1).
    public func recordPhaseSkipped(runId: String, phase: String, ordinal: Int, at: Date, reason: String) throws {
        let text = Timestamp.string(at)
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO run_phases (run_id, phase, attempt, ordinal, started_at, finished_at, status,
                      duration_ms, error_message)
                    VALUES (?, ?, 1, ?, ?, ?, 'skipped', 0, ?)
                    """, arguments: [runId, phase, ordinal, text, text, reason])
        }
    }

    /// Finishes a run, conditional on it still being `running`; throws `notRunning` otherwise.
    /// Its learning signals are recorded in the same transaction (data-model.md §3.7); a failure
    /// to record them rolls back only the signals and is returned, the run still finishes.
    @discardableResult
    public func finishRun(runId: String, _ finish: RunFinish, owner: RunOwner) throws -> String? {
        let now = clock.now()
        let nowText = Timestamp.string(now)
        return try writeRunRecords { db in
            guard let startedAt = try String.fetchOne(
                db, sql: "SELECT started_at FROM runs WHERE run_id = ? AND status = 'running'", arguments: [runId])
            else { throw RunLifecycleError.notRunning(runId: runId) }
            let duration = Timestamp.parse(startedAt).map { Int((now.timeIntervalSince($0) * 1000).rounded()) } ?? 0
            let codes = try String(decoding: JSONEncoder().encode(finish.gateCodes), as: UTF8.self)
            let (signalsCount, signalFailure) = try recordSignals(db, finish)
            try db.execute(
                sql: """
                    UPDATE runs SET status = ?, finished_at = ?, heartbeat_at = ?, duration_ms = ?,
                      validation_status = ?, quality_score = ?, gate_codes = ?, hard_gate_violation = ?,
                      total_items = ?, schedule_id = ?, schedule_hash = ?, error_code = ?, error_message = ?,
                      signals_count = ?, learning_ids = ?, learnings_version = ?, learnings_sha256 = ?
                    WHERE run_id = ? AND status = 'running'
                    """,
                arguments: [
                    finish.status.rawValue, nowText, nowText, max(0, duration), finish.validationStatus,
                    finish.qualityScore, codes, finish.hardGateViolation, finish.totalItems, finish.scheduleId,
                    finish.scheduleHash, finish.errorCode, finish.errorMessage, signalsCount,
                    try finish.learnings.idsJSON(), finish.learnings.version, finish.learnings.sha256, runId,
                ])
            guard db.changesCount == 1 else { throw RunLifecycleError.notRunning(runId: runId) }
            try db.execute(
                sql: """
                    UPDATE run_phases SET status = 'failed', finished_at = ?, error_code = ?, error_message = ?
                    WHERE run_id = ? AND status = 'running'
                    """,
                arguments: [nowText, finish.errorCode ?? "INTERRUPTED", "the run ended before the attempt did", runId])
            try AuditLog.append(
                db, occurredAt: nowText, actor: owner.actor, action: "run.finished", entityType: "runs",
                entityId: runId, runId: runId, reason: finish.errorCode,
                before: .object(["status": .string("running")]),
                after: .object(["status": .string(finish.status.rawValue)]))
            return signalFailure
        }
    }
}
