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
                if result.hasGateViolation {
                    failures.append("#\(index) \(context.volumeConfig.tier) \(context.pageType) \(week): \(result.violations.map(\.message))")
                }
                let again = try? BuiltinGenerator.generate(context)
                if again?.scheduleHash != schedule.scheduleHash { failures.append("#\(index): not deterministic") }
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
}
