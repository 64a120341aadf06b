import Foundation
import Testing

@testable import RunnerKit

@Suite("Validator vector: hand-built STANDARD Monday (§11.7) and §11.8 examples")
struct ValidatorVectorTests {
    static let neverUsedCaption = 999_001

    static func context() throws -> CreatorContext {
        var context = try SchedulingFixtures.context("alexia")
        context.captions.append(
            CaptionRow(
                captionId: neverUsedCaption, text: SchedulingFixtures.text("lingerie", 99), captionType: "ppv_unlock",
                contentType: "lingerie", schedulableType: "ppv", performanceTier: 2))
        return context
    }

    static func item(_ time: String, _ key: String, _ content: String, _ price: Double?, _ flyer: Int, _ channel: String, caption: Int? = nil)
        -> ScheduleEntry
    {
        ScheduleEntry(
            sendTypeKey: key, captionId: caption ?? 1001, contentType: content, scheduledDate: "2026-01-05",
            scheduledTime: time, price: price, flyerRequired: flyer, channelKey: channel)
    }

    static let items: [ScheduleEntry] = [
        item("08:07", "renew_on_post", "shower", nil, 0, "wall_post"),
        item("09:23", "bump_normal", "solo", nil, 0, "mass_message"),
        item("10:11", "link_drop", "gym", nil, 0, "mass_message"),
        item("11:03", "dm_farm", "shower", nil, 0, "mass_message"),
        item("12:07", "ppv_unlock", "lingerie", 19, 1, "mass_message", caption: neverUsedCaption),
        item("13:02", "bundle", "b/g", 15, 1, "mass_message", caption: 1015),
        item("14:08", "bump_descriptive", "solo", nil, 0, "mass_message"),
        item("14:58", "bump_flyer", "gym", nil, 1, "mass_message"),
        item("18:12", "renew_on_message", "solo", nil, 0, "targeted_message"),
        item("19:33", "ppv_unlock", "b/g", 17, 1, "mass_message", caption: 1016),
        item("20:41", "tip_goal", "solo", 15, 0, "wall_post"),
        item("21:38", "ppv_unlock", "lingerie", 17, 1, "mass_message", caption: 1002),
    ]

    @Test("follow-ups of parents 4, 9, 10, 11 keep 12:35, 20:01 and 22:06")
    func followups() throws {
        let context = try Self.context()
        let parents = Self.items.enumerated().map { i, e in
            FollowupParent(id: i, key: e.key!, date: e.date!, time: e.time!, contentType: e.contentType!, captionId: e.captionId)
        }
        let kept = FollowupPlanner.select(parents, context: context)
        #expect(kept.map { $0.1.description } == ["12:35", "20:01", "22:06"])
        #expect(kept.map { $0.0.id } == [4, 9, 11])
        #expect(kept.allSatisfy { $0.2 == 28 })
    }

    static func schedule() -> ScheduleOutput {
        let followups = [(4, "12:35", "lingerie"), (9, "20:01", "b/g"), (11, "22:06", "lingerie")].map { parent, time, content in
            ScheduleEntry(
                sendTypeKey: "ppv_followup", captionId: 2000 + parent, contentType: content, scheduledDate: "2026-01-05",
                scheduledTime: time, price: nil, flyerRequired: 0, channelKey: "targeted_message", parentItemIndex: parent,
                delayMinutes: 28)
        }
        return ScheduleOutput(creatorId: "alexia", weekStart: "2026-01-05", timezone: "America/New_York", items: items, followups: followups)
    }

    @Test("every gate but diversity passes; diversity misses one revenue type")
    func gates() throws {
        let context = try Self.context()
        let gate = GateData(vaultTypes: context.vaultTypes, avoidTypes: context.avoidTypes)
        let schedule = Self.schedule()
        #expect(StructuralCheck.run(schedule, weekStart: context.referenceDate).isEmpty)
        for index in [0, 1, 2, 4, 5, 6] {
            let found = HardGates.run(index, schedule: schedule, context: context, gate: gate)
            #expect(found.isEmpty, "gate \(index): \(found.map(\.message))")
        }
        let diversity = HardGates.run(3, schedule: schedule, context: context, gate: gate)
        #expect(diversity.map(\.code) == ["INSUFFICIENT_DIVERSITY"])
        #expect(diversity.first?.count == 1)
        let result = BuiltinValidator.validate(schedule, context: context, gate: gate, now: SchedulingFixtures.fixedNow)
        #expect(result.validationStatus == .rejected && result.qualityScore == 0)
        #expect(result.certificate.violationsFound["diversity"] == 1 && result.certificate.violationsFound["critical"] == 1)
        #expect(result.certificate.checksPerformed["send_type_diversity"] == true)
        #expect(result.certificate.checksPerformed["flyer_requirements"] == false)
        #expect(result.certificate.itemsValidated == 15)
    }

    @Test("cooldown: 3 of 11 pairs comply, earning 1.09 of the timing points")
    func cooldown() throws {
        let context = try Self.context()
        let itemsOnly = ScheduleOutput(creatorId: "alexia", weekStart: "2026-01-05", timezone: nil, items: Self.items, followups: [])
        let timing = QualityRubric.timing(itemsOnly, context: context)
        #expect(Rounding.halfUp(timing - 11, places: 2) == 1.09)
    }

    @Test("prices agree with the engine: 19 with freshness, 15 for the bundle at its floor, 17 for TOP")
    func prices() throws {
        let context = try Self.context()
        for item in Self.items where item.price != nil {
            let engine = PricingEngine.price(
                context: context, key: item.key!, contentType: item.contentType, date: item.date!, time: item.time!,
                caption: context.caption(id: item.captionId))
            #expect(engine == item.price, "\(item.scheduledTime!) \(item.sendTypeKey!)")
        }
        #expect(QualityRubric.pricing(Self.schedule(), context: context) == 15)
    }

    @Test("§11.8 gate examples")
    func gateExamples() throws {
        let context = try Self.context()
        let gate = GateData(vaultTypes: ["lingerie", "b/g", "solo"], avoidTypes: ["feet", "roleplay"])
        func schedule(_ content: String, time: String = "10:23") -> ScheduleOutput {
            ScheduleOutput(
                creatorId: "alexia", weekStart: "2026-01-05", timezone: nil,
                items: [Self.item(time, "bump_normal", content, nil, 0, "mass_message")], followups: [])
        }
        #expect(HardGates.run(0, schedule: schedule("lingerie"), context: context, gate: gate).isEmpty)
        #expect(HardGates.run(0, schedule: schedule("b/g"), context: context, gate: gate).isEmpty)
        #expect(HardGates.run(0, schedule: schedule("invalid_type"), context: context, gate: gate).first?.code == "VAULT_VIOLATION")
        #expect(HardGates.run(1, schedule: schedule("feet"), context: context, gate: gate).first?.code == "AVOID_TIER_VIOLATION")
        #expect(HardGates.run(5, schedule: schedule("solo", time: "04:30"), context: context, gate: gate).first?.code == "TIMING_COLLISION")
        #expect(HardGates.run(5, schedule: schedule("solo", time: "10:23"), context: context, gate: gate).isEmpty)
        #expect(HardGates.run(5, schedule: schedule("solo", time: "19:45"), context: context, gate: gate).isEmpty)
    }

    @Test("price bounds: 5.0, 25.0 and 50.0 pass, 4.99 fails", arguments: [(5.0, true), (25.0, true), (50.0, true), (4.99, false), (50.01, false)])
    func priceBounds(price: Double, passes: Bool) throws {
        let context = try Self.context()
        let schedule = ScheduleOutput(
            creatorId: "alexia", weekStart: "2026-01-05", timezone: nil,
            items: [Self.item("12:07", "ppv_unlock", "lingerie", price, 1, "mass_message")], followups: [])
        let found = HardGates.run(6, schedule: schedule, context: context, gate: GateData(vaultTypes: [], avoidTypes: []))
        #expect(found.isEmpty == passes)
        if !passes { #expect(found.first?.code == "PRICE_OUT_OF_BOUNDS") }
    }

    @Test("status bands: 87, 90, 80 approved; 70 needs review; 50 rejected", arguments: [(87, ValidationStatus.approved), (90, .approved), (80, .approved), (75, .approved), (74, .needsReview), (70, .needsReview), (60, .needsReview), (59, .rejected), (50, .rejected)])
    func bands(score: Int, status: ValidationStatus) {
        #expect(ValidationStatus.band(score: score) == status)
    }

    @Test("the §11.8 score example totals 97.15 and rounds to 97")
    func scoreExample() {
        let diversity = 8 * 13.0 / 14 + 6 + 3 * (1 - 2.0 / 80) + 3
        #expect(Rounding.halfUp(diversity, places: 2) == 19.35)
        let timing = 6 * 0.9 + 4 * 0.6 + 3 + 2
        #expect(Rounding.halfUp(timing, places: 2) == 12.8)
        let total = ComponentScores(vault: 25, avoid: 25, diversity: 19.35, timing: timing, pricing: 15).total
        #expect(Rounding.halfUp(total) == 97)
        let recs = BuiltinValidator.recommendations(
            ComponentScores(vault: 25, avoid: 25, diversity: diversity, timing: timing, pricing: 15),
            schedule: ScheduleOutput(creatorId: nil, weekStart: nil, timezone: nil, items: [], followups: []),
            context: try! Self.context())
        #expect(recs == ["diversity: 19.35/20", "timing: 12.80/15"])
    }

    @Test("structural checks name the entry and the missing key")
    func structural() throws {
        let json = Data(#"{"items":[{"send_type_key":"ppv_unlock","scheduled_time":"9:23","price":"cheap"},{"send_type_key":"ppv_followup","scheduled_date":"2026-01-05","scheduled_time":"10:00"}, 7],"followups":[{"send_type_key":"bump_normal","scheduled_date":"2026-02-05","scheduled_time":"10:00","parent_item_index":5}]}"#.utf8)
        let schedule = try JSONDecoder().decode(ScheduleOutput.self, from: json)
        let messages = StructuralCheck.run(schedule, weekStart: SchedulingFixtures.week).map(\.message)
        #expect(messages.contains("item[0]: missing required keys: scheduled_date"))
        #expect(messages.contains("item[0]: price must be a number or null"))
        #expect(messages.contains { $0.hasPrefix("item[0]: scheduled_time 9:23") })
        #expect(messages.contains("item[1]: items must not use ppv_followup"))
        #expect(messages.contains("item[2]: must be an object"))
        #expect(messages.contains("followup[0]: follow-ups must use ppv_followup, got bump_normal"))
        #expect(messages.contains { $0.hasPrefix("followup[0]: scheduled_date 2026-02-05 is outside") })
        #expect(messages.contains { $0.hasPrefix("followup[0]: parent_item_index 5") })
        let empty = try JSONDecoder().decode(ScheduleOutput.self, from: Data(#"{"items":[],"followups":null}"#.utf8))
        #expect(StructuralCheck.run(empty, weekStart: SchedulingFixtures.week).count == 2)
    }

    @Test("an external verdict can lower the status but never raise it")
    func combine() throws {
        let context = try SchedulingFixtures.context("alexia")
        let good = try BuiltinGenerator.generate(context)
        let now = SchedulingFixtures.fixedNow
        let review = ExternalVerdict(validationStatus: .needsReview, qualityScore: 70, violations: [], recommendations: ["x"])
        let combined = BuiltinValidator.combine(review, schedule: good, context: context, now: now)
        #expect(combined.validationStatus == .needsReview && combined.qualityScore == 70)
        let approve = ExternalVerdict(validationStatus: .approved, qualityScore: 99, violations: [], recommendations: [])
        var bad = good
        bad.items[0].contentType = "not_in_vault"
        let lowered = BuiltinValidator.combine(approve, schedule: bad, context: context, now: now)
        #expect(lowered.validationStatus == .rejected && lowered.qualityScore == 0)
        #expect(lowered.violations.first?.code == "VAULT_VIOLATION")
        #expect(lowered.certificate.validationStatus == .rejected)
        let reject = ExternalVerdict(
            validationStatus: .rejected, qualityScore: 40,
            violations: [Violation(code: "AGENT_SAYS_NO", message: "no", itemIndex: nil)], recommendations: [])
        let kept = BuiltinValidator.combine(reject, schedule: good, context: context, now: now)
        #expect(kept.validationStatus == .rejected && kept.violations.map(\.code) == ["AGENT_SAYS_NO"])
    }

    @Test("the alexia schedule passes every gate and is APPROVED with a verified certificate")
    func alexiaApproved() throws {
        let context = try SchedulingFixtures.context("alexia")
        let schedule = try BuiltinGenerator.generate(context)
        let result = BuiltinValidator.validate(schedule, context: context, now: SchedulingFixtures.fixedNow)
        #expect(result.violations.isEmpty, "\(result.violations.map(\.message))")
        #expect(result.validationStatus == .approved)
        #expect(result.qualityScore >= 85, "\(result.componentScores)")
        #expect(result.certificate.upstreamProofVerified)
        #expect(result.certificate.scheduleHash == schedule.scheduleHash)
        #expect(result.certificate.checksPerformed.values.allSatisfy { $0 })
    }
}
