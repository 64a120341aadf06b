import Foundation
import GRDB

/// A creator as routing, the rollout plan, `explain` and `diagnose gates` see it.
public struct CreatorRef: Sendable, Hashable {
    /// The canonical creator_id.
    public var creatorId: String
    /// The page name: the routing key.
    public var pageName: String
    /// Whether the creator is active.
    public var isActive: Bool
}

/// One recorded run, summarised for `explain` and `diagnose gates`.
public struct RunSummaryRecord: Sendable, Hashable {
    public var runId: String
    public var creatorId: String
    public var weekStart: String
    public var pipeline: String
    public var role: String
    public var status: String
    public var reason: String
    public var rolloutPhase: String?
    public var startedAt: String
    public var finishedAt: String?
    public var durationMs: Int64?
    public var qualityScore: Double?
    public var gateCodes: [String]
    public var errorCode: String?
    public var errorMessage: String?
    public var fallbackRunId: String?
    public var learningIds: [String]
}

/// A firing (or pending) alert rule as stored in `alert_states`.
public struct AlertStateSummary: Sendable, Hashable {
    public var name: String
    public var state: String
    public var severity: String?
    public var lastValue: Double?
    public var activeAt: String?
    public var firedAt: String?
}

extension RolloutConnection {
    /// Resolves a creator as data tools do (data-model.md §4.1): exact creator_id or page_name,
    /// then page_name ignoring ASCII case; nil when nothing matches.
    public func resolveCreator(_ input: String) throws -> CreatorRef? {
        try DataTools.resolve(db, input).map {
            CreatorRef(creatorId: $0.creatorID, pageName: $0.pageName, isActive: $0.isActive)
        }
    }

    /// Every active creator, by page name.
    public func activeCreators() throws -> [CreatorRef] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT creator_id, page_name, is_active FROM creators WHERE is_active = 1 ORDER BY page_name")
        ).map(Self.creator)
    }

    private static func creator(_ row: Row) -> CreatorRef {
        CreatorRef(creatorId: row["creator_id"], pageName: row["page_name"], isActive: (row["is_active"] as Int) == 1)
    }

    /// A creator's most recent runs, newest first.
    public func recentRuns(creatorId: String, limit: Int) throws -> [RunSummaryRecord] {
        try Row.fetchAll(
            db.cachedStatement(
            sql: """
                SELECT run_id, creator_id, week_start, pipeline, role, status, decision_reason, rollout_phase,
                  started_at, finished_at, duration_ms, quality_score, gate_codes, error_code, error_message,
                  fallback_run_id, learning_ids
                FROM runs WHERE creator_id = ? ORDER BY started_at DESC, run_id DESC LIMIT ?
                """),
            arguments: [creatorId, limit]
        ).map { row in
            func list(_ column: String) -> [String] {
                (row[column] as String?).flatMap(ToolValue.parse)?.arrayValue?.compactMap(\.stringValue) ?? []
            }
            return RunSummaryRecord(
                runId: row["run_id"], creatorId: row["creator_id"], weekStart: row["week_start"],
                pipeline: row["pipeline"], role: row["role"], status: row["status"], reason: row["decision_reason"],
                rolloutPhase: row["rollout_phase"], startedAt: row["started_at"], finishedAt: row["finished_at"],
                durationMs: row["duration_ms"], qualityScore: row["quality_score"], gateCodes: list("gate_codes"),
                errorCode: row["error_code"], errorMessage: row["error_message"],
                fallbackRunId: row["fallback_run_id"], learningIds: list("learning_ids"))
        }
    }

    /// The content types a creator's vault allows (has_content = 1), by name.
    public func allowedContentTypes(creatorId: String) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(
            sql: """
                SELECT t.type_name FROM vault_matrix v JOIN content_types t ON t.content_type_id = v.content_type_id
                WHERE v.creator_id = ? AND v.has_content = 1 ORDER BY t.type_name
                """),
            arguments: [creatorId])
    }

    /// The creator's AVOID types at its latest analysis date, and that date (nil without data).
    public func avoidTypes(creatorId: String) throws -> (analysisDate: String?, types: [String]) {
        guard
            let date = try String.fetchOne(
                db.cachedStatement(sql: "SELECT max(analysis_date) FROM top_content_types WHERE creator_id = ?"),
                arguments: [creatorId])
        else { return (nil, []) }
        let types = try String.fetchAll(
            db.cachedStatement(
            sql: """
                SELECT content_type FROM top_content_types
                WHERE creator_id = ? AND analysis_date = ? AND performance_tier = 'AVOID' ORDER BY content_type
                """),
            arguments: [creatorId, date])
        return (date, types)
    }

    /// Every content-type name of the dictionary.
    public func contentTypeNames() throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT type_name FROM content_types ORDER BY type_name"))
    }

    /// Alert rules (kind `alert`) currently firing or pending.
    public func activeAlertStates() throws -> [AlertStateSummary] {
        try Row.fetchAll(
            db.cachedStatement(
            sql: """
                SELECT rule_name, state, severity, last_value, active_at, fired_at FROM alert_states
                WHERE kind = 'alert' AND state IN ('firing', 'pending') ORDER BY rule_name
                """)
        ).map {
            AlertStateSummary(
                name: $0["rule_name"], state: $0["state"], severity: $0["severity"], lastValue: $0["last_value"],
                activeAt: $0["active_at"], firedAt: $0["fired_at"])
        }
    }
}
