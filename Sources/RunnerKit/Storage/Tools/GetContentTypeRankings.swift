import Foundation
import GRDB

/// The result of get_content_type_rankings (data-model.md §4.5), the AVOID hard-gate data.
public struct ContentTypeRankingsResult: Codable, Sendable, Equatable {
    /// One ranked type; metric fields only with include_metrics.
    public struct Ranking: Codable, Sendable, Equatable {
        public var type_name: String
        public var performance_tier: String
        public var rps: Double?
        public var conversion_rate: Double?
        public var sends_last_30d: Int?
        public var total_earnings: Double?
        public var confidence_score: Double?
        public var analysis_date: String?
    }
    /// Result metadata.
    public struct Metadata: Codable, Sendable, Equatable {
        public var fetched_at: String
        public var rankings_hash: String?
        public var avoid_types_hash: String?
        public var creator_resolved: String?
        @Nullable public var analysis_date: String?
        @Nullable public var data_age_days: Int?
        public var is_stale: Bool?
        public var error: Bool?
    }
    public var error: String?
    public var error_code: String?
    public var creator_id: String?
    public var rankings: [Ranking]
    public var avoid_types: [String]
    public var top_types: [String]
    public var total_types: Int
    public var metadata: Metadata
}

extension DataTools {
    /// get_content_type_rankings: the latest snapshot, by rps descending then name.
    public func getContentTypeRankings(_ parameters: [String: ToolValue]) -> ContentTypeRankingsResult {
        let p = ToolParameters(tool: "get_content_type_rankings", values: parameters)
        do {
            if let f = p.checkKnown(["creator_id", "include_metrics"]) { throw f }
            let metrics = try p.bool("include_metrics", default: true)
            let (creator, rows) = try storage.read { db in
                let creator = try resolveCreator(parameters["creator_id"], in: db)
                let rows = try Row.fetchAll(
                    db.cachedStatement(
                    sql: """
                        SELECT * FROM top_content_types WHERE creator_id = ? AND analysis_date =
                          (SELECT max(analysis_date) FROM top_content_types WHERE creator_id = ?)
                        ORDER BY avg_rps DESC, content_type
                        """),
                    arguments: [creator.creatorID, creator.creatorID])
                return (creator, rows)
            }
            let rankings = rows.map { row in
                ContentTypeRankingsResult.Ranking(
                    type_name: row["content_type"], performance_tier: row["performance_tier"],
                    rps: metrics ? row["avg_rps"] : nil, conversion_rate: metrics ? row["avg_purchase_rate"] : nil,
                    sends_last_30d: metrics ? row["send_count"] : nil,
                    total_earnings: metrics ? row["total_earnings"] : nil,
                    confidence_score: metrics ? row["confidence_score"] : nil)
            }
            let avoid = rankings.filter { $0.performance_tier == "AVOID" }.map(\.type_name)
            let top = rankings.filter { $0.performance_tier == "TOP" }.map(\.type_name)
            let analysisDate: String? = rows.first?["analysis_date"]
            let age = analysisDate.flatMap(CivilDay.init).map { CivilDay(date: storage.clock.now()).number - $0.number }
            return ContentTypeRankingsResult(
                creator_id: parameters["creator_id"]?.stringValue, rankings: rankings, avoid_types: avoid,
                top_types: top, total_types: rankings.count,
                metadata: .init(
                    fetched_at: fetchedAt, rankings_hash: Self.nameHash(rankings.map(\.type_name)),
                    avoid_types_hash: Self.nameHash(avoid), creator_resolved: creator.creatorID,
                    analysis_date: analysisDate, data_age_days: age, is_stale: (age ?? 0) > 14))
        } catch {
            let f = Self.storageFailure(error)
            return ContentTypeRankingsResult(
                error: f.message, error_code: f.code, rankings: [], avoid_types: [], top_types: [], total_types: 0,
                metadata: .init(fetched_at: fetchedAt, analysis_date: nil, data_age_days: nil, error: true))
        }
    }
}
