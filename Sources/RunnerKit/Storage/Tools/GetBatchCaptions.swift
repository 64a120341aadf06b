import Foundation
import GRDB

extension DataTools {
    /// get_batch_captions_by_content_types (data-model.md §4.13): per requested content type, the
    /// pool statistics and the best captions for this creator.
    public func getBatchCaptionsByContentTypes(_ parameters: [String: ToolValue]) -> ToolObject {
        let started = ContinuousClock.now
        let p = ToolParameters(tool: "get_batch_captions_by_content_types", values: parameters)
        let requestedCount = parameters["content_types"]?.arrayValue?.count ?? 0
        do {
            if let f = p.checkKnown(["creator_id", "content_types", "schedulable_type", "limit_per_type"]) { throw f }
            guard let rawCreator = parameters["creator_id"]?.stringValue, !rawCreator.isEmpty else {
                throw ToolFailure(code: "VALIDATION_ERROR", message: "creator_id must be a non-empty string")
            }
            guard let list = parameters["content_types"]?.arrayValue else {
                throw ToolFailure(code: "INVALID_CONTENT_TYPES", message: "content_types must be a list")
            }
            if list.isEmpty { throw ToolFailure(code: "EMPTY_CONTENT_TYPES", message: "content_types cannot be empty") }
            if list.count > 50 {
                throw ToolFailure(code: "CONTENT_TYPES_LIMIT_EXCEEDED", message: "content_types exceeds maximum of 50")
            }
            let raw = list.compactMap(\.stringValue)
            guard raw.count == list.count else {
                throw ToolFailure(code: "INVALID_CONTENT_TYPE_ELEMENTS", message: "All content_types elements must be strings")
            }
            let schedulable = p.value("schedulable_type")
            if let schedulable, !["ppv", "ppv_bump", "wall"].contains(schedulable.stringValue ?? "") {
                throw ToolFailure(code: "INVALID_SCHEDULABLE_TYPE", message: "schedulable_type must be one of: ppv, ppv_bump, wall")
            }
            if case .failure(let e) = CreatorIDRule.check(rawCreator) { throw ToolFailure(code: "VALIDATION_ERROR", message: e.message) }
            let limit = min(max(try p.int("limit_per_type") ?? 5, 1), 20)
            var names: [String] = []
            for name in raw where !names.contains(name) { names.append(name) }
            let today = CivilDay(date: storage.clock.now())
            let (creator, pools, hasUsage) = try storage.read { db in
                let creator = try resolveCreator(parameters["creator_id"], in: db)
                var pools: [String: [PooledCaption]] = [:]
                for name in names {
                    pools[name] = try Self.captionPool(
                        db, creatorID: creator.creatorID, contentType: name, schedulable: schedulable?.stringValue)
                }
                let usage = try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT count(*) FROM caption_creator_performance WHERE creator_id = ?"), arguments: [creator.creatorID]) ?? 0
                return (creator, pools, usage > 0)
            }
            var byType: [String: ToolValue] = [:]
            var returnedIDs: [Int] = []
            var empty: [String] = []
            var typesWithUsage = 0
            for name in names {
                let pool = pools[name] ?? []
                let chosen = pool.sorted(by: PooledCaption.precedes).prefix(limit)
                if pool.isEmpty { empty.append(name) }
                if pool.contains(where: \.hasCreatorRow) { typesWithUsage += 1 }
                returnedIDs += chosen.map(\.id)
                let tiers = pool.compactMap(\.tier)
                byType[name] = [
                    "captions": .array(chosen.map { Self.batchCaption($0, today: today) }),
                    "pool_stats": [
                        "total_available": .number(Double(pool.count)),
                        "fresh_for_creator": .number(Double(pool.filter { $0.creatorLast == nil }.count)),
                        "returned_count": .number(Double(chosen.count)), "has_more": .bool(pool.count > chosen.count),
                        "avg_pool_performance_tier": tiers.isEmpty
                            ? .null : .number(roundTo(Double(tiers.reduce(0, +)) / Double(tiers.count), 2)),
                    ],
                ]
            }
            let withCaptions = names.count - empty.count
            let source = typesWithUsage == 0 ? "global_only" : typesWithUsage == withCaptions ? "per_creator" : "mixed"
            return ToolObject([
                "creator_id": .string(rawCreator), "captions_by_type": .object(byType),
                "total_captions": .number(Double(returnedIDs.count)), "types_requested": .number(Double(names.count)),
                "metadata": [
                    "fetched_at": .string(fetchedAt), "query_ms": .number(Double((ContinuousClock.now - started) / .milliseconds(1))),
                    "creator_resolved": .string(creator.creatorID),
                    "captions_hash": .string(returnedIDs.isEmpty ? "sha256:empty" : HashText.prefixed(returnedIDs.sorted().map(String.init).joined(separator: ","))),
                    "content_types_hash": .string(HashText.prefixed(names.sorted().joined(separator: ","))),
                    "caption_ids_returned": .array(returnedIDs.map { .number(Double($0)) }),
                    "types_with_captions": .number(Double(withCaptions)), "types_without_captions": .number(Double(empty.count)),
                    "empty_types": .array(empty.map(ToolValue.string)), "per_creator_data_available": .bool(hasUsage),
                    "freshness_source": .string(source),
                    "filters_applied": [
                        "content_types": .array(names.map(ToolValue.string)), "schedulable_type": schedulable ?? .null,
                        "limit_per_type": .number(Double(limit)),
                    ],
                ],
            ])
        } catch {
            let f = Self.storageFailure(error)
            return ToolObject([
                "error": .string(f.message), "error_code": .string(f.code), "creator_id": nil, "captions_by_type": [:],
                "total_captions": 0, "types_requested": .number(Double(requestedCount)),
                "metadata": ["fetched_at": .string(fetchedAt), "error": true],
            ])
        }
    }

    /// One caption in the batch tool's shape.
    static func batchCaption(_ c: PooledCaption, today: CivilDay) -> ToolValue {
        let labels = [1: ("ELITE", 100), 2: ("PROVEN", 75), 3: ("STANDARD", 50), 4: ("UNPROVEN", 25)]
        let label = c.tier.flatMap { labels[$0] } ?? ("UNKNOWN", 0)
        let rate: Double? = c.row["avg_purchase_rate"]
        return [
            "caption_id": .number(Double(c.id)), "caption_text": .string(c.row["caption_text"]),
            "category": .string(c.row["caption_type"]), "content_type": SampleDataset.toolValue(c.row["content_type_name"]),
            "last_used_at": c.globalLast.map(ToolValue.string) ?? .null,
            "use_count": SampleDataset.toolValue(c.row["global_times_used"]),
            "performance_tier": c.tier.map { .number(Double($0)) } ?? .null, "tier_label": .string(label.0),
            "quality_score": .number(Double(label.1)), "creator_last_used_at": c.creatorLast.map(ToolValue.string) ?? .null,
            "creator_use_count": .number(Double(c.creatorUses)),
            "days_since_creator_used": c.daysSinceCreatorUsed(today: today).map { .number(Double($0)) } ?? .null,
            "effectively_fresh": .bool(c.effectivelyFresh(today: today)),
            "pricing": [
                "suggested_price": SampleDataset.toolValue(c.row["suggested_price"]),
                "price_range_min": SampleDataset.toolValue(c.row["price_range_min"]),
                "price_range_max": SampleDataset.toolValue(c.row["price_range_max"]),
                "avg_purchase_rate": .number(rate ?? 0), "has_price_history": .bool(rate != nil),
            ],
        ]
    }
}
