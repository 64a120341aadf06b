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
}
