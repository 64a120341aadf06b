import Foundation
import Testing

@testable import RunnerKit

@Suite("Hashes, jitter, caption score, pricing, follow-up timing (§11.3–11.4)")
struct HashPricingTests {
    @Test("vault hashes sort names by code point")
    func vaultHashes() {
        #expect(ScheduleHashing.namesHash(["lingerie", "b/g", "solo"]) == "sha256:2667e25a7a5257a7")
        #expect(ScheduleHashing.namesHash(["feet"]) == "sha256:a5add13655291fd6")
        #expect(ScheduleHashing.namesHash([]) == "sha256:e3b0c44298fc1c14")
    }

    static let hashEntries = [
        ScheduleEntry(
            sendTypeKey: "ppv_unlock", captionId: 12345, contentType: "lingerie", scheduledDate: "2026-01-06",
            scheduledTime: "19:23", price: 15, flyerRequired: 1, channelKey: "mass_message"),
        ScheduleEntry(
            sendTypeKey: "bump_normal", captionId: 222, contentType: "solo", scheduledDate: "2026-01-06",
            scheduledTime: "10:07", price: nil, flyerRequired: 0, channelKey: "mass_message"),
    ]

    @Test("schedule_hash sorts by date and time and renders Python floats and None")
    func scheduleHash() throws {
        #expect(ScheduleHashing.scheduleHash(Self.hashEntries) == "sha256:8af3360af629a7df")
        #expect(ScheduleHashing.scheduleHash([]) == "sha256:empty")
        #expect(ScheduleHashing.pythonFloat(12.5) == "12.5" && ScheduleHashing.pythonFloat(19) == "19.0")
        let json = Data(#"{"items":[{"send_type_key":"ppv_unlock","caption_id":12345,"content_type":"lingerie","scheduled_date":"2026-01-06","scheduled_time":"19:23","price":15},{"send_type_key":"bump_normal","caption_id":222.0,"content_type":"solo","scheduled_date":"2026-01-06","scheduled_time":"10:07","price":null}],"followups":[]}"#.utf8)
        let decoded = try JSONDecoder().decode(ScheduleOutput.self, from: json)
        #expect(decoded.scheduleHash == "sha256:8af3360af629a7df")
    }

    @Test("the certificate signature derives from schedule_hash and the timestamp")
    func signature() throws {
        let context = try SchedulingFixtures.context("alexia")
        let schedule = ScheduleOutput(creatorId: "alexia", weekStart: "2026-01-05", timezone: nil, items: Self.hashEntries, followups: [])
        let certificate = CertificateIssuer.issue(
            schedule: schedule, context: context, gate: GateData(vaultTypes: context.vaultTypes, avoidTypes: []),
            status: .approved, score: 90, violations: [], recommendations: [], checks: [:], now: SchedulingFixtures.fixedNow)
        #expect(certificate.certificateSignature == "vg-8af3360a-20260105T143000Z")
        #expect(certificate.validationTimestamp == "2026-01-05T14:30:00Z")
        #expect(certificate.upstreamProofVerified)
    }

    @Test("jitter is seeded by creator, date, category, k and attempt")
    func jitter() {
        #expect(ScheduleHashing.first32("alexia|2026-01-05|revenue|0|0") == 618_068_977)
        let monday = SchedulingFixtures.week
        func seeds(_ category: SendCategory, _ n: Int) -> [String] {
            (0..<n).map { SlotSeeds.seed(creatorId: "alexia", date: monday, category: category, k: $0).description }
        }
        #expect(seeds(.revenue, 5) == ["12:54", "13:12", "19:38", "20:49", "21:16"])
        #expect(seeds(.engagement, 5) == ["10:54", "09:11", "10:36", "11:54", "14:11"])
        #expect(seeds(.retention, 2) == ["08:59", "09:14"])
    }

    @Test("caption score: spam phrases by category and length bands")
    func captionScore() {
        let text = "Click here babe, hurry!! don't miss this"
        #expect(text.unicodeScalars.count == 40)
        #expect(CaptionScorer.score(text, category: .engagement) == 70)
        #expect(CaptionScorer.band(70) == "REVIEW")
        #expect(CaptionScorer.isValid(text, category: .engagement))
        #expect(CaptionScorer.score(text, category: .revenue) == 70)
        #expect(!CaptionScorer.isValid("   ", category: .engagement))
        #expect(CaptionScorer.score("THIS IS ALL CAPS AND LONG ENOUGH", category: .engagement) == 80)
        #expect(CaptionScorer.score("tiny", category: .engagement) == 70)
        #expect(CaptionScorer.score("Love this LOVE that love those ok", category: .engagement) == 90)
        #expect(CaptionScorer.score("love this love that ok", category: .engagement) == 90)
        #expect(CaptionScorer.score("love this and love that and more words", category: .engagement) == 100)
    }

    @Test(
        "caption score: phrases anywhere in any case, non-ASCII capitals and emoji",
        arguments: [
            ("Don't miss this one, CLICK HERE and act now", 60),  // 43 scalars: −10 −15 −15
            ("so close to a click her", 90),  // no phrase (cut short); 23 scalars below the ideal: −10
            ("ÉCLAIRS ÀND CRÈME FOR ÉVERYONE", 80),  // all capitals, non-ASCII included: −20
            ("Hurry 🔥🔥🔥🔥🔥🔥 before it is gone", 90),  // hurry −5, six emoji −5
            ("limited timelimited time, hurry", 85),  // each phrase once: −10 −5
        ])
    func captionScoreForms(text: String, expected: Int) {
        #expect(CaptionScorer.score(text, category: .engagement) == expected)
    }

    static func context(fans: Int = 5000) throws -> CreatorContext {
        var context = try SchedulingFixtures.context("alexia")
        context.pricingConfig.fanCount = fans
        return context
    }

    @Test("pricing compounds time, TOP, scarcity, freshness and bundle factors, then clamps")
    func pricing() throws {
        var context = try Self.context()
        // Content unused 20 days: move every lingerie PPV caption's last use back.
        for i in context.captions.indices where context.captions[i].contentType == "lingerie" {
            context.captions[i].creatorLastUsedDate = "2025-12-16"
        }
        let used = CaptionRow(
            captionId: 1, text: "x", captionType: "ppv_unlock", contentType: "lingerie", schedulableType: "ppv",
            performanceTier: 1, creatorLastUsedDate: "2025-12-01")
        let saturday = DayDate("2026-01-10")!
        #expect(
            PricingEngine.price(context: context, key: .ppvUnlock, contentType: "lingerie", date: saturday, time: ClockTime("19:23")!, caption: used) == 24)
        let fresh = CaptionRow(
            captionId: 2, text: "x", captionType: "ppv_unlock", contentType: "solo", schedulableType: "ppv", performanceTier: 1)
        #expect(
            PricingEngine.price(context: context, key: .ppvUnlock, contentType: "solo", date: DayDate("2026-01-06")!, time: ClockTime("08:41")!, caption: fresh) == 15)
        #expect(
            PricingEngine.price(context: context, key: .bundle, contentType: "solo", date: DayDate("2026-01-05")!, time: ClockTime("12:10")!, caption: used) == 15)
        let small = try Self.context(fans: 800)
        #expect(
            PricingEngine.price(context: small, key: .ppvUnlock, contentType: "lingerie", date: saturday, time: ClockTime("19:23")!, caption: used) == 15)
        #expect(PricingEngine.price(context: context, key: .bumpNormal, contentType: "solo", date: saturday, time: ClockTime("19:23")!, caption: nil) == nil)
    }

    @Test("follow-ups come 28 minutes later, 29 to avoid a round minute, none after 23:30")
    func followupTiming() {
        #expect(FollowupPlanner.followupTime(after: ClockTime("19:23")!)?.time.description == "19:51")
        #expect(FollowupPlanner.followupTime(after: ClockTime("19:23")!)?.delay == 28)
        #expect(FollowupPlanner.followupTime(after: ClockTime("23:15")!) == nil)
        #expect(FollowupPlanner.followupTime(after: ClockTime("19:02")!)?.time.description == "19:31")
        #expect(FollowupPlanner.followupTime(after: ClockTime("19:02")!)?.delay == 29)
    }
}
