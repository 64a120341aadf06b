import Foundation
import GRDB

/// Writes and reads `runs` and `run_phases` (data-model.md §3.1-3.2): every write is one
/// immediate transaction, status updates are conditional on the row still running, and run
/// transitions are audited.
public struct RunRecordStore: Sendable {
    /// The database.
    public let storage: Storage

    /// A store over one open database.
    public init(storage: Storage) { self.storage = storage }

    static let hardGates: Set = [
        "VAULT_VIOLATION", "AVOID_TIER_VIOLATION", "PAGE_TYPE_VIOLATION", "INSUFFICIENT_DIVERSITY",
        "FLYER_REQUIREMENT_VIOLATION", "TIMING_COLLISION", "PRICE_OUT_OF_BOUNDS",
    ]

    private var now: String { Timestamp.string(storage.clock.now()) }

    /// The latest accepted applied_configs row id, or nil when none was recorded yet.
    public func latestAcceptedConfigID() throws -> Int? {
        try storage.read { db in
            try Int.fetchOne(db, sql: "SELECT id FROM applied_configs WHERE status = 'accepted' ORDER BY id DESC LIMIT 1")
        }
    }

    /// Records a routing configuration (accepted or refused) with its audit row; returns its id.
    public func recordAppliedConfig(
        configHash: String, phase: String?, flags: ToolValue, salt: String, status: String, reason: String?, seenBy: String
    ) throws -> Int {
        try storage.write { db in
            let at = now
            let id = try Int.fetchOne(
                db,
                sql: """
                    INSERT INTO applied_configs (seen_at, config_hash, phase, flags, salt, status, reason, seen_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """,
                arguments: [at, configHash, phase, flags.canonicalJSON(), salt, status, reason, seenBy])!
            try AuditLog.append(
                db, occurredAt: at, actor: seenBy, action: "config.\(status)", entityType: "applied_configs",
                entityId: String(id), reason: reason, after: ["config_hash": .string(configHash), "phase": phase.map(ToolValue.string) ?? .null])
            return id
        }
    }

    /// Inserts a running run after applying the abandonment rule to the creator-week's running
    /// rows; a second served run of the same creator-week is RUN_IN_PROGRESS.
    @discardableResult
    public func insertRun(_ run: NewRun, actor: String) throws -> RunRecord {
        do {
            return try storage.write { db in
                let at = now
                if run.role == "primary" || run.role == "fallback" {
                    _ = try abandonStale(db, creatorID: run.creatorID, weekStart: run.weekStart, host: run.ownerHost, actor: actor)
                }
                try db.execute(
                    sql: """
                        INSERT INTO runs (run_id, creator_id, week_start, pipeline, role, decision, decision_target,
                          decision_reason, rollout_phase, applied_config_id, read_only, status, started_at, heartbeat_at,
                          learning_ids, learnings_version, learnings_sha256, fallback_of_run_id, shadow_of_run_id,
                          owner_pid, owner_host, runner_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        run.runID, run.creatorID, run.weekStart, run.pipeline, run.role, run.decision.canonicalJSON(),
                        run.decisionTarget, run.decisionReason, run.rolloutPhase, run.appliedConfigID, run.readOnly ? 1 : 0,
                        at, at, ToolValue.array(run.learningIDs.map(ToolValue.string)).canonicalJSON(), run.learningsVersion,
                        run.learningsSHA256, run.fallbackOfRunID, run.shadowOfRunID, run.ownerPID, run.ownerHost,
                        run.runnerVersion,
                    ])
                try AuditLog.append(
                    db, occurredAt: at, actor: actor, action: "run.started", entityType: "runs", entityId: run.runID,
                    runId: run.runID, after: ["pipeline": .string(run.pipeline), "role": .string(run.role), "status": "running"])
                return try Self.fetchRun(db, run.runID)!
            }
        } catch StorageError.databaseError(let message) where message.contains("UNIQUE constraint failed: runs.creator_id") {
            let other = try storage.read { db in
                try String.fetchOne(
                    db,
                    sql: "SELECT run_id FROM runs WHERE creator_id = ? AND week_start = ? AND status = 'running' AND role IN ('primary', 'fallback')",
                    arguments: [run.creatorID, run.weekStart])
            }
            throw RunRecordError.runInProgress(creatorID: run.creatorID, weekStart: run.weekStart, runID: other ?? "?")
        }
    }

    /// Refreshes heartbeat_at of a running run (not audited).
    public func heartbeat(runID: String) throws {
        try storage.write { db in
            try db.execute(sql: "UPDATE runs SET heartbeat_at = ? WHERE run_id = ? AND status = 'running'", arguments: [now, runID])
            if db.changesCount == 0 { throw RunRecordError.notRunning(runID: runID) }
        }
    }

    /// Sets a terminal status; fails when the run is no longer running. Audited as run.finished.
    public func finishRun(runID: String, outcome: RunOutcome, actor: String) throws {
        try storage.write { db in
            let at = now
            guard let started = try String.fetchOne(
                db, sql: "SELECT started_at FROM runs WHERE run_id = ? AND status = 'running'", arguments: [runID])
            else { throw RunRecordError.notRunning(runID: runID) }
            let duration = Timestamp.parse(started).map { Int((storage.clock.now().timeIntervalSince($0) * 1000).rounded()) }
            let codes = outcome.gateCodes.sorted()
            try db.execute(
                sql: """
                    UPDATE runs SET status = ?, finished_at = ?, duration_ms = ?, validation_status = ?, quality_score = ?,
                      gate_codes = ?, hard_gate_violation = ?, total_items = ?, schedule_id = ?, schedule_hash = ?,
                      signals_count = ?, error_code = ?, error_message = ?, fallback_run_id = ?
                    WHERE run_id = ? AND status = 'running'
                    """,
                arguments: [
                    outcome.status, at, duration, outcome.validationStatus, outcome.qualityScore,
                    ToolValue.array(codes.map(ToolValue.string)).canonicalJSON(),
                    codes.contains(where: Self.hardGates.contains) ? 1 : 0, outcome.totalItems, outcome.scheduleID,
                    outcome.scheduleHash, outcome.signalsCount, outcome.errorCode, outcome.errorMessage, outcome.fallbackRunID,
                    runID,
                ])
            if db.changesCount != 1 { throw RunRecordError.notRunning(runID: runID) }
            try AuditLog.append(
                db, occurredAt: at, actor: actor, action: "run.finished", entityType: "runs", entityId: runID, runId: runID,
                before: ["status": "running"],
                after: ["status": .string(outcome.status), "error_code": outcome.errorCode.map(ToolValue.string) ?? .null])
        }
    }

    /// Records the start of a phase attempt.
    public func startPhase(runID: String, phase: String, attempt: Int, ordinal: Int) throws {
        try storage.write { db in
            try db.execute(
                sql: "INSERT INTO run_phases (run_id, phase, attempt, ordinal, started_at, status) VALUES (?, ?, ?, ?, ?, 'running')",
                arguments: [runID, phase, attempt, ordinal, now])
        }
    }

    /// Records the end of a running phase attempt.
    public func finishPhase(
        runID: String, phase: String, attempt: Int, status: String, errorCode: String? = nil, errorMessage: String? = nil,
        dataCalls: Int = 0
    ) throws {
        try storage.write { db in
            let at = now
            let started = try String.fetchOne(
                db, sql: "SELECT started_at FROM run_phases WHERE run_id = ? AND phase = ? AND attempt = ? AND status = 'running'",
                arguments: [runID, phase, attempt])
            guard let started else { throw RunRecordError.notRunning(runID: runID) }
            let duration = Timestamp.parse(started).map { Int((storage.clock.now().timeIntervalSince($0) * 1000).rounded()) }
            try db.execute(
                sql: """
                    UPDATE run_phases SET finished_at = ?, status = ?, duration_ms = ?, error_code = ?, error_message = ?,
                      data_calls = ? WHERE run_id = ? AND phase = ? AND attempt = ? AND status = 'running'
                    """,
                arguments: [at, status, duration, errorCode, errorMessage, dataCalls, runID, phase, attempt])
        }
    }
}
