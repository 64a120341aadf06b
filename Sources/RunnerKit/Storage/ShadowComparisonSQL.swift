import Foundation
import GRDB

/// One `shadow_comparisons` row (data-model.md §3.3), as the shadow report reads it.
public struct ShadowComparisonRecord: Sendable, Hashable {
    public var comparisonId: Int64
    public var createdAt: String
    public var creatorId: String
    public var weekStart: String
    public var controlRunId: String
    public var candidateRunId: String
    public var rolloutPhase: String?
    public var tier: String
    public var controlStatus: String
    public var candidateStatus: String
    public var controlDurationMs: Int64
    public var candidateDurationMs: Int64
    public var controlQuality: Double?
    public var candidateQuality: Double?
    public var qualityDiff: Double?
    public var controlItems: Int?
    public var candidateItems: Int?
    public var itemsMatch: Bool?
    /// candidate − control per category (revenue, engagement, retention).
    public var categoryDiffs: [String: Double]
    public var sendTypeOverlap: Double?
    public var controlGateCodes: [String]
    public var candidateGateCodes: [String]
    public var candidateTimedOut: Bool
    public var candidateErrorCode: String?
    /// control_failed, v5_failed, v5_better, v4_better or equivalent.
    public var recommendation: String
}

/// Which comparisons a report or list covers.
public struct ShadowComparisonFilter: Sendable, Hashable {
    /// Only comparisons created at or after this instant.
    public var createdSince: String?
    /// Only comparisons of this rollout phase.
    public var phase: String?
    /// Only the N most recent.
    public var last: Int?

    /// Creates a filter.
    public init(createdSince: String? = nil, phase: String? = nil, last: Int? = nil) {
        self.createdSince = createdSince
        self.phase = phase
        self.last = last
    }
}

extension RolloutConnection {
    /// Comparisons matching `filter`, newest first.
    public func shadowComparisons(_ filter: ShadowComparisonFilter) throws -> [ShadowComparisonRecord] {
        var clauses: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let since = filter.createdSince {
            clauses.append("created_at >= ?")
            arguments.append(since)
        }
        if let phase = filter.phase {
            clauses.append("rollout_phase = ?")
            arguments.append(phase)
        }
        var sql = "SELECT * FROM shadow_comparisons"
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += " ORDER BY created_at DESC, comparison_id DESC"
        if let last = filter.last {
            sql += " LIMIT ?"
            arguments.append(last)
        }
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(Self.comparison)
    }

    private static func comparison(_ row: Row) -> ShadowComparisonRecord {
        func codes(_ column: String) -> [String] {
            (row[column] as String?).flatMap(ToolValue.parse)?.arrayValue?.compactMap(\.stringValue) ?? []
        }
        let categories = (row["category_diffs"] as String?).flatMap(ToolValue.parse)?.objectValue ?? [:]
        return ShadowComparisonRecord(
            comparisonId: row["comparison_id"], createdAt: row["created_at"], creatorId: row["creator_id"],
            weekStart: row["week_start"], controlRunId: row["control_run_id"],
            candidateRunId: row["candidate_run_id"], rolloutPhase: row["rollout_phase"], tier: row["tier"],
            controlStatus: row["control_status"], candidateStatus: row["candidate_status"],
            controlDurationMs: row["control_duration_ms"], candidateDurationMs: row["candidate_duration_ms"],
            controlQuality: row["control_quality"], candidateQuality: row["candidate_quality"],
            qualityDiff: row["quality_diff"], controlItems: row["control_items"],
            candidateItems: row["candidate_items"], itemsMatch: (row["items_match"] as Int?).map { $0 == 1 },
            categoryDiffs: categories.compactMapValues(\.numberValue), sendTypeOverlap: row["send_type_overlap"],
            controlGateCodes: codes("control_gate_codes"), candidateGateCodes: codes("candidate_gate_codes"),
            candidateTimedOut: (row["candidate_timed_out"] as Int?) == 1,
            candidateErrorCode: row["candidate_error_code"], recommendation: row["recommendation"])
    }
}
