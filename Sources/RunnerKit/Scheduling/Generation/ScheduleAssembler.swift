/// The `assemble_schedule` step: ordered items, parent indices, channels and flyer flags.
public enum AssemblyStep {
    /// Builds the schedule output (prices are left null for `price_items`).
    public static func run(
        _ context: CreatorContext, allocation: AllocationPlan, captions: CaptionPlan, timing: TimingPlan,
        followups: FollowupPlan
    ) -> ScheduleOutput {
        let placed = allocation.slots.indices.filter { timing.times[$0] != nil }.sorted { a, b in
            let (sa, sb) = (allocation.slots[a], allocation.slots[b])
            return sa.date != sb.date ? sa.date < sb.date : timing.times[a]! < timing.times[b]!
        }
        var itemIndex: [Int: Int] = [:]
        let items = placed.enumerated().map { position, s -> ScheduleEntry in
            itemIndex[s] = position
            let slot = allocation.slots[s]
            return ScheduleEntry(
                sendTypeKey: slot.key.rawValue, captionId: captions.captionIds[s], contentType: slot.contentType,
                scheduledDate: slot.date.description, scheduledTime: timing.times[s]!.description, price: nil,
                flyerRequired: slot.key.requiresFlyer ? 1 : 0, channelKey: context.constraint(slot.key).channelKey.rawValue)
        }
        let followupEntries = followups.followups.compactMap { f -> ScheduleEntry? in
            guard let parent = itemIndex[f.parentSlot] else { return nil }
            return ScheduleEntry(
                sendTypeKey: SendTypeKey.ppvFollowup.rawValue, captionId: f.captionId, contentType: f.contentType,
                scheduledDate: f.date.description, scheduledTime: f.time.description, price: nil, flyerRequired: 0,
                channelKey: ChannelKey.targetedMessage.rawValue, parentItemIndex: parent, delayMinutes: f.delayMinutes)
        }
        return ScheduleOutput(
            creatorId: context.creatorId, weekStart: context.referenceDate.description, timezone: context.timezone,
            items: items, followups: followupEntries,
            warnings: allocation.warnings + captions.warnings + timing.warnings + followups.warnings)
    }
}

/// The v5 built-in generator: the v4 building blocks composed in one call.
public enum BuiltinGenerator {
    /// Generates a priced schedule; throws `NO_ELIGIBLE_CONTENT` when vault − AVOID is empty.
    public static func generate(_ context: CreatorContext) throws(SchedulingError) -> ScheduleOutput {
        let analysis = PerformanceAnalysis.run(context)
        let allocation = try AllocationStep.run(context, analysis: analysis)
        let captions = CaptionStep.run(context, allocation: allocation)
        let timing = TimingStep.run(context, allocation: allocation)
        let followups = FollowupStep.run(context, allocation: allocation, captions: captions, timing: timing)
        let schedule = AssemblyStep.run(
            context, allocation: allocation, captions: captions, timing: timing, followups: followups)
        return PricingStep.run(context, schedule: schedule)
    }
}
