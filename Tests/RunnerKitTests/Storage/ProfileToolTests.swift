import Foundation
import Testing

@testable import RunnerKit

@Suite("Creator profile and volume config")
struct ProfileToolTests {
    var tools: DataTools { ReadToolsTests.tools }

    func profile(_ id: ToolValue) -> ToolObject { tools.getCreatorProfile(["creator_id": id, "week_start": "2026-01-05"]) }

    @Test("analytics revenue levels of §6.6", arguments: [
        ("alexia", "mass_messages_30d", "high"), ("grace_bennett", "mass_messages_30d", "high"),
        ("luna_free", "mass_messages_30d", "high"), ("tiny_tess", "creator_metrics", "medium"),
        ("stale_stella", "creator_metrics", "medium"), ("fans_only", "fan_count_estimate", "low"),
    ])
    func revenueLevels(page: String, source: String, confidence: String) {
        let a = profile(.string(page))["analytics_summary"]
        #expect(a?["mm_revenue_source"] == .string(source))
        #expect(a?["mm_revenue_confidence"] == .string(confidence))
    }

    @Test("profile sections, resolution and errors")
    func sections() {
        #expect(profile("fans_only")["analytics_summary"]?["mm_revenue_30d"] == 120.0)
        #expect(profile("premium_no_persona")["persona"]?["_default"] == true)
        let empty = profile("empty_vault")["allowed_content_types"]
        #expect(empty?["type_count"] == 0 && empty?["vault_hash"] == "sha256:e3b0c44298fc1c14")
        let avoid = Set(profile("all_avoid")["avoid_types"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        #expect(avoid.isSuperset(of: ["lingerie", "b/g"]))
        #expect(profile("stale_stella")["content_type_rankings"]?["is_stale"] == true)
        let dana = profile("dormant_dana")
        #expect(dana["found"] == true && dana["creator"]?["is_active"] == 0)
        #expect(profile("sophie_rae")["creator"]?["page_name"] == "Sophie_Rae")
        let bad = profile("maya@hill")
        #expect(bad["found"] == false && bad["error_code"] == "VALIDATION_ERROR" && bad["creator"] == .null)
        #expect(profile("ghost")["error_code"] == "CREATOR_NOT_FOUND")
        #expect(tools.getCreatorProfile(["creator_id": "alexia", "week_start": "2026-1-5"])["error_code"] == "INVALID_DATE")
        let slim = tools.getCreatorProfile(["creator_id": "alexia", "include_volume": false, "include_persona": false])
        #expect(slim["volume_assignment"] == nil && slim["persona"] == nil && slim["metadata"]?["mcp_calls_saved"] == 3)
    }

    @Test("get_volume_config parameter errors and tiers (values from the storage placeholder until wired)")
    func volumeConfig() {
        func config(_ page: String) -> ToolObject { tools.getVolumeConfig(["creator_id": .string(page), "week_start": "2026-01-05"]) }
        #expect(config("alexia")["tier"] == "STANDARD" && config("alexia")["mm_revenue_monthly"] == 1800.0)
        #expect(config("hysteresis_hold")["tier"] == "STANDARD" && config("hysteresis_drop")["tier"] == "LITE")
        #expect(config("premium_hysteresis")["tier"] == "PREMIUM")
        #expect(config("fans_only")["revenue_source"] == "fan_estimate" && config("fans_only")["mm_revenue_monthly"] == 120.0)
        #expect(config("struggling")["health"]?["status"] == "DEATH_SPIRAL")
        #expect(config("warning_wendy")["health"]?["consecutive_decline_weeks"] == 3)
        #expect(config("saturated_sam")["health"]?["saturation_score"] == 100)
        #expect(config("minimal_edge")["bump_multiplier"] == 2.67)
        #expect(tools.getVolumeConfig(["creator_id": "alexia", "week_start": "2026-1-5"])["error"] == "Invalid week_start format: 2026-1-5. Expected YYYY-MM-DD")
        #expect(tools.getVolumeConfig(["creator_id": "a", "week_start": "2026-01-05"])["error"] == "Invalid creator_id format: creator_id length must be 2-100 chars, got 1")
        #expect(tools.getVolumeConfig(["creator_id": "ghost", "week_start": "2026-01-05"])["error_code"] == "CREATOR_NOT_FOUND")
        let over = tools.getVolumeConfig(["creator_id": "alexia", "week_start": "2026-01-05", "tier_override": "premium", "trigger_overrides": []])
        #expect(over["tier"] == "PREMIUM" && over["overrides_applied"] == ["tier_override", "trigger_overrides"])
    }
}
