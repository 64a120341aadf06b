import Foundation
import GRDB

extension DataTools {
    /// get_volume_config (data-model.md §4.7). TODO(schedule domain): the volume values come from
    /// `PlaceholderVolume` until the Scheduling volume algorithm is wired in; parameter checks,
    /// resolution, overrides and the result shape are final.
    public func getVolumeConfig(_ parameters: [String: ToolValue]) -> ToolObject {
        let p = ToolParameters(tool: "get_volume_config", values: parameters)
        do {
            let known: Set = [
                "creator_id", "week_start", "include_trigger_breakdown", "tier_override", "trigger_overrides", "health_override",
            ]
            if let f = p.checkKnown(known) { throw f }
            if case .failure(let e) = CreatorIDRule.check(parameter: parameters["creator_id"]) {
                throw ToolFailure(code: "VALIDATION_ERROR", message: "Invalid creator_id format: \(e.message)")
            }
            let weekValue = parameters["week_start"] ?? .null
            guard let text = weekValue.stringValue, let week = CivilDay(text) else {
                throw ToolFailure(code: "INVALID_DATE", message: "Invalid week_start format: \(Self.display(weekValue)). Expected YYYY-MM-DD")
            }
            let breakdown = try p.bool("include_trigger_breakdown", default: false)
            let (creator, inputs) = try storage.read { db in
                let creator = try resolveCreator(parameters["creator_id"], in: db)
                return (creator, try Storage.volumeInputs(db, creatorID: creator.creatorID, weekStart: week))
            }
            var volume = PlaceholderVolume.compute(inputs, weekStart: week)
            var overrides: [String] = []
            if let t = p.value("tier_override")?.stringValue?.uppercased(), Self.tiers.contains(t) {
                volume["tier"] = .string(t)
                overrides.append("tier_override")
            }
            if let list = p.value("trigger_overrides")?.arrayValue {
                volume["active_triggers"] = .array(list.map { o in
                    ["content_type": o["content_type"] ?? .null, "adjustment_multiplier": o["adjustment_multiplier"] ?? 1.0,
                     "source": "simulated"]
                })
                let product = list.reduce(1.0) { $0 * ($1["adjustment_multiplier"]?.numberValue ?? 1.0) }
                volume["trigger_multiplier"] = .number(roundTo(product, 2))
                overrides.append("trigger_overrides")
            }
            if let h = p.value("health_override")?.objectValue {
                volume["health"] = [
                    "status": h["status"] ?? "HEALTHY", "score": volume["health"]?["score"] ?? .null,
                    "consecutive_decline_weeks": h["consecutive_decline_weeks"] ?? 0,
                    "saturation_score": h["saturation_score"] ?? 50, "opportunity_score": h["opportunity_score"] ?? 50,
                    "volume_adjustment": h["volume_adjustment"] ?? 0,
                ]
                volume["health_adjustment"] = h["volume_adjustment"] ?? 0
                overrides.append("health_override")
            }
            var result = volume
            result["creator_id"] = .string(creator.creatorID)
            result["week_start"] = .string(week.string)
            result["triggers_degraded"] = false
            result["trigger_breakdown"] = breakdown ? Self.triggerBreakdown(volume["active_triggers"]?.arrayValue ?? []) : .null
            result["content_category"] = inputs.contentCategory.map(ToolValue.string) ?? .null
            result["page_type"] = .string(inputs.pageType)
            result["overrides_applied"] = .array(overrides.map(ToolValue.string))
            let hashInputs: [ToolValue] = [
                volume["tier"] ?? .null,
                .string(String(format: "%.4f", volume["trigger_multiplier"]?.numberValue ?? 1)),
                .string(ToolValue.formatNumber(volume["health_adjustment"]?.numberValue ?? 0)), .string(week.string), "",
            ]
            let hashText = hashInputs.map { $0.stringValue ?? "" }.joined(separator: "|")
            result["metadata"] = [
                "fetched_at": .string(fetchedAt), "volume_config_hash": .string(HashText.prefixed(hashText)),
                "hash_inputs": .array(hashInputs),
            ]
            return ToolObject(result)
        } catch {
            let f = Self.storageFailure(error)
            return ToolObject(["error": .string(f.message), "error_code": .string(f.code)])
        }
    }

    /// Per content type: its multipliers, compound (product clamped to [0.5, 2.0], 4 dp) and conflict flag.
    static func triggerBreakdown(_ triggers: [ToolValue]) -> ToolValue {
        var order: [String] = []
        var groups: [String: [Double]] = [:]
        for t in triggers {
            let type = t["content_type"]?.stringValue ?? ""
            if groups[type] == nil { order.append(type) }
            groups[type, default: []].append(t["adjustment_multiplier"]?.numberValue ?? 1)
        }
        return .array(order.map { type in
            let m = groups[type]!
            return [
                "content_type": .string(type), "multipliers": .array(m.map(ToolValue.number)),
                "compound": .number(roundTo(min(max(m.reduce(1, *), 0.5), 2.0), 4)),
                "has_conflicting_signals": .bool(m.contains { $0 > 1 } && m.contains { $0 < 1 }),
            ]
        })
    }
}
