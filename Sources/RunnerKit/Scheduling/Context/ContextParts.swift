/// A content type's performance tier; `unranked` for a vault type without a ranking row.
public enum PerformanceTier: String, Sendable, Codable {
    case top = "TOP", mid = "MID", low = "LOW", avoid = "AVOID", unranked = "UNRANKED"

    /// Tie-break rank for follow-up ordering: TOP, then MID or unranked, then LOW.
    var followupRank: Int {
        switch self {
        case .top: 0
        case .mid, .unranked: 1
        case .low, .avoid: 2
        }
    }

    /// The weight factor of content choice: TOP 3, MID or unranked 2, LOW 1.
    var weightFactor: Int {
        switch self {
        case .top: 3
        case .mid, .unranked: 2
        case .low, .avoid: 1
        }
    }
}

/// One ranking entry at the creator's latest analysis date.
public struct RankingEntry: Sendable, Equatable, Codable {
    public var typeName: String
    public var performanceTier: PerformanceTier
    public var rps: Double?
    public var conversionRate: Double?
    public var sendsLast30d: Int?
    public var totalEarnings: Double?
    public var confidenceScore: Double?

    enum CodingKeys: String, CodingKey {
        case typeName = "type_name", performanceTier = "performance_tier", rps
        case conversionRate = "conversion_rate", sendsLast30d = "sends_last_30d"
        case totalEarnings = "total_earnings", confidenceScore = "confidence_score"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(typeName, forKey: .typeName)
        try c.encode(performanceTier, forKey: .performanceTier)
        try c.encode(rps, forKey: .rps)
        try c.encode(conversionRate, forKey: .conversionRate)
        try c.encode(sendsLast30d, forKey: .sendsLast30d)
        try c.encode(totalEarnings, forKey: .totalEarnings)
        try c.encode(confidenceScore, forKey: .confidenceScore)
    }
}

/// The creator's persona, or the default one (`_default: true`).
public struct Persona: Sendable, Equatable, Codable {
    public var primaryTone: String
    public var secondaryTone: String?
    public var emojiFrequency: String
    public var slangLevel: String
    public var favoriteEmojis: String?
    public var avgCaptionLength: Double?
    public var isDefault: Bool

    enum CodingKeys: String, CodingKey {
        case primaryTone = "primary_tone", secondaryTone = "secondary_tone", emojiFrequency = "emoji_frequency"
        case slangLevel = "slang_level", favoriteEmojis = "favorite_emojis"
        case avgCaptionLength = "avg_caption_length", isDefault = "_default"
    }

    /// The default persona: playful, no secondary tone, moderate emoji, light slang.
    public static let defaultPersona = Persona(
        primaryTone: "playful", secondaryTone: nil, emojiFrequency: "moderate", slangLevel: "light",
        favoriteEmojis: nil, avgCaptionLength: nil, isDefault: true)

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(primaryTone, forKey: .primaryTone)
        try c.encode(secondaryTone, forKey: .secondaryTone)
        try c.encode(emojiFrequency, forKey: .emojiFrequency)
        try c.encode(slangLevel, forKey: .slangLevel)
        try c.encode(favoriteEmojis, forKey: .favoriteEmojis)
        try c.encode(avgCaptionLength, forKey: .avgCaptionLength)
        try c.encode(isDefault, forKey: .isDefault)
    }
}

/// Pricing inputs (schedule-domain §2.2).
public struct PricingConfig: Sendable, Equatable, Codable {
    public var basePrice: Double
    public var fanCount: Int
    public var priceFloor: Double
    public var priceCeiling: Double
    public var activeAbExperiments: Bool

    enum CodingKeys: String, CodingKey {
        case basePrice = "base_price", fanCount = "fan_count", priceFloor = "price_floor"
        case priceCeiling = "price_ceiling", activeAbExperiments = "active_ab_experiments"
    }
}

/// One slot seed of the uncapped counts (schedule-domain §6.7).
public struct TimingSeed: Sendable, Equatable, Codable {
    public var hour: Int
    public var minute: Int
    public var category: SendCategory
    /// 1..n in chronological order within the date.
    public var priority: Int
}
