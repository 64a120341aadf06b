import Foundation
import Testing

@testable import RunnerKit

@Suite("Read data tools")
struct ReadToolsTests {
    static let dir = TempDirectory()
    static let tools: DataTools = DataTools(storage: try! StorageFixture.sampleDatabase(dir))

    var tools: DataTools { Self.tools }

    @Test("get_active_creators counts, filters, sorts and clamps as data-model.md §6.6 expects")
    func activeCreators() throws {
        let all = tools.getActiveCreators([:])
        #expect(all.total_count == 37)
        #expect(all.error_code == nil)
        for (tier, expected) in [("MINIMAL", 2), ("LITE", 5), ("STANDARD", 11), ("HIGH_VALUE", 6), ("premium", 5)] {
            #expect(tools.getActiveCreators(["tier": .string(tier)]).total_count == expected, "\(tier)")
        }
        let bad = tools.getActiveCreators(["tier": "High"])
        #expect(bad.error_code == "VALIDATION_ERROR")
        #expect(bad.error == "Invalid tier 'High'. Valid values: MINIMAL, LITE, STANDARD, HIGH_VALUE, PREMIUM")
        #expect(tools.getActiveCreators(["page_type": "free"]).total_count == 6)
        #expect(tools.getActiveCreators(["sort_by": "name", "sort_order": "asc"]).creators.first?.page_name == "Sophie_Rae")
        let byRevenue = tools.getActiveCreators(["sort_by": "revenue", "limit": 500])
        #expect(byRevenue.creators.first?.page_name == "whale_willa")
        #expect(byRevenue.creators.last?.page_name == "new_creator")
        #expect(tools.getActiveCreators(["limit": 1000]).limit == 500)
        let page = tools.getActiveCreators(["limit": 10, "offset": 30])
        #expect(page.count == 7 && page.metadata.has_more == false && page.metadata.page_info?.current_page == 4)
        let encoded = try ToolValue.encode(all)
        #expect(encoded["metadata"]?["filters_applied"] == .null)
        #expect(encoded["creators"]?.arrayValue?.first?["volume_tier"] != nil)
        let withDetails = tools.getActiveCreators(["include_volume_details": true, "tier": "STANDARD"])
        #expect(withDetails.creators.first?.volume_details?.ppv_per_day == 4)
        #expect(tools.getActiveCreators(["bogus": 1]).error == "Unknown parameter 'bogus' for get_active_creators")
        #expect(tools.getActiveCreators(["limit": "x"]).error == "limit must be integer")
    }

    static let malformed: [ToolValue] = [
        "", "   ", "maya@hill", "x'; DROP TABLE creators; --", "\"quoted\"", .string(String(repeating: "a", count: 500)), 42, "a",
    ]

    @Test("every creator tool refuses a malformed creator id with VALIDATION_ERROR", arguments: malformed)
    func malformedIDs(id: ToolValue) {
        #expect(tools.getAllowedContentTypes(["creator_id": id]).error_code == "VALIDATION_ERROR")
        #expect(tools.getContentTypeRankings(["creator_id": id]).error_code == "VALIDATION_ERROR")
        #expect(tools.getPersonaProfile(["creator_id": id])["error_code"] == "VALIDATION_ERROR")
        #expect(tools.getSchedules(["creator_id": id])["error_code"] == "VALIDATION_ERROR")
        #expect(tools.getActiveVolumeTriggers(["creator_id": id])["error_code"] == "VALIDATION_ERROR")
    }

    @Test("a well-formed unknown creator is CREATOR_NOT_FOUND (INVALID_CREATOR for get_schedules)")
    func unknownCreator() {
        #expect(tools.getAllowedContentTypes(["creator_id": "nobody"]).error == "Creator not found: nobody")
        #expect(tools.getContentTypeRankings(["creator_id": "nobody"]).error_code == "CREATOR_NOT_FOUND")
        #expect(tools.getSchedules(["creator_id": "nobody"])["error_code"] == "INVALID_CREATOR")
        #expect(tools.getPersonaProfile(["creator_id": "nobody"])["_default"] == true)
        #expect(tools.getActiveVolumeTriggers(["creator_id": "nobody"])["error_code"] == "CREATOR_NOT_FOUND")
    }

    @Test("vault: empty vault hash, case-insensitive resolution, input echo and result keys")
    func vault() throws {
        let empty = tools.getAllowedContentTypes(["creator_id": "empty_vault"])
        #expect(empty.type_count == 0)
        #expect(empty.metadata.vault_hash == "sha256:e3b0c44298fc1c14")
        let sophie = tools.getAllowedContentTypes(["creator_id": "sophie_rae"])
        #expect(sophie.creator_id == "sophie_rae")
        #expect(sophie.metadata.creator_resolved == StorageFixture.id("Sophie_Rae"))
        let alexia = tools.getAllowedContentTypes(["creator_id": "alexia"])
        #expect(Set(["lingerie", "b/g", "solo", "shower", "gym"]).isSubset(of: alexia.allowed_type_names))
        #expect(alexia.allowed_type_names == alexia.allowed_type_names.sorted())
        let keys = try ToolValue.encode(alexia).objectValue!.keys.sorted()
        #expect(keys == ["allowed_type_names", "allowed_types", "creator_id", "metadata", "type_count"])
        let bare = tools.getAllowedContentTypes(["creator_id": "alexia", "include_category": false])
        #expect(try ToolValue.encode(bare.allowed_types[0]).objectValue!.keys.sorted() == ["type_name"])
    }

    @Test("rankings: all_avoid avoids every allowed type, stale_stella is stale, no_rankings is empty")
    func rankings() throws {
        let allowed = tools.getAllowedContentTypes(["creator_id": "all_avoid"]).allowed_type_names
        let ranks = tools.getContentTypeRankings(["creator_id": "all_avoid"])
        #expect(Set(allowed).isSubset(of: ranks.avoid_types))
        #expect(ranks.metadata.data_age_days == 3)
        let stale = tools.getContentTypeRankings(["creator_id": "stale_stella"])
        #expect(stale.metadata.is_stale == true && stale.metadata.data_age_days == 30)
        let none = tools.getContentTypeRankings(["creator_id": "no_rankings"])
        #expect(none.total_types == 0 && none.metadata.analysis_date == nil && none.metadata.is_stale == false)
        let rps = ranks.rankings.compactMap(\.rps)
        #expect(rps == rps.sorted(by: >))
        let keys = try ToolValue.encode(ranks).objectValue!.keys.sorted()
        #expect(keys == ["avoid_types", "creator_id", "metadata", "rankings", "top_types", "total_types"])
    }

    @Test("persona: a row with _default false, the default persona when there is none")
    func persona() {
        let alexia = tools.getPersonaProfile(["creator_id": "alexia"])
        #expect(alexia["_default"] == false && alexia["primary_tone"] == "playful" && alexia["secondary_tone"] == "bratty")
        #expect(alexia.members.count == 12)
        let none = tools.getPersonaProfile(["creator_id": "premium_no_persona"])
        #expect(none["_default"] == true && none["creator_id"] == "premium_no_persona" && none["slang_level"] == "light")
    }

    @Test("get_schedules: 12 rows, 2 queued, null items for malformed or missing metadata, error codes")
    func schedules() {
        #expect(tools.getSchedules([:])["total_count"] == 12)
        #expect(tools.getSchedules(["status": "QUEUED"])["total_count"] == 2)
        let items = tools.getSchedules(["include_items": true, "limit": 50])["schedules"]?.arrayValue ?? []
        let nullPages = Set(items.filter { $0["items"] == .null }.compactMap { $0["creator_page_name"]?.stringValue })
        #expect(nullPages == ["rosa_free", "hv_free"])
        #expect(tools.getSchedules(["status": "done"])["error_code"] == "INVALID_STATUS")
        #expect(tools.getSchedules(["sort_by": "creator"])["error_code"] == "INVALID_SORT_FIELD")
        #expect(tools.getSchedules(["sort_order": "up"])["error"] == "Invalid sort_order: 'up'. Must be 'asc' or 'desc'")
        #expect(tools.getSchedules(["week_start": "2026-1-5"])["error_code"] == "INVALID_DATE")
        #expect(tools.getSchedules(["limit": "abc"])["limit"] == 50)
        #expect(tools.getSchedules(["limit": "3"])["count"] == 3)
        #expect(tools.getSchedules(["creator_id": "ALEXIA"])["total_count"] == 2)
    }

    @Test("send types: 22, 21 and 18 keys, never ppv_message, INVALID_PAGE_TYPE, cached on the second call")
    func sendTypes() {
        let local = DataTools(storage: tools.storage)
        let all = local.getSendTypes([:])
        #expect(all["counts"]?["total"] == 22)
        #expect(all["metadata"]?["source"] == "database")
        #expect(local.getSendTypes(["page_type": " Paid "])["counts"]?["total"] == 21)
        #expect(local.getSendTypesConstraints(["page_type": "free"])["counts"]?["total"] == 18)
        #expect(local.getSendTypes([:])["metadata"]?["source"] == "cache")
        let keys = all["all_send_type_keys"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(!keys.contains("ppv_message") && keys.first == "ppv_unlock")
        let bad = local.getSendTypes(["page_type": "premium"])
        #expect(bad["error_code"] == "INVALID_PAGE_TYPE")
        #expect(bad["error"] == "Invalid page_type: 'premium'. Valid values: 'paid', 'free', or null")
        let row = local.getSendTypes([:])["by_category"]?["revenue"]?.arrayValue?.first?.objectValue
        #expect(row?.count == 48)
        #expect(row?["requires_price"] == true)
        let constraint = local.getSendTypesConstraints([:])["by_category"]?["revenue"]?.arrayValue?.first?.objectValue
        #expect(constraint?.count == 9)
        #expect(all["metadata"]?["types_hash"]?.stringValue?.count == 12)
    }

    @Test("the dispatcher calls tools by name and refuses unknown names")
    func dispatch() {
        #expect(tools.call("get_active_creators", ["limit": 1])["count"] == 1)
        #expect(tools.call("no_such_tool", [:])["error_code"] == "VALIDATION_ERROR")
    }
}

@Suite("get_active_volume_triggers")
struct VolumeTriggerReadTests {
    var tools: DataTools { ReadToolsTests.tools }

    @Test("compounds, conflicts, clamps and zero-trigger reasons of data-model.md §6.6")
    func outcomes() {
        let alexia = tools.getActiveVolumeTriggers(["creator_id": "alexia"])
        #expect(alexia["count"] == 2 && alexia["compound_multiplier"] == 1.32)
        #expect(alexia["zero_triggers_context"] == .null)
        let carla = tools.getActiveVolumeTriggers(["creator_id": "conflict_carla"])
        #expect(carla["compound_multiplier"] == 1.02 && carla["has_conflicting_signals"] == true)
        let clara = tools.getActiveVolumeTriggers(["creator_id": "compound_clara"])
        let groups = Dictionary(
            uniqueKeysWithValues: (clara["compound_calculation"]?.arrayValue ?? []).map {
                ($0["content_type"]?.stringValue ?? "", $0)
            })
        #expect(groups["lingerie"]?["compound"] == 2.0 && groups["lingerie"]?["clamped"] == true)
        #expect(groups["feet"]?["compound"] == 0.5 && groups["feet"]?["clamped"] == true)
        #expect(groups["solo"]?["compound"] == 1.3 && groups["solo"]?["clamped"] == false)
        #expect(clara["compound_multiplier"] == 1.3 && clara["has_conflicting_signals"] == false)
        let paige = tools.getActiveVolumeTriggers(["creator_id": "premium_paige"])
        #expect(paige["compound_multiplier"] == 2.0)
        let paigeGroups = paige["compound_calculation"]?.arrayValue ?? []
        #expect(paigeGroups.allSatisfy { $0["clamped"] == false })
        let toys = paige["triggers"]?.arrayValue?.first { $0["content_type"] == "toys" }
        #expect(toys?["metrics_json"] == .object([:]))
        #expect(tools.getActiveVolumeTriggers(["creator_id": "expired_erin"])["zero_triggers_context"]?["reason"] == "all_expired")
        #expect(tools.getActiveVolumeTriggers(["creator_id": "old_trigger_olga"])["zero_triggers_context"]?["reason"] == "no_qualifying_performance")
        #expect(tools.getActiveVolumeTriggers(["creator_id": "new_creator"])["zero_triggers_context"]?["reason"] == "never_had_triggers")
        let luna = tools.getActiveVolumeTriggers(["creator_id": "luna_free"])
        #expect(luna["count"] == 0 && luna["zero_triggers_context"]?["reason"] == "all_expired")
        #expect(tools.getActiveVolumeTriggers(["creator_id": "  "])["error"] == "creator_id is required")
        #expect(alexia["metadata"]?["triggers_hash"]?.stringValue?.hasPrefix("sha256:") == true)
    }
}
