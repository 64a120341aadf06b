import Foundation
import GRDB

extension DataTools {
    /// get_creator_profile (data-model.md §4.2): the bundled creator read, in one read transaction;
    /// the volume section is the schedule domain's `VolumePlan` for week_start.
    public func getCreatorProfile(_ parameters: [String: ToolValue]) -> ToolObject {
        let p = ToolParameters(tool: "get_creator_profile", values: parameters)
        let flags = ["analytics", "volume", "content_rankings", "vault", "persona"]
        do {
            if let f = p.checkKnown(Set(["creator_id", "week_start"] + flags.map { "include_" + $0 })) { throw f }
            var include: [String: Bool] = [:]
            for flag in flags { include[flag] = try p.bool("include_" + flag, default: true) }
            let now = storage.clock.now()
            let today = CivilDay(date: now)
            var week = today.adding(7 - today.weekdayFromMonday)
            if let raw = p.value("week_start") {
                guard let text = raw.stringValue, let day = CivilDay(text) else {
                    throw ToolFailure(code: "INVALID_DATE", message: "Invalid week_start format: \(Self.display(raw)). Expected YYYY-MM-DD")
                }
                week = day
            }
            return try storage.read { db in
                let creator = try resolveCreator(parameters["creator_id"], in: db)
                let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM creators WHERE creator_id = ?"), arguments: [creator.creatorID])!
                var result: [String: ToolValue] = ["found": true]
                var sources: Set<String> = ["creators"]
                var c: [String: ToolValue] = [:]
                for key in [
                    "creator_id", "page_name", "display_name", "page_type", "subscription_price", "timezone", "content_category",
                    "current_fan_count", "current_active_fans", "current_total_earnings", "is_active", "performance_tier",
                ] {
                    c[key] = SampleDataset.toolValue(row[key])
                }
                result["creator"] = .object(c)
                if include["analytics"]! {
                    let (summary, source) = try Self.analytics(db, creator: row, now: now)
                    result["analytics_summary"] = summary
                    sources.insert("mass_messages")
                    sources.insert(source)
                }
                if include["volume"]! {
                    var volume = try VolumeToolValues.object(VolumeToolValues.plan(db, creatorID: creator.creatorID, weekStart: week).plan)
                    volume["volume_level"] = volume.removeValue(forKey: "tier")
                    volume["mm_revenue_used"] = volume.removeValue(forKey: "mm_revenue_monthly")
                    volume["week_start"] = .string(week.string)
                    let assignment = try Row.fetchOne(
                        db.cachedStatement(sql: "SELECT ppv_per_day, bump_per_day FROM volume_assignments WHERE creator_id = ? AND is_active = 1"),
                        arguments: [creator.creatorID])
                    volume["ppv_per_day"] = assignment.map { SampleDataset.toolValue($0["ppv_per_day"]) } ?? .null
                    volume["bump_per_day"] = assignment.map { SampleDataset.toolValue($0["bump_per_day"]) } ?? .null
                    result["volume_assignment"] = .object(volume)
                    sources.formUnion(["volume_assignments", "mass_messages", "top_content_types", "volume_triggers"])
                }
                if include["content_rankings"]! {
                    let section = try Self.rankingSection(db, creatorID: creator.creatorID, today: today)
                    result["content_type_rankings"] = section
                    result["top_content_types"] = section["rankings"] ?? []
                    result["avoid_types"] = section["avoid_types"] ?? []
                    result["top_types"] = section["top_types"] ?? []
                    sources.insert("top_content_types")
                }
                if include["vault"]! {
                    let rows = try Row.fetchAll(
                        db.cachedStatement(
                        sql: """
                            SELECT ct.type_name, ct.type_category, ct.is_explicit FROM vault_matrix v
                            JOIN content_types ct ON ct.content_type_id = v.content_type_id
                            WHERE v.creator_id = ? AND v.has_content = 1 ORDER BY ct.type_name
                            """),
                        arguments: [creator.creatorID])
                    let names = rows.map { $0["type_name"] as String }
                    result["allowed_content_types"] = [
                        "allowed_types": .array(rows.map {
                            ["type_name": .string($0["type_name"]), "type_category": SampleDataset.toolValue($0["type_category"]),
                             "is_explicit": .bool(($0["is_explicit"] as Int?) == 1)]
                        }),
                        "allowed_type_names": .array(names.map(ToolValue.string)), "type_count": .number(Double(names.count)),
                        "vault_hash": .string(Self.nameHash(names)),
                    ]
                    sources.formUnion(["vault_matrix", "content_types"])
                }
                if include["persona"]! {
                    result["persona"] = try Self.persona(db, creatorID: creator.creatorID)
                    sources.insert("creator_personas")
                }
                result["metadata"] = [
                    "fetched_at": .string(fetchedAt), "data_sources_used": .array(sources.sorted().map(ToolValue.string)),
                    "mcp_calls_saved": .number(Double(include.values.filter { $0 }.count)),
                    "include_flags": .object(include.mapValues(ToolValue.bool)),
                ]
                return ToolObject(result)
            }
        } catch {
            let f = Self.storageFailure(error)
            return ToolObject(["found": false, "error": .string(f.message), "error_code": .string(f.code), "creator": nil])
        }
    }

    /// analytics_summary with the three revenue levels; returns the section and its source string.
    static func analytics(_ db: Database, creator: Row, now: Date) throws -> (ToolValue, String) {
        let since = Timestamp.string(now.addingTimeInterval(-30 * 86400))
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM mass_messages WHERE creator_id = ? AND imported_at >= ?"),
            arguments: [creator["creator_id"] as String, since])
        let latest = rows.compactMap { ($0["imported_at"] as String?).flatMap(Timestamp.parse) }.max()
        let latestAge = latest.map { now.timeIntervalSince($0) / 86400 }
        let earnings = rows.reduce(0.0) { $0 + (($1["earnings"] as Double?) ?? 0) }
        let sent = rows.reduce(0.0) { $0 + Double(($1["sent_count"] as Int?) ?? 0) }
        let viewed = rows.reduce(0.0) { $0 + Double(($1["viewed_count"] as Int?) ?? 0) }
        let purchased = rows.reduce(0.0) { $0 + Double(($1["purchased_count"] as Int?) ?? 0) }
        let message = (creator["current_message_net"] as Double?) ?? 0
        let posts = (creator["current_posts_net"] as Double?) ?? 0
        var revenue: Double
        var confidence: String
        var source: String
        var age: ToolValue = .null
        if rows.count >= 3, let latestAge, latestAge <= 7 {
            (revenue, confidence, source) = (earnings, "high", "mass_messages_30d")
            age = .number(latestAge.rounded(.down))
        } else if message > 0 || posts > 0 {
            (revenue, confidence, source) = (message + posts, "medium", "creator_metrics")
            if let snap = (creator["metrics_snapshot_date"] as String?).flatMap(Timestamp.parse) {
                age = .number((now.timeIntervalSince(snap) / 86400).rounded(.down))
            }
        } else {
            (revenue, confidence, source) = (Double((creator["current_fan_count"] as Int?) ?? 0) * 2.5, "low", "fan_count_estimate")
        }
        revenue = roundMoney(revenue)
        return ([
            "mm_revenue_30d": .number(revenue), "mm_revenue_confidence": .string(confidence), "mm_revenue_source": .string(source),
            "mm_data_age_days": age, "mm_message_count_30d": .number(Double(rows.count)),
            "avg_rps": .number(purchased > 0 ? roundMoney(earnings / purchased) : 0),
            "avg_conversion": .number(viewed > 0 ? roundTo(purchased / viewed, 4) : 0),
            "avg_open_rate": .number(sent > 0 ? roundTo(viewed / sent, 4) : 0),
            "total_earnings": .number(roundMoney(earnings)), "total_sends": .number(Double(rows.count)),
        ], source)
    }

    /// The content_type_rankings section of the profile.
    static func rankingSection(_ db: Database, creatorID: String, today: CivilDay) throws -> ToolValue {
        let rows = try Row.fetchAll(
            db.cachedStatement(
            sql: """
                SELECT * FROM top_content_types WHERE creator_id = ? AND analysis_date =
                  (SELECT max(analysis_date) FROM top_content_types WHERE creator_id = ?)
                ORDER BY avg_rps DESC, content_type
                """),
            arguments: [creatorID, creatorID])
        let rankings: [ToolValue] = rows.map {
            ["type_name": .string($0["content_type"]), "performance_tier": .string($0["performance_tier"]),
             "rps": SampleDataset.toolValue($0["avg_rps"]), "conversion_rate": SampleDataset.toolValue($0["avg_purchase_rate"]),
             "sends_last_30d": SampleDataset.toolValue($0["send_count"]), "total_earnings": SampleDataset.toolValue($0["total_earnings"]),
             "confidence_score": SampleDataset.toolValue($0["confidence_score"]), "analysis_date": .string($0["analysis_date"])]
        }
        let avoid = rows.filter { ($0["performance_tier"] as String) == "AVOID" }.map { $0["content_type"] as String }
        let top = rows.filter { ($0["performance_tier"] as String) == "TOP" }.map { $0["content_type"] as String }
        let date: String? = rows.first?["analysis_date"]
        let age = date.flatMap(CivilDay.init).map { today.number - $0.number }
        return [
            "rankings": .array(rankings), "avoid_types": .array(avoid.map(ToolValue.string)),
            "top_types": .array(top.map(ToolValue.string)), "total_types": .number(Double(rows.count)),
            "avoid_types_hash": .string(nameHash(avoid)), "analysis_date": date.map(ToolValue.string) ?? .null,
            "data_age_days": age.map { .number(Double($0)) } ?? .null, "is_stale": .bool((age ?? 0) > 14),
        ]
    }

    /// The persona row with `_default` false, or the default persona.
    static func persona(_ db: Database, creatorID: String) throws -> ToolValue {
        guard let row = try Row.fetchOne(
            db.cachedStatement(
            sql: """
                SELECT persona_id, creator_id, primary_tone, secondary_tone, emoji_frequency, favorite_emojis, slang_level,
                  avg_sentiment, avg_caption_length, last_analyzed, validation_status
                FROM creator_personas WHERE creator_id = ?
                """),
            arguments: [creatorID])
        else {
            return [
                "creator_id": .string(creatorID), "primary_tone": "playful", "secondary_tone": nil,
                "emoji_frequency": "moderate", "slang_level": "light", "_default": true,
            ]
        }
        var m: [String: ToolValue] = ["_default": false]
        for (column, value) in row { m[column] = SampleDataset.toolValue(value) }
        return .object(m)
    }
}
