import Foundation
import GRDB

/// The `rollback_state` row as read by monitoring and `runner status` (the rollback controller
/// owns every write to it).
public struct RollbackStateSnapshot: Sendable, Hashable {
    /// ACTIVE, DRAINING or DISABLED.
    public var state: String
    /// When the state was entered.
    public var since: String
    /// Why.
    public var reason: String
    /// Who.
    public var initiatedBy: String
    /// The trigger name, if automatic.
    public var trigger: String?
    /// End of the post-restore cooldown.
    public var cooldownUntil: String?
    /// Start of the candidate epoch.
    public var epochStartedAt: String
    /// `drain_ms` of the latest `disabled` event, if any.
    public var lastDrainMs: Int?
}

/// The latest `applied_configs` rows as read by `runner status`.
public struct AppliedConfigSnapshot: Sendable, Hashable {
    /// Row id.
    public var id: Int64
    /// When first seen.
    public var seenAt: String
    /// The configuration fingerprint.
    public var configHash: String
    /// The phase name.
    public var phase: String?
    /// The flags JSON (the four phase flags and auto_fallback).
    public var flags: ToolValue?
    /// Bucketing salt.
    public var salt: String
    /// accepted or refused.
    public var status: String
    /// Why refused.
    public var reason: String?
}

/// One row of `runner status`'s last runs.
public struct RecentRun: Sendable, Hashable {
    /// The run id.
    public var runId: String
    /// The creator.
    public var creatorId: String
    /// The week's first date.
    public var weekStart: String
    /// The pipeline run.
    public var pipeline: String
    /// primary, fallback, shadow or diagnostic.
    public var role: String
    /// The run status.
    public var status: String
    /// The routing reason (`decision_reason`).
    public var reason: String
    /// Start timestamp.
    public var startedAt: String
    /// Finish timestamp, nil while running.
    public var finishedAt: String?
    /// Wall-clock duration in milliseconds.
    public var durationMs: Int64?
    /// Validator quality score.
    public var qualityScore: Double?
    /// Validator gate codes.
    public var gateCodes: [String]
    /// The fallback run started for it, if any.
    public var fallbackRunId: String?
}

extension Storage {
    static func fetchRollbackState(_ db: Database) throws -> RollbackStateSnapshot? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM rollback_state WHERE id = 1")) else { return nil }
        let drain = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT drain_ms FROM rollback_events WHERE event = 'disabled' ORDER BY event_id DESC LIMIT 1"))
        return RollbackStateSnapshot(
            state: row["state"], since: row["since"], reason: row["reason"], initiatedBy: row["initiated_by"],
            trigger: row["trigger"], cooldownUntil: row["cooldown_until"], epochStartedAt: row["epoch_started_at"],
            lastDrainMs: drain)
    }

    /// The rollback controller's row, nil when missing.
    public func rollbackStateSnapshot() throws -> RollbackStateSnapshot? {
        try read { db in try Self.fetchRollbackState(db) }
    }

    /// The latest accepted and the latest refused `applied_configs` rows.
    public func latestAppliedConfigs() throws -> (accepted: AppliedConfigSnapshot?, refused: AppliedConfigSnapshot?) {
        try read { db in
            func fetch(_ status: String) throws -> AppliedConfigSnapshot? {
                try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT * FROM applied_configs WHERE status = ? ORDER BY id DESC LIMIT 1"), arguments: [status]
                ).map { row in
                    AppliedConfigSnapshot(
                        id: row["id"], seenAt: row["seen_at"], configHash: row["config_hash"], phase: row["phase"],
                        flags: (row["flags"] as String?).flatMap(ToolValue.parse), salt: row["salt"] ?? "",
                        status: row["status"], reason: row["reason"])
                }
            }
            return (try fetch("accepted"), try fetch("refused"))
        }
    }

    /// The first `seen_at` of the unbroken run of accepted rows ending in the latest one with its phase.
    public func phaseEnteredAt() throws -> String? {
        try read { db in
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT seen_at, phase FROM applied_configs WHERE status = 'accepted' ORDER BY id DESC LIMIT 1000"))
            guard let first = rows.first else { return nil }
            let phase: String? = first["phase"]
            var entered: String = first["seen_at"]
            for row in rows.dropFirst() {
                guard (row["phase"] as String?) == phase else { break }
                entered = row["seen_at"]
            }
            return entered
        }
    }

    /// The last `limit` runs by start time, newest first (index runs_started).
    public func recentRuns(limit: Int) throws -> [RecentRun] {
        try read { db in
            try Row.fetchAll(
                db.cachedStatement(
                sql: """
                    SELECT run_id, creator_id, week_start, pipeline, role, status, decision_reason, started_at,
                      finished_at, duration_ms, quality_score, gate_codes, fallback_run_id
                    FROM runs ORDER BY started_at DESC, run_id DESC LIMIT ?
                    """),
                arguments: [limit]
            ).map { row in
                let codes = (row["gate_codes"] as String?).flatMap(ToolValue.parse)?.arrayValue?.compactMap(\.stringValue)
                return RecentRun(
                    runId: row["run_id"], creatorId: row["creator_id"], weekStart: row["week_start"],
                    pipeline: row["pipeline"], role: row["role"], status: row["status"], reason: row["decision_reason"],
                    startedAt: row["started_at"], finishedAt: row["finished_at"], durationMs: row["duration_ms"],
                    qualityScore: row["quality_score"], gateCodes: codes ?? [], fallbackRunId: row["fallback_run_id"])
            }
        }
    }
}
