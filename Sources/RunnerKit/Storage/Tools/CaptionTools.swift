import Foundation
import GRDB

/// One caption of a pool with this creator's usage, as the caption tools read it.
struct PooledCaption {
    var row: Row
    var id: Int { row["caption_id"] }
    var tier: Int? { row["performance_tier"] }
    var globalLast: String? { row["global_last_used_date"] }
    var creatorLast: String? { row["creator_last_used_date"] }
    var creatorUses: Int { row["creator_times_used"] ?? 0 }
    var hasCreatorRow: Bool { (row["ccp_id"] as Int?) != nil }

    /// Whole days since the creator last used it, nil when never.
    func daysSinceCreatorUsed(today: CivilDay) -> Int? { creatorLast.flatMap(CivilDay.init).map { today.number - $0.number } }

    /// Never used by the creator, or last used at least 90 days before today.
    func effectivelyFresh(today: CivilDay) -> Bool { daysSinceCreatorUsed(today: today).map { $0 >= 90 } ?? true }

    /// Order of §4.13/§4.14 after the freshness key: creator last use (never first), tier, global
    /// last use (never first), id.
    static func precedes(_ a: PooledCaption, _ b: PooledCaption) -> Bool {
        func never(_ s: String?) -> (Int, String) { s.map { (1, $0) } ?? (0, "") }
        let ka = never(a.creatorLast), kb = never(b.creatorLast)
        if ka != kb { return ka < kb }
        if (a.tier ?? 99) != (b.tier ?? 99) { return (a.tier ?? 99) < (b.tier ?? 99) }
        let ga = never(a.globalLast), gb = never(b.globalLast)
        if ga != gb { return ga < gb }
        return a.id < b.id
    }
}

extension DataTools {
    /// Active captions of one send type, or of one content type name (optionally one
    /// schedulable type), each with this creator's usage row when there is one.
    static func captionPool(
        _ db: Database, creatorID: String, sendType: String? = nil, contentType: String? = nil, schedulable: String? = nil
    ) throws -> [PooledCaption] {
        var conditions = ["b.is_active = 1"]
        var arguments: [(any DatabaseValueConvertible)?] = [creatorID]
        if let sendType { conditions.append("b.caption_type = ?"); arguments.append(sendType) }
        if let contentType { conditions.append("ct.type_name = ?"); arguments.append(contentType) }
        if let schedulable { conditions.append("b.schedulable_type = ?"); arguments.append(schedulable) }
        let join = contentType == nil ? "LEFT JOIN" : "JOIN"
        return try Row.fetchAll(
            db,
            sql: """
                SELECT b.*, ct.type_name AS content_type_name, p.ccp_id, p.times_used AS creator_times_used,
                  p.last_used_date AS creator_last_used_date
                FROM caption_bank b
                \(join) content_types ct ON ct.content_type_id = b.content_type_id
                LEFT JOIN caption_creator_performance p ON p.caption_id = b.caption_id AND p.creator_id = ?
                WHERE \(conditions.joined(separator: " AND "))
                """,
            arguments: StatementArguments(arguments)
        ).map(PooledCaption.init)
    }

    /// get_send_type_captions (data-model.md §4.14).
    public func getSendTypeCaptions(_ parameters: [String: ToolValue]) -> ToolObject {
        let started = ContinuousClock.now
        let p = ToolParameters(tool: "get_send_type_captions", values: parameters)
        let sendTypeEcho = parameters["send_type"]?.stringValue ?? ""
        do {
            if let f = p.checkKnown(["creator_id", "send_type", "limit"]) { throw f }
            guard let rawCreator = parameters["creator_id"]?.stringValue, !rawCreator.isEmpty else {
                throw ToolFailure(code: "VALIDATION_ERROR", message: "creator_id must be a non-empty string")
            }
            guard let sendType = parameters["send_type"]?.stringValue, !sendType.isEmpty else {
                throw ToolFailure(code: "INVALID_SEND_TYPE", message: "send_type must be a non-empty string")
            }
            if case .failure(let e) = CreatorIDRule.check(rawCreator) { throw ToolFailure(code: "VALIDATION_ERROR", message: e.message) }
            guard sendType.count <= 50, sendType.unicodeScalars.allSatisfy({ $0.isASCII && ($0 == "_" || CharacterSet.alphanumerics.contains($0)) })
            else {
                throw ToolFailure(code: "INVALID_SEND_TYPE_FORMAT", message: "send_type must be alphanumeric with underscores, max 50 chars")
            }
            let limit = min(max(try p.int("limit") ?? 10, 1), 50)
            let today = CivilDay(date: storage.clock.now())
            let (creator, pool) = try storage.read { db in
                let creator = try resolveCreator(parameters["creator_id"], in: db)
                let active = try String.fetchAll(db.cachedStatement(sql: "SELECT send_type_key FROM send_types WHERE is_active = 1 ORDER BY sort_order, send_type_key"))
                guard active.contains(sendType) else {
                    throw ToolFailure(
                        code: "SEND_TYPE_NOT_FOUND",
                        message: "send_type '\(sendType)' not found. Valid types: \(active.prefix(10).joined(separator: ", "))...")
                }
                return (creator, try Self.captionPool(db, creatorID: creator.creatorID, sendType: sendType))
            }
            let ordered = pool.sorted { a, b in
                let fa = a.effectivelyFresh(today: today), fb = b.effectivelyFresh(today: today)
                return fa != fb ? fa : PooledCaption.precedes(a, b)
            }
            let chosen = ordered.prefix(limit)
            let fresh = pool.filter { $0.effectivelyFresh(today: today) }.count
            let tiers = pool.compactMap(\.tier)
            let captions: [ToolValue] = chosen.map { c in
                [
                    "caption_id": .number(Double(c.id)), "caption_text": .string(c.row["caption_text"]),
                    "category": .string(c.row["caption_type"]), "performance_tier": c.tier.map { .number(Double($0)) } ?? .null,
                    "content_type_id": SampleDataset.toolValue(c.row["content_type_id"]),
                    "global_last_used_at": c.globalLast.map(ToolValue.string) ?? .null,
                    "creator_last_used_at": c.creatorLast.map(ToolValue.string) ?? .null,
                    "creator_use_count": .number(Double(c.creatorUses)),
                    "days_since_creator_used": c.daysSinceCreatorUsed(today: today).map { .number(Double($0)) } ?? .null,
                    "effectively_fresh": .number(c.effectivelyFresh(today: today) ? 1 : 0),
                ]
            }
            return ToolObject([
                "creator_id": .string(rawCreator), "resolved_creator_id": .string(creator.creatorID),
                "send_type": .string(sendType), "captions": .array(captions), "count": .number(Double(captions.count)),
                "pool_stats": [
                    "total_available": .number(Double(pool.count)), "fresh_for_creator": .number(Double(fresh)),
                    "returned_count": .number(Double(captions.count)), "has_more": .bool(pool.count > captions.count),
                    "avg_pool_performance_tier": tiers.isEmpty ? .null : .number(Double(tiers.reduce(0, +)) / Double(tiers.count)),
                    "freshness_ratio": pool.isEmpty ? .null : .number(roundTo(Double(fresh) / Double(pool.count), 3)),
                ],
                "metadata": [
                    "fetched_at": .string(fetchedAt), "query_ms": .number(Double((ContinuousClock.now - started) / .milliseconds(1))),
                    "tool_version": "2.0.0", "freshness_threshold_days": 90,
                ],
            ])
        } catch {
            let f = Self.storageFailure(error)
            return ToolObject([
                "error": .string(f.message), "error_code": .string(f.code), "creator_id": nil, "resolved_creator_id": nil,
                "send_type": .string(sendTypeEcho), "captions": [], "count": 0,
                "pool_stats": [
                    "total_available": 0, "fresh_for_creator": 0, "returned_count": 0, "has_more": false,
                    "avg_pool_performance_tier": nil, "freshness_ratio": nil,
                ],
                "metadata": ["fetched_at": .string(fetchedAt), "error": true],
            ])
        }
    }
}
