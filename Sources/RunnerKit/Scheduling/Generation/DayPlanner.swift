/// The capped counts of one date (schedule-domain §6.2).
public struct DayPlan: Sendable, Equatable, Codable {
    public var date: DayDate
    public var revenue: Int
    public var engagement: Int
    public var retention: Int
    public var isVipDate: Bool
    public var isSnapchatDate: Bool

    enum CodingKeys: String, CodingKey {
        case date, revenue, engagement, retention, isVipDate = "is_vip_date", isSnapchatDate = "is_snapchat_date"
    }

    /// The count of a category.
    public func count(_ category: SendCategory) -> Int {
        switch category {
        case .revenue: revenue
        case .engagement: engagement
        case .retention: retention
        }
    }
}

/// Caps the weekly distribution into day plans.
public enum DayPlanner {
    /// The 7 day plans and the VOLUME_CAPPED warnings they produce.
    public static func plan(_ context: CreatorContext) -> (plans: [DayPlan], warnings: [GenerationWarning]) {
        let week = context.week
        let vip = CalendarRules.vipDate(week: week)
        let snap = CalendarRules.snapchatDate(week: week)
        let page = context.pageType
        let retentionCap = [SendTypeKey.renewOnPost, .renewOnMessage, .expiredWinback]
            .reduce(0) { $0 + context.constraint($1).maxPerDay }
        let engagementMin = context.volumeConfig.tier.engagementRange.lowerBound
        var plans: [DayPlan] = []
        var warnings: [GenerationWarning] = []
        for date in week {
            let day = context.dayVolume(date) ?? DayVolume(date: date, revenue: 0, engagement: 0, retention: 0)
            let t = page == .free ? 0 : min(day.retention, retentionCap)
            var capacity = 0
            for key in SendTypeKey.allCases where key.category == .revenue && key.allowed(on: page) {
                let c = context.constraint(key)
                if c.maxPerWeek == nil {
                    capacity += c.maxPerDay
                } else if key == .vipProgram, date == vip {
                    capacity += c.maxPerDay
                } else if key == .snapchatBundle, date == snap {
                    capacity += c.maxPerDay
                }
            }
            var r = min(max(0, day.revenue), capacity)
            if day.revenue > r { warnings.append(.capped(date, .revenue, nil, day.revenue - r, "capacity")) }
            var e = min(max(0, day.engagement), 18)
            if day.engagement > e { warnings.append(.capped(date, .engagement, nil, day.engagement - e, "capacity")) }
            var tt = t
            var cut: [SendCategory: Int] = [:]
            while r + e + tt > 23 {
                if e > engagementMin {
                    e -= 1
                    cut[.engagement, default: 0] += 1
                } else if tt > 1 {
                    tt -= 1
                    cut[.retention, default: 0] += 1
                } else {
                    r -= 1
                    cut[.revenue, default: 0] += 1
                }
            }
            for category in SendCategory.allCases {
                if let n = cut[category] { warnings.append(.capped(date, category, nil, n, "daily_limit")) }
            }
            plans.append(
                DayPlan(
                    date: date, revenue: r, engagement: e, retention: tt, isVipDate: date == vip,
                    isSnapchatDate: date == snap))
        }
        return (plans, warnings)
    }
}
