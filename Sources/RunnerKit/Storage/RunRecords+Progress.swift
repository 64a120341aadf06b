import Foundation
import GRDB

extension Storage {
    /// Refreshes `heartbeat_at` of a running run; false when the row is no longer running.
    @discardableResult
    public func heartbeat(runId: String) throws -> Bool {
        let now = Timestamp.string(clock.now())
        return try write { db in
            try db.executeCached(
                sql: "UPDATE runs SET heartbeat_at = ? WHERE run_id = ? AND status = 'running'",
                arguments: [now, runId])
            return db.changesCount > 0
        }
    }

    /// Writes phase attempt records of one run, in order, in one transaction.
    public func recordPhases(runId: String, _ records: [PhaseRecord]) throws {
        guard !records.isEmpty else { return }
        try write { db in
            for record in records { try record.write(db, runId: runId) }
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
                db.cachedStatement(sql: "SELECT started_at FROM runs WHERE run_id = ? AND status = 'running'"), arguments: [runId])
            else { throw RunLifecycleError.notRunning(runId: runId) }
            let duration = Timestamp.parse(startedAt).map { Int((now.timeIntervalSince($0) * 1000).rounded()) } ?? 0
            let codes = try String(decoding: JSONEncoder().encode(finish.gateCodes), as: UTF8.self)
            let (signalsCount, signalFailure) = try recordSignals(db, finish)
            try db.executeCached(
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
            try db.executeCached(
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

/// One change to a run's `run_phases` rows (data-model.md §3.2).
public enum PhaseRecord: Sendable, Equatable {
    /// The `running` row of an attempt.
    case started(phase: String, attempt: Int, ordinal: Int, at: Date)
    /// The end of an attempt (only a row still `running` is updated).
    case finished(
        phase: String, attempt: Int, status: String, at: Date, durationMs: Int, errorCode: String?,
        errorMessage: String?)
    /// A phase skipped without running (one row, attempt 1).
    case skipped(phase: String, ordinal: Int, at: Date, reason: String)

    func write(_ db: Database, runId: String) throws {
        switch self {
        case .started(let phase, let attempt, let ordinal, let at):
            try db.executeCached(
                sql: """
                    INSERT INTO run_phases (run_id, phase, attempt, ordinal, started_at, status)
                    VALUES (?, ?, ?, ?, ?, 'running')
                    """, arguments: [runId, phase, attempt, ordinal, Timestamp.string(at)])
        case .finished(let phase, let attempt, let status, let at, let durationMs, let errorCode, let errorMessage):
            try db.executeCached(
                sql: """
                    UPDATE run_phases SET status = ?, finished_at = ?, duration_ms = ?, error_code = ?, error_message = ?
                    WHERE run_id = ? AND phase = ? AND attempt = ? AND status = 'running'
                    """,
                arguments: [status, Timestamp.string(at), durationMs, errorCode, errorMessage, runId, phase, attempt])
        case .skipped(let phase, let ordinal, let at, let reason):
            let text = Timestamp.string(at)
            try db.executeCached(
                sql: """
                    INSERT INTO run_phases (run_id, phase, attempt, ordinal, started_at, finished_at, status,
                      duration_ms, error_message)
                    VALUES (?, ?, 1, ?, ?, ?, 'skipped', 0, ?)
                    """, arguments: [runId, phase, ordinal, text, text, reason])
        }
    }
}
