import Foundation
import GRDB

extension DataTools {
    /// get_active_volume_triggers (data-model.md §4.8): active, unexpired database triggers with
    /// per-type compounds, or a zero-trigger diagnosis.
    public func getActiveVolumeTriggers(_ parameters: [String: ToolValue]) -> ToolObject {
        let started = ContinuousClock.now
        let p = ToolParameters(tool: "get_active_volume_triggers", values: parameters)
        let input = parameters["creator_id"]?.stringValue
        do {
            if let f = p.checkKnown(["creator_id"]) { throw f }
            if input?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? (parameters["creator_id"] ?? .null).isNull {
                throw ToolFailure(code: "VALIDATION_ERROR", message: "creator_id is required")
            }
            let now = storage.clock.now()
            let nowText = Timestamp.string(now)
            let (creator, context, active, all) = try storage.read { db in
                let creator = try resolveCreator(parameters["creator_id"], in: db)
                let context = try Row.fetchOne(
                    db.cachedStatement(
                    sql: """
                        SELECT c.current_fan_count, c.page_type, va.volume_level FROM creators c
                        LEFT JOIN volume_assignments va ON va.creator_id = c.creator_id AND va.is_active = 1
                        WHERE c.creator_id = ?
                        """),
                    arguments: [creator.creatorID])!
                let active = try Row.fetchAll(
                    db.cachedStatement(
                    sql: """
                        SELECT * FROM volume_triggers WHERE creator_id = ? AND is_active = 1 AND expires_at > ?
                        ORDER BY adjustment_multiplier DESC, trigger_id
                        """),
                    arguments: [creator.creatorID, nowText])
                let all = active.isEmpty
                    ? try Row.fetchAll(
                        db.cachedStatement(sql: "SELECT * FROM volume_triggers WHERE creator_id = ? ORDER BY trigger_id"),
                        arguments: [creator.creatorID])
                    : []
                return (creator, context, active, all)
            }
            let triggers = active.map { Self.triggerValue($0, now: now) }
            // Per content type compounds, in first-seen order.
            var order: [String] = []
            var groups: [String: [(String, Double)]] = [:]
            for row in active {
                let type: String = row["content_type"]
                if groups[type] == nil { order.append(type) }
                groups[type, default: []].append((row["trigger_type"], row["adjustment_multiplier"]))
            }
            var conflicting = false
            var global = 1.0
            var calculation: [ToolValue] = []
            for type in order {
                let members = groups[type]!
                let product = members.reduce(1.0) { $0 * $1.1 }
                let clamped = min(max(product, 0.5), 2.0)
                let compound = roundTo(clamped, 4)
                if members.contains(where: { $0.1 > 1 }) && members.contains(where: { $0.1 < 1 }) { conflicting = true }
                global *= compound
                calculation.append([
                    "content_type": .string(type),
                    "triggers": .array(members.map { .string("\($0.0):\(ToolValue.formatNumber($0.1))") }),
                    "compound": .number(compound), "clamped": .bool(clamped != product),
                ])
            }
            let compoundMultiplier = active.isEmpty ? 1.0 : min(max(roundTo(global, 4), 0.5), 2.0)
            let ids = active.map { $0["trigger_id"] as Int }
            let hashInputs: [ToolValue] = [
                .string("creator:\(creator.creatorID)"),
                .string("trigger_ids:" + ids.sorted().map(String.init).joined(separator: ",")),
                .string("expires:" + active.sorted { ($0["trigger_id"] as Int) < ($1["trigger_id"] as Int) }
                    .map { $0["expires_at"] as String }.joined(separator: ",")),
            ]
            return ToolObject([
                "creator_id": .string(input ?? ""), "creator_id_resolved": .string(creator.creatorID),
                "triggers": .array(triggers), "count": .number(Double(triggers.count)),
                "compound_multiplier": .number(compoundMultiplier), "compound_calculation": .array(calculation),
                "has_conflicting_signals": .bool(conflicting),
                "creator_context": [
                    "fan_count": .number(Double((context["current_fan_count"] as Int?) ?? 0)),
                    "tier": .string((context["volume_level"] as String?) ?? "MINIMAL"),
                    "page_type": .string(context["page_type"]),
                ],
                "zero_triggers_context": active.isEmpty ? Self.zeroTriggers(all, now: now) : .null,
                "metadata": [
                    "fetched_at": .string(fetchedAt), "triggers_hash": .string(HashText.prefixed(ToolValue.array(hashInputs).canonicalJSON())),
                    "hash_inputs": .array(hashInputs),
                    "query_ms": .number(Double((ContinuousClock.now - started) / .milliseconds(1))),
                    "thresholds_version": "2.0", "scale_aware": true,
                ],
            ])
        } catch {
            let f = Self.storageFailure(error)
            return ToolObject([
                "error": .string(f.message), "error_code": .string(f.code),
                "creator_id": input.map(ToolValue.string) ?? .null, "triggers": [], "count": 0,
            ])
        }
    }

    /// One trigger row in the result shape.
    static func triggerValue(_ row: Row, now: Date) -> ToolValue {
        func days(_ from: Date?, _ to: Date?) -> ToolValue {
            guard let from, let to else { return .null }
            return .number((to.timeIntervalSince(from) / 86400).rounded(.towardZero))
        }
        let expires = (row["expires_at"] as String?).flatMap(Timestamp.parse)
        let detected = (row["detected_at"] as String?).flatMap(Timestamp.parse)
        let first = (row["first_detected_at"] as String?).flatMap(Timestamp.parse)
        let metrics = (row["metrics_json"] as String?).flatMap(ToolValue.parse)
        var m: [String: ToolValue] = [:]
        for key in [
            "trigger_id", "content_type", "trigger_type", "adjustment_multiplier", "confidence", "reason", "expires_at",
            "detected_at", "applied_count", "last_applied_at", "detection_count", "first_detected_at",
        ] {
            m[key] = SampleDataset.toolValue(row[key])
        }
        m["metrics_json"] = metrics?.objectValue != nil ? metrics! : .object([:])
        m["source"] = "database"
        m["days_until_expiry"] = days(now, expires)
        m["days_since_detected"] = days(detected, now)
        m["days_since_first_detected"] = days(first, now)
        return .object(m)
    }

    /// The zero_triggers_context diagnosis from every trigger row of the creator.
    static func zeroTriggers(_ rows: [Row], now: Date) -> ToolValue {
        guard !rows.isEmpty else {
            return [
                "reason": "never_had_triggers", "reason_description": "No volume triggers have ever been recorded for this creator",
                "last_trigger_expired_at": nil, "last_trigger_type": nil, "last_trigger_content_type": nil,
                "historical_trigger_count": 0, "triggers_expired_last_7d": 0,
            ]
        }
        let weekAgo = now.addingTimeInterval(-7 * 86400)
        let expired = rows.filter { row in
            guard let at = (row["expires_at"] as String?).flatMap(Timestamp.parse) else { return false }
            return at <= now
        }
        let recent = expired.filter { ((($0["expires_at"] as String?).flatMap(Timestamp.parse)) ?? .distantPast) >= weekAgo }
        let last = expired.max { ($0["expires_at"] as String) < ($1["expires_at"] as String) }
        let reason = recent.isEmpty ? "no_qualifying_performance" : "all_expired"
        return [
            "reason": .string(reason),
            "reason_description": .string(
                recent.isEmpty
                    ? "No trigger is active and none expired in the last 7 days"
                    : "Every recent trigger has expired (\(recent.count) in the last 7 days)"),
            "last_trigger_expired_at": last.map { .string($0["expires_at"]) } ?? .null,
            "last_trigger_type": last.map { .string($0["trigger_type"]) } ?? .null,
            "last_trigger_content_type": last.map { .string($0["content_type"]) } ?? .null,
            "historical_trigger_count": .number(Double(rows.count)),
            "triggers_expired_last_7d": .number(Double(recent.count)),
        ]
    }
}
