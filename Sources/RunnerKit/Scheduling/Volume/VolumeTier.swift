/// The five volume tiers of schedule-domain §3.1, lowest first.
public enum VolumeTier: String, Sendable, Codable, CaseIterable, Comparable {
    case minimal = "MINIMAL", lite = "LITE", standard = "STANDARD", highValue = "HIGH_VALUE", premium = "PREMIUM"

    var rank: Int { VolumeTier.allCases.firstIndex(of: self)! }

    public static func < (lhs: VolumeTier, rhs: VolumeTier) -> Bool { lhs.rank < rhs.rank }

    /// The tier's minimum monthly revenue in dollars.
    public var minimumRevenue: Double {
        switch self {
        case .minimal: 0
        case .lite: 150
        case .standard: 800
        case .highValue: 3000
        case .premium: 8000
        }
    }

    /// Revenue sends per day, [min, max].
    public var revenueRange: ClosedRange<Int> {
        switch self {
        case .minimal: 1...2
        case .lite: 2...4
        case .standard: 4...6
        case .highValue: 6...9
        case .premium: 8...12
        }
    }

    /// Engagement sends per day, [min, max].
    public var engagementRange: ClosedRange<Int> {
        switch self {
        case .minimal: 1...2
        case .lite: 2...4
        case .standard: 4...6
        case .highValue: 5...8
        case .premium: 6...10
        }
    }

    /// Retention sends per day, [min, max].
    public var retentionRange: ClosedRange<Int> {
        switch self {
        case .minimal: 1...1
        case .lite: 1...2
        case .standard: 2...3
        case .highValue: 2...4
        case .premium: 3...5
        }
    }

    /// The range of a category.
    public func range(_ category: SendCategory) -> ClosedRange<Int> {
        switch category {
        case .revenue: revenueRange
        case .engagement: engagementRange
        case .retention: retentionRange
        }
    }

    /// The highest tier whose minimum is ≤ the revenue (negative revenue counts as 0).
    public static func calculated(revenue: Double) -> VolumeTier {
        let r = max(0, revenue)
        return allCases.last { $0.minimumRevenue <= r } ?? .minimal
    }

    /// A canonical tier name, compared case-insensitively after trimming; nil for other labels.
    public static func canonical(_ label: String?) -> VolumeTier? {
        guard let label else { return nil }
        return VolumeTier(rawValue: label.trimmingCharacters(in: .whitespacesAndNewlines).uppercased())
    }

    /// The calculated tier with the 15% drop hysteresis against the previously stored tier.
    public static func withHysteresis(revenue: Double, previous: String?) -> VolumeTier {
        let calculated = calculated(revenue: revenue)
        guard let prev = canonical(previous), prev > calculated else { return calculated }
        let threshold = Rounding.denoise(0.85 * prev.minimumRevenue)
        return max(0, revenue) >= threshold ? prev : calculated
    }
}
