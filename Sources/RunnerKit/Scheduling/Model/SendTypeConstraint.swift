/// The effective rules of one send type: the master table with database overrides (§4.3).
public struct SendTypeConstraint: Sendable, Equatable, Codable {
    public var key: SendTypeKey
    public var category: SendCategory
    /// Page types allowed to use it (`paid`, `free`).
    public var pageTypes: [PageType]
    public var maxPerDay: Int
    public var maxPerWeek: Int?
    public var minHoursBetween: Double
    public var requiresMedia: Bool
    public var requiresPrice: Bool
    public var requiresFlyer: Bool
    public var canHaveFollowup: Bool
    /// The primary channel when valid in the database, else the domain default.
    public var channelKey: ChannelKey
    /// [min, max] typical price, null for types without one.
    public var typicalPrice: [Double]?

    enum CodingKeys: String, CodingKey {
        case key = "send_type_key", category, pageTypes = "page_types", maxPerDay = "max_per_day"
        case maxPerWeek = "max_per_week", minHoursBetween = "min_hours_between", requiresMedia = "requires_media"
        case requiresPrice = "requires_price", requiresFlyer = "requires_flyer"
        case canHaveFollowup = "can_have_followup", channelKey = "channel_key", typicalPrice = "typical_price"
    }

    /// The table values of `key`, with an active database row's overrides applied.
    public init(key: SendTypeKey, row: SendTypeRow?) {
        let table = key.tableLimits
        let active = row?.isActive == true ? row : nil
        self.key = key
        category = key.category
        pageTypes = [PageType.paid, .free].filter { key.allowed(on: $0) }
        maxPerDay = active?.maxPerDay ?? table.perDay
        maxPerWeek = active != nil ? active!.maxPerWeek : table.perWeek
        minHoursBetween = active?.minHoursBetween ?? table.minHours
        requiresMedia = active?.requiresMedia ?? table.media
        requiresPrice = active?.requiresPrice ?? table.price
        requiresFlyer = key.requiresFlyer
        canHaveFollowup = key.isFollowupParent
        channelKey = row?.primaryChannelKey.flatMap { ChannelKey(rawValue: $0) } ?? key.defaultChannel
        typicalPrice = key.typicalPriceRange.map { [$0.lowerBound, $0.upperBound] }
    }

    /// The 22 constraints in master-table order, from the send_types rows (unknown keys ignored).
    public static func all(rows: [SendTypeRow]) -> [SendTypeConstraint] {
        SendTypeKey.allCases.map { key in
            SendTypeConstraint(key: key, row: rows.first { $0.key == key.rawValue && $0.isActive })
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(category, forKey: .category)
        try c.encode(pageTypes, forKey: .pageTypes)
        try c.encode(maxPerDay, forKey: .maxPerDay)
        try c.encode(maxPerWeek, forKey: .maxPerWeek)
        try c.encode(minHoursBetween, forKey: .minHoursBetween)
        try c.encode(requiresMedia, forKey: .requiresMedia)
        try c.encode(requiresPrice, forKey: .requiresPrice)
        try c.encode(requiresFlyer, forKey: .requiresFlyer)
        try c.encode(canHaveFollowup, forKey: .canHaveFollowup)
        try c.encode(channelKey, forKey: .channelKey)
        try c.encode(typicalPrice, forKey: .typicalPrice)
    }
}
