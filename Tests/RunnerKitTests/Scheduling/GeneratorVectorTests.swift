import Foundation
import Testing

@testable import RunnerKit

@Suite("Generator vector: alexia, week 2026-01-05 (§11.6)")
struct GeneratorVectorTests {
    static func schedule() throws -> ScheduleOutput {
        try BuiltinGenerator.generate(try SchedulingFixtures.context("alexia"))
    }

    @Test("each date gets the allocation of the §11.6 table")
    func allocationTable() throws {
        let plan = try AllocationStep.run(try SchedulingFixtures.context("alexia"))
        let expected: [[String]] = [
            ["ppv_unlock", "ppv_unlock", "ppv_unlock", "bundle", "tip_goal", "bump_normal", "bump_descriptive", "bump_flyer", "link_drop", "dm_farm", "renew_on_post", "renew_on_message"],
            ["ppv_unlock", "ppv_unlock", "ppv_unlock", "first_to_tip", "flash_bundle", "bump_text_only", "bump_normal", "bump_descriptive", "wall_link_drop", "live_promo", "expired_winback", "renew_on_post"],
            ["ppv_unlock", "ppv_unlock", "ppv_unlock", "game_post", "tip_goal", "bump_flyer", "bump_text_only", "bump_normal", "like_farm", "link_drop", "renew_on_post", "renew_on_message"],
            ["ppv_unlock", "ppv_unlock", "ppv_unlock", "bundle", "tip_goal", "bump_descriptive", "bump_flyer", "bump_text_only", "dm_farm", "wall_link_drop", "expired_winback", "renew_on_post"],
            ["ppv_unlock", "ppv_unlock", "ppv_unlock", "ppv_unlock", "first_to_tip", "flash_bundle", "bump_normal", "bump_descriptive", "bump_flyer", "bump_text_only", "live_promo", "like_farm", "renew_on_post", "renew_on_message"],
            ["ppv_unlock", "ppv_unlock", "ppv_unlock", "ppv_unlock", "game_post", "tip_goal", "bump_normal", "bump_descriptive", "bump_flyer", "bump_text_only", "link_drop", "dm_farm", "expired_winback", "renew_on_post"],
            ["ppv_unlock", "ppv_unlock", "ppv_unlock", "ppv_unlock", "snapchat_bundle", "bundle", "bump_normal", "bump_descriptive", "bump_flyer", "bump_text_only", "wall_link_drop", "live_promo", "renew_on_post", "renew_on_message"],
        ]
        for (i, date) in CalendarRules.week(from: SchedulingFixtures.week).enumerated() {
            let keys = plan.slots.filter { $0.date == date }.map(\.key.rawValue)
            #expect(keys == expected[i], "date \(date)")
        }
        #expect(plan.warnings.isEmpty)
        let tuesdayFirst = plan.slots.first { $0.date == SchedulingFixtures.week.adding(days: 1) }
        #expect(tuesdayFirst?.contentType == "lingerie")
    }

    @Test("Monday's twelve items have the vector's times, keys, content, prices, flyers and channels")
    func monday() throws {
        let schedule = try Self.schedule()
        let monday = schedule.items.filter { $0.scheduledDate == "2026-01-05" }
        let rows = monday.map { item in
            [
                item.scheduledTime ?? "", item.sendTypeKey ?? "", item.contentType ?? "",
                item.price.map { String($0) } ?? "null", String(item.flyerRequired ?? -1), item.channelKey ?? "",
            ].joined(separator: " ")
        }
        #expect(
            rows == [
                "08:04 renew_on_post lingerie null 0 wall_post",
                "09:11 bump_descriptive b/g null 0 mass_message",
                "09:56 bump_flyer solo null 1 mass_message",
                "10:54 bump_normal lingerie null 0 mass_message",
                "12:04 bundle shower 15.0 1 mass_message",
                "12:54 ppv_unlock lingerie 17.0 1 mass_message",
                "13:41 tip_goal gym 15.0 0 wall_post",
                "14:29 link_drop shower null 0 mass_message",
                "15:16 dm_farm gym null 0 mass_message",
                "18:04 renew_on_message b/g null 0 targeted_message",
                "19:02 ppv_unlock b/g 17.0 1 mass_message",
                "21:03 ppv_unlock solo 15.0 1 mass_message",
            ])
    }

    @Test("Monday keeps follow-ups at 13:22, 19:31 and 21:31 and drops 14:09")
    func mondayFollowups() throws {
        let schedule = try Self.schedule()
        let monday = schedule.followups.filter { $0.scheduledDate == "2026-01-05" }
        #expect(monday.map { $0.scheduledTime ?? "" } == ["13:22", "19:31", "21:31"])
        #expect(monday.map { $0.parentItemIndex ?? -1 } == [5, 10, 11])
        #expect(monday.map { $0.delayMinutes ?? -1 } == [28, 29, 28])
        #expect(monday.map { $0.contentType ?? "" } == ["lingerie", "b/g", "solo"])
        #expect(monday.allSatisfy { $0.channelKey == "targeted_message" && $0.flyerRequired == 0 && $0.price == nil })
        #expect(monday.allSatisfy { $0.captionId != nil })
    }

    @Test("generation is deterministic: the same schedule_hash twice")
    func deterministic() throws {
        #expect(try Self.schedule().scheduleHash == Self.schedule().scheduleHash)
    }

    @Test("running the v4 steps separately gives the identical schedule")
    func v4EqualsV5() throws {
        let context = try SchedulingFixtures.context("alexia")
        let readiness = try ReadinessCheck.require(context)
        #expect(readiness.status != "BLOCKED")
        let analysis = PerformanceAnalysis.run(context)
        let allocation = try AllocationStep.run(context, analysis: analysis)
        let timing = TimingStep.run(context, allocation: allocation)
        let captions = CaptionStep.run(context, allocation: allocation)
        let followups = FollowupStep.run(context, allocation: allocation, captions: captions, timing: timing)
        let assembled = AssemblyStep.run(context, allocation: allocation, captions: captions, timing: timing, followups: followups)
        let priced = PricingStep.run(context, schedule: assembled)
        #expect(priced == (try BuiltinGenerator.generate(context)))
    }
}
