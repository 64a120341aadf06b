import Foundation
import Testing

@testable import RunnerKit

@Suite("Daily volume table and worked examples (§11.2)")
struct DailyVolumeTests {
    static func day(_ tier: VolumeTier, hadj: Int, date: String, tmult: Double = 1, category: String = "softcore") -> String {
        let config = VolumeConfig.compute(
            tier: tier, mmRevenueMonthly: 0, revenueSource: "analytics", previousTier: nil, contentCategory: category,
            weekStart: DayDate(date)!, triggerMultiplier: tmult, healthAdjustment: hadj)
        let d = config.days[0]
        return "\(d.revenue)/\(d.engagement)/\(d.retention)"
    }

    // weekday, Fri–Sun, payday weekday, payday weekend, holiday weekday, holiday weekend
    static let dates = ["2026-01-06", "2026-01-09", "2026-01-15", "2026-01-31", "2026-01-01", "2026-02-14"]

    @Test(
        "each tier, adjustment and day kind gives the table's counts with half-to-even rounding",
        arguments: [
            (VolumeTier.minimal, 0, "2/2/1 2/2/1 2/2/1 3/2/1 3/2/1 3/2/1"),
            (.lite, 0, "3/3/2 3/3/2 4/3/2 4/3/2 4/3/2 4/3/2"),
            (.standard, 0, "5/5/2 6/6/2 6/5/2 7/6/2 6/5/2 7/6/2"),
            (.highValue, 0, "8/6/3 9/7/3 10/6/3 11/7/3 10/6/3 11/7/3"),
            (.premium, 0, "10/8/4 11/9/4 12/8/4 13/9/4 13/8/4 14/9/4"),
            (.lite, 1, "4/4/2 4/4/2 5/4/2 5/4/2 5/4/2 6/4/2"),
            (.standard, 1, "6/6/3 7/7/3 7/6/3 8/7/3 8/6/3 9/7/3"),
            (.highValue, 1, "8/8/4 9/9/4 10/8/4 11/9/4 10/8/4 11/9/4"),
            (.premium, 1, "11/9/5 12/10/5 13/9/5 15/10/5 14/9/5 16/10/5"),
            (.standard, -1, "4/4/2 4/4/2 5/4/2 5/4/2 5/4/2 6/4/2"),
            (.premium, -1, "9/7/3 10/8/3 11/7/3 12/8/3 12/7/3 13/8/3"),
            (.minimal, -1, "1/1/1 1/1/1 1/1/1 1/1/1 1/1/1 1/1/1"),
        ])
    func table(tier: VolumeTier, hadj: Int, expected: String) {
        let got = Self.dates.map { Self.day(tier, hadj: hadj, date: $0) }.joined(separator: " ")
        #expect(got == expected)
    }

    @Test(
        "plain Monday weeks total 35, 56, 90, 125 and 160",
        arguments: [(VolumeTier.minimal, 35), (.lite, 56), (.standard, 90), (.highValue, 125), (.premium, 160)])
    func plainWeeks(tier: VolumeTier, total: Int) {
        let config = VolumeConfig.compute(
            tier: tier, mmRevenueMonthly: 0, revenueSource: "analytics", previousTier: nil, contentCategory: "softcore",
            weekStart: DayDate("2026-01-05")!, triggerMultiplier: 1, healthAdjustment: 0)
        #expect(config.weeklyTotal == total)
        #expect(config.calendarBoosts.isEmpty)
    }

    @Test(
        "trigger multipliers scale the bases",
        arguments: [
            (1.2, VolumeTier.standard, "6/6/3"), (1.2, .highValue, "9/8/4"), (1.2, .premium, "12/10/5"),
            (0.85, .standard, "4/4/2"), (0.85, .premium, "8/7/3"), (0.75, .highValue, "6/5/2"),
            (1.2 * 0.85, .standard, "5/5/3"),
        ])
    func triggerBases(tmult: Double, tier: VolumeTier, expected: String) {
        #expect(Self.day(tier, hadj: 0, date: "2026-01-06", tmult: tmult) == expected)
    }

    @Test("worked example 1: STANDARD, HEALTHY +1, tmult 1.02, week 2026-01-26")
    func workedExample1() {
        let config = VolumeConfig.compute(
            tier: .standard, mmRevenueMonthly: 1500, revenueSource: "analytics", previousTier: nil,
            contentCategory: "softcore", weekStart: DayDate("2026-01-26")!, triggerMultiplier: 1.2 * 0.85,
            healthAdjustment: 1)
        let days = config.days.map { "\($0.revenue)/\($0.engagement)/\($0.retention)" }
        #expect(days == ["6/6/3", "6/6/3", "6/6/3", "6/6/3", "7/7/3", "8/7/3", "8/7/3"])
        #expect(config.calendarBoosts.map(\.date.description) == ["2026-01-31", "2026-02-01"])
        #expect(config.calendarBoosts.allSatisfy { $0.type == "payday" && $0.multiplier == 1.2 })
    }

    @Test("worked example 2: PREMIUM explicit, tmult 1.2, week 2026-02-09")
    func workedExample2() {
        let config = VolumeConfig.compute(
            tier: .premium, mmRevenueMonthly: 9000, revenueSource: "analytics", previousTier: nil,
            contentCategory: "explicit", weekStart: DayDate("2026-02-09")!, triggerMultiplier: 1.2, healthAdjustment: 0)
        let days = config.days.map { "\($0.revenue)/\($0.engagement)/\($0.retention)" }
        #expect(days == ["12/10/5", "12/10/5", "12/10/5", "12/10/5", "13/11/5", "17/11/5", "16/11/5"])
        #expect(config.bumpMultiplier == 1.5)
        #expect(config.calendarBoosts.map(\.type) == ["holiday", "payday"])
    }

    @Test("the bump multiplier is capped at 1.5 unless the tier is MINIMAL")
    func bump() {
        #expect(CalendarRules.bumpMultiplier(category: "explicit", tier: .minimal) == 2.67)
        #expect(CalendarRules.bumpMultiplier(category: "explicit", tier: .lite) == 1.5)
        #expect(CalendarRules.bumpMultiplier(category: "lifestyle", tier: .premium) == 1.0)
        #expect(CalendarRules.bumpMultiplier(category: "amateur", tier: .minimal) == 2.0)
    }
}
