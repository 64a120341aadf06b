import Foundation
import Testing

@testable import RunnerKit

@Suite("Schedules for the sample dataset (data-model §6.6)", .serialized)
struct SampleDatasetScheduleTests {
    static let week = DayDate("2026-01-05")!
    static let noSchedule: Set<String> = ["empty_vault", "all_avoid", "new_creator"]
    static let inactive: Set<String> = ["dormant_dana", "inactive_hv", "inactive_premium"]
    static let roster = [
        "new_creator", "fans_only", "tiny_tess", "struggling", "minimal_edge", "dormant_dana", "luna_free", "lite_edge",
        "jade-lee", "rosa_free", "Sophie_Rae", "hysteresis_hold", "hysteresis_drop", "stale_stella", "alexia",
        "maya_hill", "standard_free", "all_avoid", "empty_vault", "saturated_sam", "warning_wendy", "no_rankings",
        "conflict_carla", "std_no_va", "grace_bennett", "hv_free", "hv_edge", "compound_clara", "expired_erin",
        "old_trigger_olga", "hv_low_sat", "hv_top_edge", "inactive_hv", "premium_paige", "premium_free", "premium_edge",
        "whale_willa", "premium_no_persona", "premium_hysteresis", "inactive_premium",
    ]

    static func context(_ store: CreatorDataStore, _ page: String) throws -> CreatorContext {
        let data = try store.loadCreatorData(creator: page, weekStart: week)
        return try CreatorContextBuilder.build(data, weekStart: week, generatedAt: SchedulingFixtures.fixedNow)
    }

    @Test("every active creator with eligible content gets an APPROVED schedule that passes every gate, twice the same")
    func everyCreator() throws {
        let dir = TempDirectory()
        let storage = try StorageFixture.sampleDatabase(dir)
        defer { try? storage.close() }
        let store = CreatorDataStore(storage: storage)
        var approved = 0
        for page in Self.roster {
            if Self.inactive.contains(page) {
                #expect(throws: SchedulingError.creatorInactive(StorageFixture.id(page))) { try Self.context(store, page) }
                continue
            }
            let context = try Self.context(store, page)
            if Self.noSchedule.contains(page) {
                #expect(ReadinessCheck.run(context).status == "BLOCKED", "\(page)")
                #expect(throws: SchedulingError.readinessBlocked(["NO_ELIGIBLE_CONTENT"])) { try ReadinessCheck.require(context) }
                #expect(throws: SchedulingError.noEligibleContent(context.creatorId)) { try BuiltinGenerator.generate(context) }
                continue
            }
            let schedule = try BuiltinGenerator.generate(context)
            let gate = try store.loadGateData(creatorId: context.creatorId)
            let result = BuiltinValidator.validate(schedule, context: context, gate: gate, now: SchedulingFixtures.fixedNow)
            #expect(result.violations.isEmpty, "\(page): \(result.violations.map(\.message)) \(result.componentScores)")
            #expect(result.validationStatus == .approved, "\(page): score \(result.qualityScore)")
            #expect(result.certificate.upstreamProofVerified, "\(page)")
            #expect(try BuiltinGenerator.generate(Self.context(store, page)).scheduleHash == schedule.scheduleHash, "\(page)")
            if result.validationStatus == .approved { approved += 1 }
        }
        #expect(approved == 34)
    }

    @Test("bad creator input: malformed id and unknown id")
    func badInput() throws {
        let dir = TempDirectory()
        let storage = try StorageFixture.sampleDatabase(dir)
        defer { try? storage.close() }
        let store = CreatorDataStore(storage: storage)
        #expect(throws: SchedulingError.validationError("creator_id contains invalid characters: @")) {
            try store.loadCreatorData(creator: "maya@hill", weekStart: Self.week)
        }
        #expect(throws: SchedulingError.creatorNotFound("nobody_here")) {
            try store.loadCreatorData(creator: "nobody_here", weekStart: Self.week)
        }
        #expect(try store.loadCreatorData(creator: " sophie_rae ", weekStart: Self.week).creator.pageName == "Sophie_Rae")
        #expect(throws: SchedulingError.invalidDate("2026-02-30")) { try SchedulingInput.weekStart("2026-02-30") }
    }

    @Test("volume outcomes of §6.6 for week W")
    func volumeOutcomes() throws {
        let dir = TempDirectory()
        let storage = try StorageFixture.sampleDatabase(dir)
        defer { try? storage.close() }
        let store = CreatorDataStore(storage: storage)
        func volume(_ page: String) throws -> CreatorContext { try Self.context(store, page) }
        let alexia = try volume("alexia")
        #expect(alexia.volumeConfig.tier == .standard && alexia.volumeConfig.revenueSource == "analytics")
        #expect(alexia.mmRevenueMonthly == 1800 && alexia.previousTier == "STANDARD")
        #expect(alexia.volumeConfig.tier.revenueRange == 4...6)
        let grace = try volume("grace_bennett")
        #expect(grace.volumeConfig.tier == .highValue)
        let graceDb = grace.activeTriggers.filter { $0.source == "database" }.reduce(1.0) { $0 * $1.adjustmentMultiplier }
        #expect(Rounding.denoise(graceDb) == 0.9)
        #expect(try volume("luna_free").volumeConfig.tier == .lite)
        let minimal = try volume("minimal_edge")
        #expect(minimal.volumeConfig.tier == .minimal && minimal.volumeConfig.bumpMultiplier == 2.67)
        for (page, tier) in [("lite_edge", VolumeTier.lite), ("std_no_va", .standard), ("hv_edge", .highValue), ("hv_top_edge", .highValue), ("premium_edge", .premium)] {
            let c = try volume(page)
            #expect(c.volumeConfig.tier == tier && c.volumeConfig.revenueSource == "analytics" && c.previousTier == nil, "\(page)")
        }
        let fans = try volume("fans_only")
        #expect(fans.volumeConfig.tier == .minimal && fans.volumeConfig.revenueSource == "fan_estimate" && fans.mmRevenueMonthly == 120)
        let newCreator = try volume("new_creator")
        #expect(newCreator.volumeConfig.tier == .minimal && newCreator.mmRevenueMonthly == 0)
        #expect(try volume("hysteresis_hold").volumeConfig.tier == .standard)
        #expect(try volume("hysteresis_drop").volumeConfig.tier == .lite)
        #expect(try volume("premium_hysteresis").volumeConfig.tier == .premium)
        let struggling = try volume("struggling")
        #expect(struggling.health.status == "DEATH_SPIRAL" && struggling.health.volumeAdjustment == -1)
        #expect([89, 92].contains(struggling.health.saturationScore))
        #expect(try volume("saturated_sam").health.saturationScore == 100)
        let wendy = try volume("warning_wendy")
        #expect(wendy.health.status == "WARNING" && wendy.health.consecutiveDeclineWeeks == 3)
        let low = try volume("hv_low_sat")
        #expect([14, 17].contains(low.health.saturationScore) && low.health.status == "HEALTHY" && low.health.volumeAdjustment == 1)
        let clara = try volume("compound_clara")
        let claraDb = clara.activeTriggers.filter { $0.source == "database" }.reduce(1.0) { $0 * $1.adjustmentMultiplier }
        #expect(Rounding.denoise(claraDb) == 1.5795)
        #expect(try volume("premium_no_persona").persona.isDefault)
        // luna_free's trigger expires at W 00:00:01: still active at the reference instant W 00:00:00,
        // although get_active_volume_triggers (clock T0 = W 12:00) reports it expired.
        #expect(try volume("luna_free").activeTriggers.contains { $0.source == "database" && $0.contentType == "solo" })
    }
}
