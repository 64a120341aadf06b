/// The `assemble_schedule` step: ordered items, parent indices, channels and flyer flags.
public enum AssemblyStep {
    /// Builds the schedule output (prices are left null for `price_items`).
    public static func run(
        _ context: CreatorContext, captions: CaptionPlan, timing: TimingPlan, followups: FollowupPlan
    ) -> ScheduleOutput {
        let slots = timing.slots
        let placed = slots.indices.filter { timing.times[$0] != nil }.sorted { a, b in
            let (sa, sb) = (slots[a], slots[b])
            return sa.date != sb.date ? sa.date < sb.date : timing.times[a]! < timing.times[b]!
        }
        var itemIndex: [Int: Int] = [:]
        let items = placed.enumerated().map { position, s -> ScheduleEntry in
            itemIndex[s] = position
            let slot = slots[s]
            return ScheduleEntry(
                sendTypeKey: slot.key.rawValue, captionId: captions.captionIds.indices.contains(s) ? captions.captionIds[s] : nil, contentType: slot.contentType,
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
            warnings: timing.allocationWarnings + captions.warnings + timing.warnings + followups.warnings)
    }
}
