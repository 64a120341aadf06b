import Foundation
import GRDB

/// Maps the schedule domain's one volume algorithm (`VolumePlan`, schedule-domain.md §3) onto the
/// result keys of get_volume_config (data-model.md §4.7) and get_creator_profile's volume section
/// (§4.2). Neither tool computes any volume value itself.
enum VolumeToolValues {
    /// Loads the creator's rows with the creator context's loader inside the caller's read
    /// transaction `db`, then computes the plan for the week starting `weekStart`.
    static func plan(
        _ db: Database, creatorID: String, weekStart: CivilDay, overrides: VolumeOverrides = VolumeOverrides()
    ) throws -> (plan: VolumePlan, data: CreatorData) {
        guard let week = DayDate(weekStart.string) else {
            throw StorageError.databaseError(message: "week_start \(weekStart.string) is not a date")
        }
        guard let data = try CreatorDataStore.load(db, creatorId: creatorID, weekStart: week) else {
            throw StorageError.databaseError(message: "creator \(creatorID) vanished during the read")
        }
        return (VolumePlan.compute(data, weekStart: week, overrides: overrides), data)
    }

    /// The keys of `volume_config` (schedule-domain §3.5) plus `health` (§3.2) and the merged
    /// `active_triggers` list (§3.3).
    static func object(_ plan: VolumePlan) throws -> [String: ToolValue] {
        guard var object = try ToolValue.encode(plan.config).objectValue else {
            throw StorageError.databaseError(message: "volume_config did not encode as an object")
        }
        object["health"] = try ToolValue.encode(plan.health)
        object["active_triggers"] = try ToolValue.encode(plan.activeTriggers)
        return object
    }

    /// The volume_config_hash inputs of data-model §4.1: tier, trigger multiplier (4 dp), health
    /// adjustment, week_start and the comma-joined sorted boost dates.
    static func hashInputs(_ plan: VolumePlan, weekStart: CivilDay) -> [ToolValue] {
        let config = plan.config
        return [
            .string(config.tier.rawValue), .string(String(format: "%.4f", config.triggerMultiplier)),
            .string(String(config.healthAdjustment)), .string(weekStart.string),
            .string(config.calendarBoosts.map(\.date.description).sorted().joined(separator: ",")),
        ]
    }

    /// The what-if overrides of get_volume_config with the names of those given, in parameter order.
    static func overrides(_ p: ToolParameters) -> (VolumeOverrides, [String]) {
        var overrides = VolumeOverrides()
        var names: [String] = []
        if let text = p.value("tier_override")?.stringValue, let tier = VolumeTier.canonical(text) {
            overrides.tier = tier
            names.append("tier_override")
        }
        if let list = p.value("trigger_overrides")?.arrayValue {
            overrides.triggers = list.map { ($0["content_type"]?.stringValue, $0["adjustment_multiplier"]?.numberValue ?? 1.0) }
            names.append("trigger_overrides")
        }
        if let h = p.value("health_override")?.objectValue {
            func int(_ key: String, _ fallback: Int) -> Int {
                h[key]?.numberValue.flatMap { Int(exactly: $0.rounded()) } ?? fallback
            }
            var health = VolumeHealth(
                saturation: int("saturation_score", 50), decline: int("consecutive_decline_weeks", 0),
                opportunity: int("opportunity_score", 50))
            health.status = h["status"]?.stringValue ?? "HEALTHY"
            health.volumeAdjustment = int("volume_adjustment", 0)
            overrides.health = health
            names.append("health_override")
        }
        return (overrides, names)
    }
}
