import Foundation
import Testing

@testable import RunnerKit

@Suite("Creator context from raw rows (§2, §11.5)")
struct ContextTests {
    @Test("the alexia fixture is STANDARD, HEALTHY, 5/5/2 on weekdays and 6/6/2 on Fri–Sun")
    func alexia() throws {
        let context = try SchedulingFixtures.context("alexia")
        #expect(context.volumeConfig.tier == .standard)
        #expect(context.health.status == "HEALTHY" && context.health.score == 86.5)
        #expect(context.health.opportunityScore == 55 && context.health.volumeAdjustment == 0)
        let days = context.volumeConfig.days.map { "\($0.revenue)/\($0.engagement)/\($0.retention)" }
        #expect(days == ["5/5/2", "5/5/2", "5/5/2", "5/5/2", "6/6/2", "6/6/2", "6/6/2"])
        #expect(context.volumeConfig.weeklyTotal == 90)
        #expect(context.volumeConfig.bumpMultiplier == 1.5)
        #expect(context.activeTriggers.isEmpty)
        #expect(context.eligibleContent == ["lingerie", "b/g", "solo", "shower", "gym"])
        #expect(context.week.map { context.timingSlots[$0]?.count ?? 0 } == [12, 12, 12, 12, 14, 14, 14])
        #expect(context.pricingConfig == PricingConfig(basePrice: 15, fanCount: 5000, priceFloor: 5, priceCeiling: 50, activeAbExperiments: false))
    }

    @Test(
        "the other fixtures get their tiers, counts and slots",
        arguments: [
            ("grace_bennett", VolumeTier.highValue, [17, 17, 17, 17, 19, 19, 19]),
            ("luna_free", .lite, [8, 8, 8, 8, 8, 8, 8]),
            ("struggling", .minimal, [3, 3, 3, 3, 3, 3, 3]),
        ])
    func fixtures(name: String, tier: VolumeTier, slots: [Int]) throws {
        let context = try SchedulingFixtures.context(name)
        #expect(context.volumeConfig.tier == tier)
        #expect(context.week.map { context.timingSlots[$0]?.count ?? 0 } == slots)
    }

    @Test("struggling is DEATH_SPIRAL with score 1.0 and 1/1/1 a day; luna_free's bump is 1.0")
    func struggling() throws {
        let context = try SchedulingFixtures.context("struggling")
        #expect(context.health.status == "DEATH_SPIRAL" && context.health.score == 1.0)
        #expect(context.health.opportunityScore == 20 && context.volumeConfig.healthAdjustment == -1)
        #expect(try SchedulingFixtures.context("luna_free").volumeConfig.bumpMultiplier == 1.0)
    }

    @Test("an inactive creator is refused with CREATOR_INACTIVE")
    func inactive() {
        var data = SchedulingFixtures.data("alexia")
        data.creator.isActive = false
        #expect(throws: SchedulingError.creatorInactive("alexia")) {
            try CreatorContextBuilder.build(data, weekStart: SchedulingFixtures.week, generatedAt: Date())
        }
    }

    @Test("defaults: paid page, Los Angeles, softcore, 15.00 base price, default persona")
    func defaults() throws {
        var data = SchedulingFixtures.data("alexia")
        data.creator.pageType = nil
        data.creator.timezone = nil
        data.creator.contentCategory = "weird"
        data.creator.basePrice = -3
        data.persona = nil
        data.triggers = nil
        let context = try CreatorContextBuilder.build(data, weekStart: SchedulingFixtures.week, generatedAt: Date())
        #expect(context.pageType == .paid && context.timezone == "America/Los_Angeles")
        #expect(context.contentCategory == "softcore" && context.pricingConfig.basePrice == 15)
        #expect(context.persona.isDefault && context.persona.primaryTone == "playful")
        #expect(context.triggersDegraded)
    }

    @Test("previous tier is the latest active assignment; unknown ranking tiers become MID")
    func previousTier() throws {
        var data = SchedulingFixtures.data("alexia")
        data.assignments = [
            AssignmentRow(volumeLevel: "PREMIUM", isActive: false, assignedAt: "2025-12-30T00:00:00.000Z"),
            AssignmentRow(volumeLevel: "HIGH_VALUE", isActive: true, assignedAt: "2025-12-20T00:00:00.000Z"),
        ]
        data.rankings[2].performanceTier = "SUPER"
        data.creator.currentMessageNet = 2600
        let context = try CreatorContextBuilder.build(data, weekStart: SchedulingFixtures.week, generatedAt: Date())
        #expect(context.previousTier == "HIGH_VALUE")
        #expect(context.volumeConfig.tier == .highValue)
        #expect(context.tier(of: "solo") == .mid)
    }

    @Test("the context encodes with snake_case keys and explicit nulls, and round-trips")
    func json() throws {
        let context = try SchedulingFixtures.context("alexia")
        let data = try context.jsonData()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in [
            "creator_id", "page_name", "page_type", "timezone", "content_category", "fan_count", "mm_revenue_monthly",
            "previous_tier", "vault_types", "rankings", "avoid_types", "eligible_content", "persona", "health",
            "active_triggers", "volume_config", "pricing_config", "send_type_constraints", "timing_slots",
            "reference_date", "generated_at",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["previous_tier"] is NSNull)
        let volume = try #require(object["volume_config"] as? [String: Any])
        let weekly = try #require(volume["weekly_distribution"] as? [String: Any])
        #expect(weekly.keys.sorted() == Weekday.allCases.map(\.rawValue).sorted())
        let decoded = try JSONDecoder().decode(CreatorContext.self, from: data)
        #expect(decoded.volumeConfig.days == context.volumeConfig.days)
        #expect(decoded.timingSlots == context.timingSlots)
        #expect(decoded.captions == context.captions)
    }
}
