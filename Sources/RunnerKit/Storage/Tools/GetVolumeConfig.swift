import Foundation
import GRDB

extension DataTools {
    /// get_volume_config (data-model.md §4.7): the schedule domain's `VolumePlan` for the week, with
    /// the creator's rows loaded in the same read transaction as its resolution.
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
            let (overrides, applied) = VolumeToolValues.overrides(p)
            let (creator, plan, data) = try storage.read { db in
                let creator = try resolveCreator(parameters["creator_id"], in: db)
                let (plan, data) = try VolumeToolValues.plan(db, creatorID: creator.creatorID, weekStart: week, overrides: overrides)
                return (creator, plan, data)
            }
            var result = try VolumeToolValues.object(plan)
            result["creator_id"] = .string(creator.creatorID)
            result["week_start"] = .string(week.string)
            result["triggers_degraded"] = .bool(plan.triggersDegraded)
            result["trigger_breakdown"] = try breakdown ? ToolValue.encode(plan.compounds) : .null
            result["content_category"] = data.creator.contentCategory.map(ToolValue.string) ?? .null
            result["page_type"] = data.creator.pageType.map(ToolValue.string) ?? .null
            result["overrides_applied"] = .array(applied.map(ToolValue.string))
            let hashInputs = VolumeToolValues.hashInputs(plan, weekStart: week)
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
}
