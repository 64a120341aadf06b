import Foundation
import Testing

@testable import RunnerKit

@Suite("Generator properties over random creators and weeks")
struct GeneratorPropertyTests {
    @Test("the built-in generator never emits a schedule its own gates reject, or fails with NO_ELIGIBLE_CONTENT")
    func neverRejectedByItsOwnGates() throws {
        var random = RandomCreatorData(seed: 20_260_105)
        var generated = 0
        var refused = 0
        var failures: [String] = []
        for index in 0..<240 {
            let (data, week) = random.make(index: index)
            let context = try CreatorContextBuilder.build(data, weekStart: week, generatedAt: SchedulingFixtures.fixedNow)
            switch Result(catching: { () throws(SchedulingError) -> ScheduleOutput in try BuiltinGenerator.generate(context) }) {
            case .success(let schedule):
                generated += 1
                let result = BuiltinValidator.validate(schedule, context: context, now: SchedulingFixtures.fixedNow)
                if result.hasGateViolation || result.validationStatus == .rejected {
                    failures.append(
                        "#\(index) \(context.volumeConfig.tier) \(context.pageType) \(week): \(result.qualityScore) \(result.violations.map(\.message))")
                }
                if index % 8 == 0 {
                    // Determinism and v4 = v5 on a sample of the cases (each costs a full generation).
                    let again = try? BuiltinGenerator.generate(context)
                    if again?.scheduleHash != schedule.scheduleHash { failures.append("#\(index): not deterministic") }
                    if let steps = try? Self.v4(context), steps != schedule { failures.append("#\(index): v4 differs from v5") }
                }
            case .failure(let error):
                refused += 1
                #expect(error == .noEligibleContent(context.creatorId))
                #expect(context.eligibleContent.isEmpty)
                #expect(ReadinessCheck.run(context).blockers == ["NO_ELIGIBLE_CONTENT"])
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures: \(failures.prefix(5))")
        #expect(generated >= 180)
        #expect(refused > 0)
    }

    /// The v4 phases run one by one.
    static func v4(_ context: CreatorContext) throws(SchedulingError) -> ScheduleOutput {
        let allocation = try AllocationStep.run(context, analysis: PerformanceAnalysis.run(context))
        let timing = TimingStep.run(context, allocation: allocation)
        let captions = CaptionStep.run(context, allocation: allocation)
        let followups = FollowupStep.run(context, captions: captions, timing: timing)
        return PricingStep.run(
            context,
            schedule: AssemblyStep.run(context, captions: captions, timing: timing, followups: followups))
    }
}
