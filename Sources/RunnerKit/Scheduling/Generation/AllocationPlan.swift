/// One allocated send slot of the week.
public struct AllocatedSlot: Sendable, Equatable, Codable {
    /// Position in allocation (processing) order over the week.
    public var index: Int
    public var date: DayDate
    public var category: SendCategory
    /// Index within its category on its date, in placement order.
    public var k: Int
    public var key: SendTypeKey
    /// Filled by content choice (§6.5).
    public var contentType: String

    enum CodingKeys: String, CodingKey {
        case index, date, category, k, key = "send_type_key", contentType = "content_type"
    }
}

/// The `allocation` artifact: day plans, slots with keys and content types, warnings (§6.2–6.5).
public struct AllocationPlan: Sendable, Equatable, Codable {
    public var dayPlans: [DayPlan]
    /// Slots in processing order: dates in order; within a date ppv_unlock, other revenue,
    /// engagement, retention, each group in allocation order.
    public var slots: [AllocatedSlot]
    public var warnings: [GenerationWarning]

    enum CodingKeys: String, CodingKey {
        case dayPlans = "day_plans", slots, warnings
    }
}

/// The `allocate_send_types` step: day plan, allocation, diversity, content types.
public enum AllocationStep {
    /// Runs §6.2–6.5; throws `NO_ELIGIBLE_CONTENT` when vault − AVOID is empty.
    public static func run(_ context: CreatorContext, analysis: PerformanceAnalysis? = nil) throws(SchedulingError)
        -> AllocationPlan
    {
        guard !context.eligibleContent.isEmpty else { throw .noEligibleContent(context.creatorId) }
        let (plans, planWarnings) = DayPlanner.plan(context)
        var allocator = SendTypeAllocator(context: context, plans: plans)
        allocator.allocate()
        allocator.applyDiversityGuarantees()
        var slots = allocator.orderedSlots()
        let compounds = analysis?.contentCompounds ?? context.contentCompounds
        ContentAssigner(context: context, compounds: compounds).assign(&slots)
        return AllocationPlan(dayPlans: plans, slots: slots, warnings: planWarnings + allocator.warnings)
    }
}
