import Foundation

/// What-if replacements of get_volume_config (data-model §4.7); each replaces one input only.
public struct VolumeOverrides: Sendable, Equatable {
    /// Replaces the tier after hysteresis.
    public var tier: VolumeTier?
    /// Replaces the merged trigger list (source `simulated`); an empty list means no triggers.
    public var triggers: [(contentType: String?, multiplier: Double)]?
    /// Replaces the health output.
    public var health: HealthReport?

    /// No overrides.
    public init(tier: VolumeTier? = nil, triggers: [(contentType: String?, multiplier: Double)]? = nil, health: HealthReport? = nil) {
        self.tier = tier
        self.triggers = triggers
        self.health = health
    }

    public static func == (lhs: VolumeOverrides, rhs: VolumeOverrides) -> Bool {
        lhs.tier == rhs.tier && lhs.health == rhs.health
            && lhs.triggers?.map { "\($0.contentType ?? "")|\($0.multiplier)" }
                == rhs.triggers?.map { "\($0.contentType ?? "")|\($0.multiplier)" }
    }
}

/// The volume algorithm of schedule-domain §3 as one call: the single definition shared by the
/// creator context, get_volume_config and get_creator_profile's volume section.
public struct VolumePlan: Sendable, Equatable {
    public var config: VolumeConfig
    public var health: HealthReport
    /// The merged §3.3 list (database first, then runtime), or the simulated one.
    public var activeTriggers: [VolumeTrigger]
    public var triggersDegraded: Bool
    public var compounds: [ContentCompound]

    /// Computes the plan from raw rows for the week starting `weekStart`.
    public static func compute(_ data: CreatorData, weekStart: DayDate, overrides: VolumeOverrides = VolumeOverrides())
        -> VolumePlan
    {
        let row = data.creator
        let msg = row.currentMessageNet ?? 0
        let posts = row.currentPostsNet ?? 0
        let analytics = msg > 0 || posts > 0
        let fans = max(0, row.currentFanCount ?? 0)
        let revenue = Rounding.halfEven(max(0, analytics ? msg + posts : Double(fans) * 2.5), places: 2)
        let previous = data.assignments.filter(\.isActive).max { $0.assignedAt < $1.assignedAt }?.volumeLevel
        let tier = overrides.tier ?? VolumeTier.withHysteresis(revenue: revenue, previous: previous)
        let health = overrides.health ?? HealthReport.compute(messages: data.massMessages, reference: weekStart)
        let triggers: [VolumeTrigger]
        if let simulated = overrides.triggers {
            triggers = simulated.map {
                VolumeTrigger(
                    contentType: $0.contentType ?? "", triggerType: "SIMULATED", adjustmentMultiplier: $0.multiplier,
                    confidence: "moderate", reason: "simulated", expiresAt: nil, source: "simulated")
            }
        } else {
            let latest = data.rankings.map(\.analysisDate).max()
            let rows = data.rankings.filter { $0.analysisDate == latest }.sorted(by: CreatorContextBuilder.rankingOrder)
            let database = TriggerEngine.databaseTriggers(
                data.triggers ?? [], referenceInstant: TriggerEngine.referenceInstant(weekStart))
            let runtime = rows.compactMap { TriggerEngine.detect($0, reference: weekStart) }
            triggers = TriggerEngine.merge(database: database, runtime: runtime)
        }
        let categories: Set<String> = ["lifestyle", "softcore", "amateur", "explicit"]
        let category = row.contentCategory.flatMap { categories.contains($0) ? $0 : nil } ?? "softcore"
        let config = VolumeConfig.compute(
            tier: tier, mmRevenueMonthly: revenue, revenueSource: analytics ? "analytics" : "fan_estimate",
            previousTier: previous, contentCategory: category, weekStart: weekStart,
            triggerMultiplier: TriggerEngine.globalMultiplier(triggers), healthAdjustment: health.volumeAdjustment)
        return VolumePlan(
            config: config, health: health, activeTriggers: triggers, triggersDegraded: data.triggers == nil,
            compounds: TriggerEngine.compounds(triggers))
    }
}
