import Foundation

/// The Learnings section of `runner explain --creator ID` (learnings.md §9): the creator's tier
/// and the learnings that apply to it today, in selection order.
public struct ExplainLearnings: Sendable, Hashable {
    /// The volume tier resolved for the creator's next week, nil when its context cannot be built.
    public var tier: String?
    /// The applicable learnings (id, confidence, title; `fields["Applies To"]` is the scope).
    public var learnings: [ApplicableLearning]
    /// The Version of the LEARNINGS.md read, nil when none was.
    public var version: String?
    /// Why the selection degraded (missing file, lint errors), nil when it did not.
    public var degradedReason: String?

    /// Selects for `creator` from `<configRoot>/LEARNINGS.md` as a run of the default week
    /// (the first Monday after today) would, with the tier its context resolves to.
    public static func build(creator: CreatorRef, storage: Storage, configRoot: URL?, clock: RunnerClock)
        -> ExplainLearnings
    {
        let today = clock.today()
        var tier: String?
        if let week = DayDate(RunRequest.defaultWeek(today: today)),
            let data = try? CreatorDataStore(storage: storage).loadCreatorData(creator: creator.creatorId, weekStart: week),
            let context = try? CreatorContextBuilder.build(data, weekStart: week, generatedAt: clock.now())
        {
            tier = context.volumeConfig.tier.rawValue
        }
        let identity = CreatorIdentity(
            creatorId: creator.creatorId, pageName: creator.pageName, isActive: creator.isActive, pageType: "")
        let selection = RunLearnings(configRoot: configRoot, creator: identity, today: today).selection(tier: tier)
        return ExplainLearnings(
            tier: tier, learnings: selection.learnings, version: selection.version,
            degradedReason: selection.degradedReason)
    }
}
