import Foundation
import Testing

@testable import RunnerKit

/// get_volume_config and get_creator_profile's volume section against data-model.md §6.6, with
/// the sample dataset as of 2026-01-05 (a Monday, so W = 2026-01-05) and the clock pinned to T0.
@Suite("Volume data tools: the schedule domain's one volume algorithm (§4.2, §4.7, §6.6)")
struct VolumeToolTests {
    var tools: DataTools { ReadToolsTests.tools }
    static let week = StorageFixture.asOf

    func config(_ page: String, _ extra: [String: ToolValue] = [:]) -> ToolObject {
        tools.getVolumeConfig(["creator_id": .string(page), "week_start": .string(Self.week)].merging(extra) { $1 })
    }

    func databaseProduct(_ result: ToolObject) -> Double {
        (result["active_triggers"]?.arrayValue ?? []).filter { $0["source"] == "database" }
            .reduce(1.0) { $0 * ($1["adjustment_multiplier"]?.numberValue ?? .nan) }
    }

    @Test("tiers, revenue source and previous tier of §6.6", arguments: [
        ("alexia", "STANDARD", "analytics", ToolValue.string("STANDARD")),
        ("grace_bennett", "HIGH_VALUE", "analytics", nil), ("luna_free", "LITE", nil, nil),
        ("minimal_edge", "MINIMAL", "analytics", .null), ("lite_edge", "LITE", "analytics", .null),
        ("std_no_va", "STANDARD", "analytics", .null), ("hv_edge", "HIGH_VALUE", "analytics", .null),
        ("hv_top_edge", "HIGH_VALUE", "analytics", .null), ("premium_edge", "PREMIUM", "analytics", .null),
        ("fans_only", "MINIMAL", "fan_estimate", nil), ("new_creator", "MINIMAL", "fan_estimate", nil),
        ("hysteresis_hold", "STANDARD", nil, nil), ("hysteresis_drop", "LITE", nil, nil),
        ("premium_hysteresis", "PREMIUM", nil, nil),
    ] as [(String, String, String?, ToolValue?)])
    func tiers(page: String, tier: String, source: String?, previous: ToolValue?) {
        let r = config(page)
        #expect(r["error_code"] == nil)
        #expect(r["tier"] == .string(tier))
        if let source { #expect(r["revenue_source"] == .string(source)) }
        if let previous { #expect(r["previous_tier"] == previous) }
        #expect(r["volume_source"] == nil)
    }

    @Test("§6.6 revenue, ranges, bump multiplier and database trigger products")
    func values() {
        let alexia = config("alexia")
        #expect(alexia["mm_revenue_monthly"] == 1800.0 && alexia["revenue_per_day"] == [4, 6])
        #expect(alexia["engagement_per_day"] == [4, 6] && alexia["retention_per_day"] == [2, 3])
        #expect(config("fans_only")["mm_revenue_monthly"] == 120.0)
        #expect(config("new_creator")["mm_revenue_monthly"] == 0.0)
        #expect(config("minimal_edge")["bump_multiplier"] == 2.67)
        #expect(abs(databaseProduct(config("grace_bennett")) - 0.9) < 1e-9)
        #expect(abs(databaseProduct(config("compound_clara")) - 1.5795) < 1e-9)
        // The global multiplier also includes runtime triggers detected from the rankings.
        let grace = config("grace_bennett")
        let all = (grace["active_triggers"]?.arrayValue ?? []).reduce(1.0) { $0 * ($1["adjustment_multiplier"]?.numberValue ?? .nan) }
        #expect(grace["trigger_multiplier"]?.numberValue == (all * 100).rounded() / 100)
    }

    @Test("§6.6 health outcomes")
    func health() {
        let struggling = config("struggling")
        #expect(struggling["health"]?["status"] == "DEATH_SPIRAL" && struggling["health"]?["volume_adjustment"] == -1)
        #expect(struggling["health_adjustment"] == -1)
        #expect([89, 92].contains(struggling["health"]?["saturation_score"]?.numberValue))
        #expect(config("saturated_sam")["health"]?["saturation_score"] == 100)
        let wendy = config("warning_wendy")["health"]
        #expect(wendy?["status"] == "WARNING" && wendy?["consecutive_decline_weeks"] == 3)
        let low = config("hv_low_sat")
        #expect([14, 17].contains(low["health"]?["saturation_score"]?.numberValue))
        #expect(low["health"]?["status"] == "HEALTHY" && low["health_adjustment"] == 1)
    }

    @Test("every other creator with sends is HEALTHY")
    func othersHealthy() {
        for c in SampleRoster.creators where !["struggling", "warning_wendy"].contains(c.page) {
            let h = config(c.page)["health"]
            let noSends = h?["saturation_score"] == 50 && h?["opportunity_score"] == 50
            #expect(h?["status"] == "HEALTHY" || noSends, "\(c.page)")
        }
    }

    @Test("get_volume_config equals the creator context's volume_config, health and triggers for every active creator")
    func oneAlgorithm() throws {
        let store = CreatorDataStore(storage: tools.storage)
        let week = try #require(DayDate(Self.week))
        for c in SampleRoster.creators where c.active {
            let data = try store.loadCreatorData(creator: c.page, weekStart: week)
            let context = try CreatorContextBuilder.build(data, weekStart: week, generatedAt: Date(timeIntervalSince1970: 0))
            let r = config(c.page)
            for (key, value) in try #require(ToolValue.encode(context.volumeConfig).objectValue) {
                #expect(r[key] == value, "\(c.page) \(key)")
            }
            #expect(r["health"] == (try ToolValue.encode(context.health)), "\(c.page)")
            #expect(r["active_triggers"] == (try ToolValue.encode(context.activeTriggers)), "\(c.page)")
        }
    }

    @Test("the profile's volume_assignment carries get_volume_config's values for week W")
    func profileMatches() throws {
        let renamed = ["volume_level": "tier", "mm_revenue_used": "mm_revenue_monthly"]
        for page in ["alexia", "grace_bennett", "luna_free", "hysteresis_hold", "hysteresis_drop", "premium_hysteresis",
                     "struggling", "compound_clara", "fans_only"] {
            let v = try #require(tools.getCreatorProfile(["creator_id": .string(page), "week_start": .string(Self.week)])["volume_assignment"]?.objectValue)
            let c = config(page)
            for key in ["volume_level", "mm_revenue_used", "revenue_source", "previous_tier", "week_start", "revenue_per_day",
                        "engagement_per_day", "retention_per_day", "weekly_distribution", "bump_multiplier", "calendar_boosts",
                        "trigger_multiplier", "health_adjustment", "health", "active_triggers"] {
                #expect(v[key] != nil && v[key] == c[renamed[key] ?? key], "\(page) \(key)")
            }
            #expect(v.keys.contains("ppv_per_day") && v.keys.contains("bump_per_day") && v["volume_source"] == nil)
        }
        let tiers = ["alexia": "STANDARD", "grace_bennett": "HIGH_VALUE", "luna_free": "LITE", "hysteresis_hold": "STANDARD",
                     "hysteresis_drop": "LITE", "premium_hysteresis": "PREMIUM"]
        for (page, tier) in tiers {
            #expect(tools.getCreatorProfile(["creator_id": .string(page), "week_start": .string(Self.week)])["volume_assignment"]?["volume_level"] == .string(tier))
        }
    }

    @Test("calendar boosts reach the result and the volume_config_hash inputs")
    func boosts() {
        let r = config("alexia", ["week_start": "2026-12-21"])
        #expect(r["calendar_boosts"] == [["date": "2026-12-25", "type": "holiday", "multiplier": 1.3]])
        #expect(r["weekly_distribution"]?["friday"]?["date"] == "2026-12-25")
        #expect(r["metadata"]?["hash_inputs"]?.arrayValue?.last == "2026-12-25")
        #expect(r["metadata"]?["volume_config_hash"] != config("alexia")["metadata"]?["volume_config_hash"])
    }

    @Test("parameter errors keep their codes and messages")
    func errors() {
        #expect(tools.getVolumeConfig(["creator_id": "alexia", "week_start": "2026-1-5"])["error"] == "Invalid week_start format: 2026-1-5. Expected YYYY-MM-DD")
        #expect(tools.getVolumeConfig(["creator_id": "a", "week_start": "2026-01-05"])["error"] == "Invalid creator_id format: creator_id length must be 2-100 chars, got 1")
        #expect(tools.getVolumeConfig(["creator_id": "ghost", "week_start": "2026-01-05"])["error_code"] == "CREATOR_NOT_FOUND")
        #expect(tools.getVolumeConfig(["creator_id": "alexia", "week_start": "2026-01-05", "bogus": 1])["error_code"] == "VALIDATION_ERROR")
    }

    @Test("what-if overrides each replace one input of the algorithm")
    func overrides() {
        let over = config("alexia", ["tier_override": "premium", "trigger_overrides": []])
        #expect(over["tier"] == "PREMIUM" && over["overrides_applied"] == ["tier_override", "trigger_overrides"])
        #expect(over["active_triggers"] == [] && over["trigger_multiplier"] == 1.0 && over["revenue_per_day"] == [8, 12])
        #expect(over["mm_revenue_monthly"] == 1800.0)
        let ignored = config("alexia", ["tier_override": "High"])
        #expect(ignored["tier"] == "STANDARD" && ignored["overrides_applied"] == [])
        let sim = config("alexia", ["trigger_overrides": [["content_type": "lingerie", "adjustment_multiplier": 1.5]]])
        #expect(sim["active_triggers"]?.arrayValue?.first?["source"] == "simulated" && sim["trigger_multiplier"] == 1.5)
        let health = config("alexia", ["health_override": ["status": "DEATH_SPIRAL", "volume_adjustment": -1]])
        #expect(health["health"]?["status"] == "DEATH_SPIRAL" && health["health_adjustment"] == -1)
        #expect(health["health"]?["saturation_score"] == 50 && health["tier"] == "STANDARD")
        let breakdown = config("compound_clara", ["include_trigger_breakdown": true])["trigger_breakdown"]?.arrayValue ?? []
        #expect(breakdown.contains { $0["content_type"] == "lingerie" && $0["compound"] == 2.0 })
        #expect(config("compound_clara")["trigger_breakdown"] == .null)
    }
}
