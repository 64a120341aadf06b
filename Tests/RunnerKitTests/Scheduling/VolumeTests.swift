import Foundation
import Testing

@testable import RunnerKit

@Suite("Volume: tiers, hysteresis, health, calendar, triggers (§11.1–11.2)")
struct VolumeTests {
    @Test(
        "revenue maps to the highest tier whose minimum it reaches",
        arguments: [
            (0.0, VolumeTier.minimal), (100, .minimal), (149, .minimal), (-5, .minimal), (150, .lite), (500, .lite),
            (799, .lite), (800, .standard), (1500, .standard), (2500, .standard), (2999, .standard), (3000, .highValue),
            (5000, .highValue), (7999, .highValue), (8000, .premium), (15000, .premium), (100_000, .premium),
            (12_500, .premium), (2_500, .standard),
        ])
    func tiers(revenue: Double, tier: VolumeTier) {
        #expect(VolumeTier.calculated(revenue: revenue) == tier)
    }

    @Test(
        "a tier drop keeps the previous tier while revenue is at least 85% of its minimum",
        arguments: [
            (6900.0, "PREMIUM", VolumeTier.premium), (750, "STANDARD", .standard), (680, "STANDARD", .standard),
            (679, "STANDARD", .lite), (600, "STANDARD", .lite), (140, "LITE", .lite), (127.5, "LITE", .lite),
            (127, "LITE", .minimal), (600, "High", .lite), (600, " standard ", .lite), (700, " standard ", .standard),
        ])
    func hysteresis(revenue: Double, previous: String, tier: VolumeTier) {
        #expect(VolumeTier.withHysteresis(revenue: revenue, previous: previous) == tier)
    }

    @Test("fan counts estimate revenue at 2.50 per fan when analytics are zero")
    func fanEstimate() throws {
        var data = SchedulingFixtures.data("alexia")
        data.creator.currentMessageNet = 0
        data.creator.currentPostsNet = nil
        data.creator.currentFanCount = 1000
        let context = try CreatorContextBuilder.build(data, weekStart: SchedulingFixtures.week, generatedAt: Date())
        #expect(context.volumeConfig.tier == .standard)
        #expect(context.volumeConfig.revenueSource == "fan_estimate")
        #expect(context.mmRevenueMonthly == 2500)
    }

    @Test(
        "health status, score and adjustment follow saturation and decline",
        arguments: [
            (45, 0, 86.5, "HEALTHY", 0), (25, 0, 92.5, "HEALTHY", 1), (80, 5, 1.0, "DEATH_SPIRAL", -1),
            (50, 5, 10.0, "DEATH_SPIRAL", -1), (50, 2, 55.0, "WARNING", 0), (50, 3, 40.0, "WARNING", 0),
            (50, 4, 25.0, "DEATH_SPIRAL", -1), (50, 6, 0.0, "DEATH_SPIRAL", -1),
        ])
    func health(saturation: Int, decline: Int, score: Double, status: String, adjustment: Int) {
        let health = HealthReport(saturation: saturation, decline: decline)
        #expect(health.score == score)
        #expect(health.status == status)
        #expect(health.volumeAdjustment == adjustment)
        #expect(health.opportunityScore == 100 - saturation)
    }

    @Test("decline counts consecutive declining weeks newest first")
    func decline() {
        #expect(HealthReport.declineWeeks([202602: 900, 202601: 1000]) == 1)
        #expect(HealthReport.declineWeeks([202602: 900]) == 0)
        #expect(HealthReport.declineWeeks([202603: 1, 202602: 2, 202601: 3, 202552: 2]) == 2)
    }

    @Test("no sends in the 14-day window gives 50/50/0 and HEALTHY")
    func noSends() {
        let old = [MassMessageRow(sentDate: "2025-12-01", earnings: 5)]
        let health = HealthReport.compute(messages: old, reference: SchedulingFixtures.week)
        #expect(health == HealthReport(saturation: 50, decline: 0, opportunity: 50))
        #expect(health.status == "HEALTHY" && health.volumeAdjustment == 0)
        #expect(HealthReport.compute(messages: nil, reference: SchedulingFixtures.week) == .noData)
    }

    @Test("saturation is floor(sends14 / 28 × 100) capped at 100")
    func saturation() {
        let week = SchedulingFixtures.week
        func rows(_ n: Int) -> [MassMessageRow] {
            (0..<n).map { MassMessageRow(sentDate: week.adding(days: -1 - $0 % 14).description, earnings: 1) }
        }
        #expect(HealthReport.compute(messages: rows(25), reference: week).saturationScore == 89)
        #expect(HealthReport.compute(messages: rows(26), reference: week).saturationScore == 92)
        #expect(HealthReport.compute(messages: rows(60), reference: week).saturationScore == 100)
        #expect(HealthReport.compute(messages: rows(4), reference: week).volumeAdjustment == 1)
    }

    @Test(
        "calendar boosts: holiday beats payday, Thanksgiving and Black Friday are holidays",
        arguments: [
            ("2026-01-01", 1.3), ("2026-02-14", 1.3), ("2026-07-04", 1.3), ("2026-10-31", 1.3), ("2026-12-25", 1.3),
            ("2026-11-26", 1.3), ("2026-11-27", 1.3), ("2026-01-15", 1.2), ("2026-01-31", 1.2), ("2026-02-28", 1.2),
            ("2026-11-01", 1.2), ("2026-11-30", 1.2), ("2026-01-08", 1.0), ("2026-01-10", 1.0),
        ])
    func calendar(date: String, boost: Double) {
        #expect(CalendarRules.boost(DayDate(date)!) == boost)
    }

    @Test("runtime triggers: the first matching row wins, with confidence from uses")
    func runtimeTriggers() {
        func detect(_ conv: Double, _ sends: Int?, wow: Double? = nil, days: Int? = nil, open: Double? = nil) -> VolumeTrigger? {
            TriggerEngine.detect(
                RankingRow(
                    contentType: "x", analysisDate: "2026-01-01", performanceTier: "MID", avgRps: 1,
                    avgPurchaseRate: conv, sendCount: sends, wowRevenueChange: wow, openRateChange7d: open,
                    decliningDays: days), reference: SchedulingFixtures.week)
        }
        #expect(detect(7.0, 15)?.triggerType == "HIGH_PERFORMER")
        #expect(detect(7.0, 15)?.adjustmentMultiplier == 1.2)
        #expect(detect(7.0, 15)?.confidence == "high")
        #expect(detect(7.0, 15)?.reason == "Conversion 7.0%")
        #expect(detect(7.0, 2)?.triggerType == "HIGH_PERFORMER")
        #expect(detect(5.5, 2)?.triggerType == "EMERGING_WINNER")
        #expect(detect(5.5, 2)?.adjustmentMultiplier == 1.3)
        #expect(detect(5.5, 2)?.reason == "Conversion 5.5%, 2 uses/30d")
        #expect(detect(4.0, 10, wow: 20)?.triggerType == "TRENDING_UP")
        #expect(detect(4.0, 10, wow: 20)?.reason == "WoW revenue +20%")
        #expect(detect(4.0, 10, days: 4)?.triggerType == "SATURATING")
        #expect(detect(4.0, 10, days: 4)?.adjustmentMultiplier == 0.85)
        #expect(detect(4.0, 10, open: -15)?.triggerType == "AUDIENCE_FATIGUE")
        #expect(detect(4.0, 10, open: -15)?.reason == "Open rate -15%/7d")
        #expect(detect(0.075, 10)?.triggerType == "HIGH_PERFORMER")
        #expect(detect(7, 11)?.confidence == "high")
        #expect(detect(7, 5)?.confidence == "moderate")
        #expect(detect(7, 4)?.confidence == "low")
        #expect(detect(7, 0)?.confidence == "moderate")
        #expect(detect(4.0, 10) == nil)
        #expect(detect(7, 10)?.expiresAt == "2026-01-12T00:00:00.000Z")
    }

    @Test("database triggers come first; compounds clamp and flag conflicts")
    func mergeAndCompound() {
        let db = [
            VolumeTrigger(
                contentType: "lingerie", triggerType: "HIGH_PERFORMER", adjustmentMultiplier: 1.2, confidence: "high",
                reason: "", expiresAt: nil, source: "database")
        ]
        let runtime = [
            VolumeTrigger(
                contentType: "lingerie", triggerType: "HIGH_PERFORMER", adjustmentMultiplier: 1.2, confidence: "low",
                reason: "", expiresAt: nil, source: "runtime"),
            VolumeTrigger(
                contentType: "bikini", triggerType: "HIGH_PERFORMER", adjustmentMultiplier: 1.2, confidence: "low",
                reason: "Conversion 7.5%", expiresAt: nil, source: "runtime"),
        ]
        let merged = TriggerEngine.merge(database: db, runtime: runtime)
        #expect(merged.map(\.source) == ["database", "runtime"])
        #expect(merged.map(\.contentType) == ["lingerie", "bikini"])

        func trigger(_ c: String, _ m: Double) -> VolumeTrigger {
            VolumeTrigger(contentType: c, triggerType: "T\(m)", adjustmentMultiplier: m, confidence: "moderate", reason: "", expiresAt: nil, source: "database")
        }
        let set = [trigger("lingerie", 1.2), trigger("lingerie", 0.85)]
        let compound = TriggerEngine.compounds(set)
        #expect(compound.first?.compound == 1.02)
        #expect(compound.first?.hasConflictingSignals == true)
        #expect(Rounding.denoise(TriggerEngine.globalMultiplier(set + [trigger("b/g", 1.3)])) == 1.326)
        #expect(TriggerEngine.compounds([trigger("a", 1.8), trigger("a", 1.5)]).first?.compound == 2.0)
        #expect(TriggerEngine.compounds([trigger("a", 0.6), trigger("a", 0.75)]).first?.compound == 0.5)
    }

    @Test("database triggers expire at the reference instant and inactive rows are ignored")
    func expiry() {
        let instant = TriggerEngine.referenceInstant(SchedulingFixtures.week)
        let rows = [
            TriggerRow(contentType: "a", triggerType: "HIGH_PERFORMER", adjustmentMultiplier: 1.2, expiresAt: "2026-01-05T00:00:01Z"),
            TriggerRow(contentType: "b", triggerType: "HIGH_PERFORMER", adjustmentMultiplier: 1.2, expiresAt: "2026-01-05 00:00:00"),
            TriggerRow(contentType: "c", triggerType: "HIGH_PERFORMER", adjustmentMultiplier: 1.2, expiresAt: nil),
            TriggerRow(contentType: "d", triggerType: "HIGH_PERFORMER", adjustmentMultiplier: 1.2, expiresAt: nil, isActive: false),
        ]
        #expect(TriggerEngine.databaseTriggers(rows, referenceInstant: instant).map(\.contentType) == ["a", "c"])
    }
}
