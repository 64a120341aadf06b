import Foundation
import GRDB

extension DataTools {
    /// The 48 served columns of send_types, in output order (data-model.md §2.12).
    static let sendTypeColumns = [
        "send_type_id", "send_type_key", "display_name", "category", "page_type_restriction", "description", "purpose",
        "strategy", "requires_media", "requires_flyer", "requires_price", "requires_link", "has_expiration",
        "default_expiration_hours", "can_have_followup", "followup_delay_minutes", "caption_length",
        "emoji_recommendation", "max_per_day", "max_per_week", "min_hours_between", "sort_order", "is_active",
        "priority_score", "allocation_weight", "fatigue_score", "fatigue_multiplier", "revenue_weight",
        "engagement_weight", "retention_weight", "cooldown_category", "cooldown_after_engagement_min",
        "cooldown_after_revenue_min", "audience_segment", "ab_test_eligible", "current_experiment_id",
        "min_subscriber_tenure_days", "primary_channel_key", "secondary_channel_key", "primary_channel_weight",
        "wall_delivery_page_type", "wall_content_level", "supports_link_drop_promo", "channel_distribution",
        "hybrid_split", "page_type_lock", "drip_window_allowed", "drip_window_triggers",
    ]
    static let constraintColumns = [
        "send_type_key", "category", "page_type_restriction", "max_per_day", "max_per_week", "min_hours_between",
        "requires_media", "requires_price", "requires_flyer",
    ]
    static let booleanColumns: Set = [
        "requires_media", "requires_flyer", "requires_price", "requires_link", "has_expiration", "can_have_followup",
        "is_active", "ab_test_eligible", "supports_link_drop_promo", "page_type_lock", "drip_window_allowed",
    ]
    static let jsonColumns: Set = ["channel_distribution", "hybrid_split", "drip_window_triggers"]

    /// get_send_types: every served column of the active send types (§4.16).
    public func getSendTypes(_ parameters: [String: ToolValue]) -> ToolObject {
        sendTypes(parameters, tool: "get_send_types", columns: Self.sendTypeColumns)
    }

    /// get_send_types_constraints: the nine constraint fields of the active send types (§4.16).
    public func getSendTypesConstraints(_ parameters: [String: ToolValue]) -> ToolObject {
        sendTypes(parameters, tool: "get_send_types_constraints", columns: Self.constraintColumns)
    }

    private func sendTypes(_ parameters: [String: ToolValue], tool: String, columns: [String]) -> ToolObject {
        let p = ToolParameters(tool: tool, values: parameters)
        let raw = parameters["page_type"] ?? .null
        var filter: String?
        do {
            if let f = p.checkKnown(["page_type"]) { throw f }
            if !raw.isNull {
                let normalised = raw.stringValue?.trimmingCharacters(in: .whitespaces).lowercased()
                guard let normalised, normalised == "paid" || normalised == "free" else {
                    throw ToolFailure(
                        code: "INVALID_PAGE_TYPE",
                        message: "Invalid page_type: '\(Self.display(raw))'. Valid values: 'paid', 'free', or null")
                }
                filter = normalised
            }
            var source = "cache"
            var cachedAt: String?
            var rows: [[String: ToolValue]]
            if let cached = sendTypeCache.get() {
                rows = cached.rows
                cachedAt = cached.cachedAt
            } else {
                source = "database"
                rows = try storage.read { db in
                    try Row.fetchAll(
                        db,
                        sql: """
                            SELECT \(Self.sendTypeColumns.joined(separator: ", ")) FROM send_types WHERE is_active = 1
                            ORDER BY CASE category WHEN 'revenue' THEN 1 WHEN 'engagement' THEN 2 ELSE 3 END, sort_order,
                              send_type_key
                            """
                    ).map(Self.sendTypeRow)
                }
                sendTypeCache.store(rows, at: fetchedAt)
            }
            if let filter {
                rows = rows.filter { ["both", filter].contains($0["page_type_restriction"]?.stringValue ?? "") }
            }
            var byCategory: [String: [ToolValue]] = ["revenue": [], "engagement": [], "retention": []]
            var keys: [String] = []
            for row in rows {
                let category = row["category"]?.stringValue ?? ""
                byCategory[category, default: []].append(.object(row.filter { columns.contains($0.key) }))
                keys.append(row["send_type_key"]?.stringValue ?? "")
            }
            let typesHash = String(HashText.sha256Hex(keys.sorted().joined(separator: ",")).prefix(12))
            var metadata: [String: ToolValue] = [
                "fetched_at": .string(fetchedAt), "tool_version": "2.0.0", "source": .string(source),
                "types_hash": .string(typesHash),
            ]
            if let cachedAt { metadata["cached_at"] = .string(cachedAt) }
            return ToolObject([
                "by_category": .object(byCategory.mapValues(ToolValue.array)),
                "all_send_type_keys": .array(keys.map(ToolValue.string)),
                "counts": .object([
                    "revenue": .number(Double(byCategory["revenue"]!.count)),
                    "engagement": .number(Double(byCategory["engagement"]!.count)),
                    "retention": .number(Double(byCategory["retention"]!.count)), "total": .number(Double(keys.count)),
                ]),
                "page_type_filter": filter.map(ToolValue.string) ?? .null, "metadata": .object(metadata),
            ])
        } catch {
            var f = Self.storageFailure(error)
            if f.code == "DATABASE_ERROR" || f.code == "DATABASE_BUSY" { f.code = "INTERNAL_ERROR" }
            return ToolObject([
                "error": .string(f.message), "error_code": .string(f.code), "valid_values": ["paid", "free", nil],
                "by_category": ["revenue": [], "engagement": [], "retention": []], "all_send_type_keys": [],
                "counts": ["revenue": 0, "engagement": 0, "retention": 0, "total": 0], "page_type_filter": raw,
                "metadata": [
                    "fetched_at": .string(fetchedAt), "tool_version": "2.0.0", "source": "error", "cached_at": nil,
                    "types_hash": nil, "error": true,
                ],
            ])
        }
    }

    /// One send_types row with booleans as JSON booleans and JSON columns parsed.
    static func sendTypeRow(_ row: Row) -> [String: ToolValue] {
        var m: [String: ToolValue] = [:]
        for column in sendTypeColumns {
            let value = SampleDataset.toolValue(row[column])
            if booleanColumns.contains(column), let n = value.numberValue {
                m[column] = .bool(n != 0)
            } else if jsonColumns.contains(column), let text = value.stringValue {
                m[column] = ToolValue.parse(text) ?? .null
            } else {
                m[column] = value
            }
        }
        return m
    }
}
