/// The v5 built-in generator: the v4 building blocks composed in one call.
public enum BuiltinGenerator {
    /// Generates a priced schedule; throws `NO_ELIGIBLE_CONTENT` when vault − AVOID is empty.
    public static func generate(_ context: CreatorContext) throws(SchedulingError) -> ScheduleOutput {
        let analysis = PerformanceAnalysis.run(context)
        let allocation = try AllocationStep.run(context, analysis: analysis)
        let captions = CaptionStep.run(context, allocation: allocation)
        let timing = TimingStep.run(context, allocation: allocation)
        let followups = FollowupStep.run(context, captions: captions, timing: timing)
        let schedule = AssemblyStep.run(context, captions: captions, timing: timing, followups: followups)
        return PricingStep.run(context, schedule: schedule)
    }
}
