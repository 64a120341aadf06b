import Foundation
import Testing

@testable import RunnerKit

@Suite("Selecting learnings for a run")
struct LearningSelectorTests {
    static let ivy = CreatorLearningContext(pageName: "ivy_lane", creatorId: "cr_0007", tier: "HIGH_VALUE")

    @Test("only HIGH and MEDIUM entries in matching scopes are selected, in section 9 order")
    func example() throws {
        let file = try LearningsFixtures.file("valid/example.md")
        let (learnings, skipped) = LearningSelector.select(from: file, for: Self.ivy, today: "2026-03-06")
        #expect(learnings.map(\.id) == ["2026-03-04/mark-every-live-promo-as-a-flyer-send",
                                         "2026-03-05/spread-engagement-sends-between-paid-asks"])
        #expect(learnings.map(\.confidence) == ["HIGH", "MEDIUM"])
        #expect(skipped == 0)
        #expect(learnings[0].fields == [
            "Pattern": "live_promo items were emitted with flyer_required set to 0",
            "Issue": "Validator rejected 3 schedules with FLYER_REQUIREMENT_VIOLATION",
            "Correction": "Set flyer_required to 1 on every live_promo item, including slots moved while rebalancing a day",
            "Applies To": "creator:ivy_lane",
        ])
        let other = CreatorLearningContext(pageName: "bob", creatorId: "cr_1", tier: "STANDARD")
        #expect(LearningSelector.select(from: file, for: other, today: "2026-03-06").learnings.isEmpty)
    }

    @Test("order is HIGH before MEDIUM, then creator, tier, all, then newest first, then file order")
    func ordering() throws {
        let url = try LearningsFixtures.tempCopy("valid/skeleton.md")
        let writer = LearningsWriter(url: url, displayPath: "LEARNINGS.md", today: "2026-02-10")
        func add(_ tier: LearningTier, _ title: String, _ scope: String, date: String) throws {
            var fields: [(name: String, value: String)] = [("Pattern", "p \(title)"), ("Source", "user"), ("Applies To", scope),
                                                            ("Sample Size", "1")]
            if tier == .high { fields += [("Issue", "i"), ("Correction", "c")] } else { fields += [("Insight", "n")] }
            _ = try writer.write { try AddLearning(confidence: tier, title: title, date: date, fields: fields).change(to: $0, today: "2026-02-10") }
        }
        try add(.medium, "Medium Creator", "creator:cr_0007", date: "2026-02-03")
        try add(.high, "High All Old", "all", date: "2026-02-03")
        try add(.high, "High All New", "all", date: "2026-02-05")
        try add(.high, "High Tier", "tier:HIGH_VALUE", date: "2026-02-03")
        try add(.medium, "Medium Tier Other", "tier:LITE", date: "2026-02-03")
        try add(.high, "High Creator", "creator:ivy_lane", date: "2026-02-03")
        let selection = LearningSelector.load(url: url, for: Self.ivy, today: "2026-02-10")
        #expect(selection.learnings.map(\.title) == ["High Creator", "High Tier", "High All New", "High All Old", "Medium Creator"])
        #expect(selection.degradedReason == nil)
        #expect(selection.version == "1.6.0")
        #expect(selection.sha256?.count == 64)
    }

    @Test("a missing file gives zero learnings and a degraded selection instead of failing")
    func missing() throws {
        let url = try LearningsFixtures.tempCopy(nil)
        let selection = LearningSelector.load(url: url, for: Self.ivy, today: "2026-03-06")
        #expect(selection.learnings.isEmpty)
        #expect(selection.degradedReason != nil)
    }

    @Test("an entry with its own lint errors is skipped and counted")
    func brokenEntry() throws {
        let url = try LearningsFixtures.tempCopy("invalid/L025-missing-correction.md")
        let selection = LearningSelector.load(url: url, for: Self.ivy, today: "2026-03-06")
        #expect(selection.ids == ["2026-03-05/spread-engagement-sends-between-paid-asks"])
        #expect(selection.skippedEntries == 1)
        #expect(selection.degradedReason != nil)
    }
}
