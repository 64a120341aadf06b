/// One kept follow-up before assembly.
public struct PlannedFollowup: Sendable, Equatable, Codable {
    /// The parent's index in `AllocationPlan.slots`.
    public var parentSlot: Int
    public var date: DayDate
    public var time: ClockTime
    public var delayMinutes: Int
    public var contentType: String
    public var captionId: Int?

    enum CodingKeys: String, CodingKey {
        case parentSlot = "parent_slot", date, time, delayMinutes = "delay_minutes", contentType = "content_type"
        case captionId = "caption_id"
    }
}

/// The `followups` artifact.
public struct FollowupPlan: Sendable, Equatable, Codable {
    /// Chronological.
    public var followups: [PlannedFollowup]
    public var warnings: [GenerationWarning]
}

/// A placed parent candidate, independent of where it came from.
struct FollowupParent {
    var id: Int
    var key: SendTypeKey
    var date: DayDate
    var time: ClockTime
    var contentType: String
    var captionId: Int?
}

/// Follow-up candidates, selection and captions (§6.8).
public enum FollowupPlanner {
    /// The follow-up time of a parent: +28 minutes, +29 when that is round; nil after 23:30.
    public static func followupTime(after parent: ClockTime) -> (time: ClockTime, delay: Int)? {
        let delay = ClockTime(minutes: parent.minutes + 28).isRound ? 29 : 28
        let minutes = parent.minutes + delay
        guard minutes <= 23 * 60 + 30 else { return nil }
        return (ClockTime(minutes: minutes), delay)
    }

    /// Kept (parent, time, delay) per the price/tier/time order, ≤ 5 a date and ≥ 60 minutes apart.
    static func select(_ parents: [FollowupParent], context: CreatorContext) -> [(FollowupParent, ClockTime, Int)] {
        var candidates: [(parent: FollowupParent, time: ClockTime, delay: Int, price: Double, tier: Int)] = []
        let engine = PricingEngine(context: context)
        for parent in parents where parent.key.isFollowupParent {
            guard let (time, delay) = followupTime(after: parent.time) else { continue }
            let price = engine.price(
                key: parent.key, contentType: parent.contentType, date: parent.date, time: parent.time,
                caption: context.caption(id: parent.captionId)) ?? 0
            candidates.append((parent, time, delay, price, context.tier(of: parent.contentType).followupRank))
        }
        candidates.sort { a, b in
            if a.parent.date != b.parent.date { return a.parent.date < b.parent.date }
            if a.price != b.price { return a.price > b.price }
            if a.tier != b.tier { return a.tier < b.tier }
            return a.parent.time < b.parent.time
        }
        var kept: [(FollowupParent, ClockTime, Int)] = []
        for c in candidates {
            let sameDate = kept.filter { $0.0.date == c.parent.date }
            guard sameDate.count < 5, sameDate.allSatisfy({ abs($0.1.minutes - c.time.minutes) >= 60 }) else { continue }
            kept.append((c.parent, c.time, c.delay))
        }
        return kept.sorted { ($0.0.date, $0.1) < ($1.0.date, $1.1) }
    }
}

/// The `generate_followups` step.
public enum FollowupStep {
    /// Selects follow-ups of the placed parents and chooses their captions chronologically.
    public static func run(
        _ context: CreatorContext, allocation: AllocationPlan, captions: CaptionPlan, timing: TimingPlan
    ) -> FollowupPlan {
        let parents = allocation.slots.indices.compactMap { i -> FollowupParent? in
            guard let time = timing.times[i] else { return nil }
            let slot = allocation.slots[i]
            return FollowupParent(
                id: i, key: slot.key, date: slot.date, time: time, contentType: slot.contentType,
                captionId: captions.captionIds[i])
        }
        var selector = CaptionStep.replay(context, allocation: allocation, captions: captions)
        var planned: [PlannedFollowup] = []
        var warnings: [GenerationWarning] = []
        for (parent, time, delay) in FollowupPlanner.select(parents, context: context) {
            let id = selector.choose(key: .ppvFollowup, contentType: parent.contentType, date: parent.date)
            if id == nil {
                warnings.append(
                    GenerationWarning(
                        code: "CAPTION_POOL_EMPTY", date: parent.date, category: .retention, sendTypeKey: .ppvFollowup,
                        count: 1, reason: "caption"))
            }
            planned.append(
                PlannedFollowup(
                    parentSlot: parent.id, date: parent.date, time: time, delayMinutes: delay,
                    contentType: parent.contentType, captionId: id))
        }
        return FollowupPlan(followups: planned, warnings: warnings)
    }
}
