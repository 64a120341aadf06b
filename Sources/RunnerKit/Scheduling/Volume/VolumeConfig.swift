/// The counts of one date of the weekly distribution.
public struct DayVolume: Sendable, Equatable, Codable {
    public var date: DayDate
    public var revenue: Int
    public var engagement: Int
    public var retention: Int

    /// The count of a category.
    public func count(_ category: SendCategory) -> Int {
        switch category {
        case .revenue: revenue
        case .engagement: engagement
        case .retention: retention
        }
    }
}

/// A date whose calendar boost is above 1.0.
public struct CalendarBoostEntry: Sendable, Equatable, Codable {
    public var date: DayDate
    /// `holiday` (≥ 1.3) or `payday`.
    public var type: String
    public var multiplier: Double
}

/// The weekly volume plan of schedule-domain §3.5.
public struct VolumeConfig: Sendable, Equatable {
    public var tier: VolumeTier
    public var mmRevenueMonthly: Double
    /// `analytics` or `fan_estimate`.
    public var revenueSource: String
    public var previousTier: String?
    /// The week, in date order.
    public var days: [DayVolume]
    public var bumpMultiplier: Double
    public var calendarBoosts: [CalendarBoostEntry]
    /// Unrounded product of every trigger multiplier.
    public var triggerMultiplier: Double
    public var healthAdjustment: Int

    /// Computes the plan: base = max(lo, min(hi, round((lo+hi)/2 × tmult + hadj))) per category,
    /// then per date revenue × boost × weekend factor, engagement × weekend factor.
    public static func compute(
        tier: VolumeTier, mmRevenueMonthly: Double, revenueSource: String, previousTier: String?,
        contentCategory: String, weekStart: DayDate, triggerMultiplier: Double, healthAdjustment: Int
    ) -> VolumeConfig {
        func base(_ range: ClosedRange<Int>) -> Int {
            let mid = Double(range.lowerBound + range.upperBound) / 2
            let value = Rounding.halfEven(mid * triggerMultiplier + Double(healthAdjustment))
            return max(range.lowerBound, min(range.upperBound, value))
        }
        let baseRev = base(tier.revenueRange)
        let baseEng = base(tier.engagementRange)
        let baseRet = base(tier.retentionRange)
        var days: [DayVolume] = []
        var boosts: [CalendarBoostEntry] = []
        for date in CalendarRules.week(from: weekStart) {
            let boost = CalendarRules.boost(date)
            let dm = CalendarRules.weekendFactor(date)
            days.append(
                DayVolume(
                    date: date, revenue: Rounding.halfEven(Double(baseRev) * boost * dm),
                    engagement: Rounding.halfEven(Double(baseEng) * dm), retention: baseRet))
            if boost > 1.0 {
                boosts.append(CalendarBoostEntry(date: date, type: boost >= 1.3 ? "holiday" : "payday", multiplier: boost))
            }
        }
        return VolumeConfig(
            tier: tier, mmRevenueMonthly: mmRevenueMonthly, revenueSource: revenueSource, previousTier: previousTier,
            days: days, bumpMultiplier: CalendarRules.bumpMultiplier(category: contentCategory, tier: tier),
            calendarBoosts: boosts, triggerMultiplier: triggerMultiplier, healthAdjustment: healthAdjustment)
    }

    /// Weekly total of every category.
    public var weeklyTotal: Int { days.reduce(0) { $0 + $1.revenue + $1.engagement + $1.retention } }
}

extension VolumeConfig: Codable {
    enum CodingKeys: String, CodingKey {
        case tier, mmRevenueMonthly = "mm_revenue_monthly", revenueSource = "revenue_source"
        case previousTier = "previous_tier", revenuePerDay = "revenue_per_day"
        case engagementPerDay = "engagement_per_day", retentionPerDay = "retention_per_day"
        case weeklyDistribution = "weekly_distribution", bumpMultiplier = "bump_multiplier"
        case calendarBoosts = "calendar_boosts", triggerMultiplier = "trigger_multiplier"
        case healthAdjustment = "health_adjustment"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tier, forKey: .tier)
        try c.encode(mmRevenueMonthly, forKey: .mmRevenueMonthly)
        try c.encode(revenueSource, forKey: .revenueSource)
        try c.encode(previousTier, forKey: .previousTier)
        try c.encode([tier.revenueRange.lowerBound, tier.revenueRange.upperBound], forKey: .revenuePerDay)
        try c.encode([tier.engagementRange.lowerBound, tier.engagementRange.upperBound], forKey: .engagementPerDay)
        try c.encode([tier.retentionRange.lowerBound, tier.retentionRange.upperBound], forKey: .retentionPerDay)
        var dist: [String: DayVolume] = [:]
        for day in days { dist[day.date.weekday.rawValue] = day }
        try c.encode(dist, forKey: .weeklyDistribution)
        try c.encode(bumpMultiplier, forKey: .bumpMultiplier)
        try c.encode(calendarBoosts, forKey: .calendarBoosts)
        try c.encode(Rounding.halfUp(triggerMultiplier, places: 2), forKey: .triggerMultiplier)
        try c.encode(healthAdjustment, forKey: .healthAdjustment)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tier = try c.decode(VolumeTier.self, forKey: .tier)
        mmRevenueMonthly = try c.decode(Double.self, forKey: .mmRevenueMonthly)
        revenueSource = try c.decode(String.self, forKey: .revenueSource)
        previousTier = try c.decodeIfPresent(String.self, forKey: .previousTier)
        days = try c.decode([String: DayVolume].self, forKey: .weeklyDistribution).values.sorted { $0.date < $1.date }
        bumpMultiplier = try c.decode(Double.self, forKey: .bumpMultiplier)
        calendarBoosts = try c.decode([CalendarBoostEntry].self, forKey: .calendarBoosts)
        triggerMultiplier = try c.decode(Double.self, forKey: .triggerMultiplier)
        healthAdjustment = try c.decode(Int.self, forKey: .healthAdjustment)
    }
}
