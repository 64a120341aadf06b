import Foundation
import GRDB

/// One row of get_active_creators.
public struct ActiveCreator: Codable, Sendable, Equatable {
    /// ppv/bump per day of the active assignment.
    public struct VolumeDetails: Codable, Sendable, Equatable {
        @Nullable public var ppv_per_day: Int?
        @Nullable public var bump_per_day: Int?
    }
    public var creator_id: String
    public var page_name: String
    @Nullable public var display_name: String?
    public var page_type: String
    @Nullable public var subscription_price: Double?
    @Nullable public var timezone: String?
    @Nullable public var content_category: String?
    @Nullable public var current_fan_count: Int?
    @Nullable public var current_active_fans: Int?
    @Nullable public var mm_revenue_monthly: Double?
    @Nullable public var current_total_earnings: Double?
    @Nullable public var volume_tier: String?
    @Nullable public var metrics_snapshot_date: String?
    @Nullable public var performance_tier: Int?
    public var volume_details: VolumeDetails?
}

/// The result of get_active_creators (data-model.md §4.3).
public struct ActiveCreatorsResult: Codable, Sendable, Equatable {
    /// Paging and filter metadata.
    public struct Metadata: Codable, Sendable, Equatable {
        public struct Sort: Codable, Sendable, Equatable { public var by: String; public var order: String }
        public struct PageInfo: Codable, Sendable, Equatable { public var current_page: Int; public var total_pages: Int }
        public var fetched_at: String
        public var filters_applied: [String: ToolValue]?
        public var sort: Sort?
        public var has_more: Bool?
        public var page_info: PageInfo?
        public var validation_error: Bool?
        public var error: Bool?

        enum CodingKeys: String, CodingKey {
            case fetched_at, filters_applied, sort, has_more, page_info, validation_error, error
        }

        /// Error metadata carries only fetched_at and its flag; success metadata every key.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(fetched_at, forKey: .fetched_at)
            if validation_error != nil || error != nil {
                try c.encodeIfPresent(validation_error, forKey: .validation_error)
                try c.encodeIfPresent(error, forKey: .error)
                return
            }
            try c.encode(filters_applied, forKey: .filters_applied)
            try c.encode(sort, forKey: .sort)
            try c.encode(has_more, forKey: .has_more)
            try c.encode(page_info, forKey: .page_info)
        }
    }
    public var error: String?
    public var error_code: String?
    public var creators: [ActiveCreator]
    public var count: Int
    public var total_count: Int
    public var limit: Int
    public var offset: Int
    public var metadata: Metadata
}

extension DataTools {
    /// The canonical tiers in rank order.
    static let tiers = ["MINIMAL", "LITE", "STANDARD", "HIGH_VALUE", "PREMIUM"]

    /// get_active_creators: one count query and the page, in one read transaction.
    public func getActiveCreators(_ parameters: [String: ToolValue]) -> ActiveCreatorsResult {
        let p = ToolParameters(tool: "get_active_creators", values: parameters)
        var limit = 100
        var offset = 0
        func failed(_ f: ToolFailure, validation: Bool) -> ActiveCreatorsResult {
            ActiveCreatorsResult(
                error: f.message, error_code: f.code, creators: [], count: 0, total_count: 0, limit: limit,
                offset: offset,
                metadata: .init(fetched_at: fetchedAt, validation_error: validation ? true : nil, error: validation ? nil : true))
        }
        let known: Set = [
            "limit", "offset", "tier", "page_type", "min_revenue", "max_revenue", "min_fan_count", "sort_by",
            "sort_order", "include_volume_details",
        ]
        if let f = p.checkKnown(known) { return failed(f, validation: true) }
        var filters: [String: ToolValue] = [:]
        var conditions = ["c.is_active = 1"]
        var arguments: [(any DatabaseValueConvertible)?] = []
        let sortBy: String
        let sortOrder: String
        let details: Bool
        do {
            limit = min(max(try p.int("limit") ?? 100, 1), 500)
            offset = max(try p.int("offset") ?? 0, 0)
            if let tier = try p.string("tier") {
                let upper = tier.uppercased()
                guard Self.tiers.contains(upper) else {
                    throw ToolFailure(
                        code: "VALIDATION_ERROR",
                        message: "Invalid tier '\(tier)'. Valid values: \(Self.tiers.joined(separator: ", "))")
                }
                filters["tier"] = .string(upper)
                conditions.append("va.volume_level = ?")
                arguments.append(upper)
            }
            if let pageType = try p.string("page_type") {
                guard pageType == "paid" || pageType == "free" else {
                    throw ToolFailure(code: "VALIDATION_ERROR", message: "Invalid page_type '\(pageType)'. Valid values: paid, free")
                }
                filters["page_type"] = .string(pageType)
                conditions.append("c.page_type = ?")
                arguments.append(pageType)
            }
            if let v = try p.number("min_revenue") {
                filters["min_revenue"] = .number(v)
                conditions.append("c.current_message_net >= ?")
                arguments.append(v)
            }
            if let v = try p.number("max_revenue") {
                filters["max_revenue"] = .number(v)
                conditions.append("c.current_message_net <= ?")
                arguments.append(v)
            }
            if let v = try p.int("min_fan_count") {
                filters["min_fan_count"] = .number(Double(v))
                conditions.append("c.current_fan_count >= ?")
                arguments.append(v)
            }
            let requested = try p.string("sort_by") ?? "revenue"
            sortBy = ["revenue", "fan_count", "name", "tier"].contains(requested) ? requested : "revenue"
            sortOrder = try p.string("sort_order")?.lowercased() == "asc" ? "asc" : "desc"
            details = try p.bool("include_volume_details", default: false)
        } catch {
            return failed(Self.storageFailure(error), validation: true)
        }
        let sortColumn: String
        switch sortBy {
        case "fan_count": sortColumn = "c.current_fan_count"
        case "name": sortColumn = "c.page_name"
        case "tier":
            sortColumn = "CASE va.volume_level WHEN 'MINIMAL' THEN 1 WHEN 'LITE' THEN 2 WHEN 'STANDARD' THEN 3 WHEN 'HIGH_VALUE' THEN 4 WHEN 'PREMIUM' THEN 5 END"
        default: sortColumn = "c.current_message_net"
        }
        let from = """
            FROM creators c LEFT JOIN volume_assignments va ON va.creator_id = c.creator_id AND va.is_active = 1
            WHERE \(conditions.joined(separator: " AND "))
            """
        do {
            let (total, rows) = try storage.read { db in
                let total = try Int.fetchOne(db, sql: "SELECT count(*) \(from)", arguments: StatementArguments(arguments)) ?? 0
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.*, va.volume_level, va.ppv_per_day, va.bump_per_day \(from)
                        ORDER BY \(sortColumn) \(sortOrder.uppercased()) NULLS LAST, c.creator_id ASC LIMIT ? OFFSET ?
                        """,
                    arguments: StatementArguments(arguments + [limit, offset]))
                return (total, rows)
            }
            let creators = rows.map { row -> ActiveCreator in
                let tier: String? = row["volume_level"]
                return ActiveCreator(
                    creator_id: row["creator_id"], page_name: row["page_name"], display_name: row["display_name"],
                    page_type: row["page_type"], subscription_price: row["subscription_price"], timezone: row["timezone"],
                    content_category: row["content_category"], current_fan_count: row["current_fan_count"],
                    current_active_fans: row["current_active_fans"], mm_revenue_monthly: row["current_message_net"],
                    current_total_earnings: row["current_total_earnings"], volume_tier: tier,
                    metrics_snapshot_date: row["metrics_snapshot_date"], performance_tier: row["performance_tier"],
                    volume_details: details && tier != nil
                        ? .init(ppv_per_day: row["ppv_per_day"], bump_per_day: row["bump_per_day"]) : nil)
            }
            return ActiveCreatorsResult(
                creators: creators, count: creators.count, total_count: total, limit: limit, offset: offset,
                metadata: .init(
                    fetched_at: fetchedAt, filters_applied: filters.isEmpty ? nil : filters,
                    sort: .init(by: sortBy, order: sortOrder), has_more: offset + creators.count < total,
                    page_info: .init(current_page: offset / limit + 1, total_pages: (total + limit - 1) / limit)))
        } catch {
            return failed(Self.storageFailure(error), validation: false)
        }
    }
}
