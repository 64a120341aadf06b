/// The raw database rows the schedule domain reads for one creator and week (schedule-domain §2).
///
/// A `SchedulingDataSource` loads it; `CreatorContextBuilder` turns it into the context without
/// any further I/O, so tests and property checks can synthesise it directly.
public struct CreatorData: Sendable, Equatable {
    /// The creators row.
    public var creator: CreatorRow
    /// All volume_assignments rows of the creator (active and history).
    public var assignments: [AssignmentRow]
    /// content_types names whose vault_matrix row has has_content = 1 (any order).
    public var vaultTypes: [String]
    /// top_content_types rows (all snapshots; the builder keeps the latest analysis_date).
    public var rankings: [RankingRow]
    /// The creator_personas row, nil without one.
    public var persona: PersonaRow?
    /// volume_triggers rows; nil when the read failed (the context records triggers_degraded).
    public var triggers: [TriggerRow]?
    /// mass_messages rows with sent_date in [week_start − 56, week_start − 1]; nil when the read failed.
    public var massMessages: [MassMessageRow]?
    /// send_types rows (active and inactive, any key).
    public var sendTypes: [SendTypeRow]
    /// Active caption_bank rows joined to content_types and to this creator's usage.
    public var captions: [CaptionRow]

    /// Creates the bundle.
    public init(
        creator: CreatorRow, assignments: [AssignmentRow] = [], vaultTypes: [String] = [],
        rankings: [RankingRow] = [], persona: PersonaRow? = nil, triggers: [TriggerRow]? = [],
        massMessages: [MassMessageRow]? = [], sendTypes: [SendTypeRow] = [], captions: [CaptionRow] = []
    ) {
        self.creator = creator
        self.assignments = assignments
        self.vaultTypes = vaultTypes
        self.rankings = rankings
        self.persona = persona
        self.triggers = triggers
        self.massMessages = massMessages
        self.sendTypes = sendTypes
        self.captions = captions
    }
}

/// The creators columns the domain reads.
public struct CreatorRow: Sendable, Equatable {
    public var creatorId: String
    public var pageName: String
    public var pageType: String?
    public var timezone: String?
    public var contentCategory: String?
    public var isActive: Bool
    public var currentFanCount: Int?
    public var currentMessageNet: Double?
    public var currentPostsNet: Double?
    public var basePrice: Double?

    /// Creates the row.
    public init(
        creatorId: String, pageName: String, pageType: String? = "paid", timezone: String? = nil,
        contentCategory: String? = nil, isActive: Bool = true, currentFanCount: Int? = nil,
        currentMessageNet: Double? = nil, currentPostsNet: Double? = nil, basePrice: Double? = nil
    ) {
        self.creatorId = creatorId
        self.pageName = pageName
        self.pageType = pageType
        self.timezone = timezone
        self.contentCategory = contentCategory
        self.isActive = isActive
        self.currentFanCount = currentFanCount
        self.currentMessageNet = currentMessageNet
        self.currentPostsNet = currentPostsNet
        self.basePrice = basePrice
    }
}

/// One volume_assignments row.
public struct AssignmentRow: Sendable, Equatable {
    public var volumeLevel: String
    public var isActive: Bool
    public var assignedAt: String

    /// Creates the row.
    public init(volumeLevel: String, isActive: Bool, assignedAt: String) {
        self.volumeLevel = volumeLevel
        self.isActive = isActive
        self.assignedAt = assignedAt
    }
}

/// One top_content_types row; the trend fields are optional extras no sample column carries.
public struct RankingRow: Sendable, Equatable {
    public var contentType: String
    public var analysisDate: String
    public var performanceTier: String?
    public var avgRps: Double?
    public var avgPurchaseRate: Double?
    public var sendCount: Int?
    public var totalEarnings: Double?
    public var confidenceScore: Double?
    public var wowRevenueChange: Double?
    public var openRateChange7d: Double?
    public var decliningDays: Int?

    /// Creates the row.
    public init(
        contentType: String, analysisDate: String, performanceTier: String?, avgRps: Double?,
        avgPurchaseRate: Double?, sendCount: Int?, totalEarnings: Double? = nil, confidenceScore: Double? = nil,
        wowRevenueChange: Double? = nil, openRateChange7d: Double? = nil, decliningDays: Int? = nil
    ) {
        self.contentType = contentType
        self.analysisDate = analysisDate
        self.performanceTier = performanceTier
        self.avgRps = avgRps
        self.avgPurchaseRate = avgPurchaseRate
        self.sendCount = sendCount
        self.totalEarnings = totalEarnings
        self.confidenceScore = confidenceScore
        self.wowRevenueChange = wowRevenueChange
        self.openRateChange7d = openRateChange7d
        self.decliningDays = decliningDays
    }
}

/// The creator_personas columns the context carries.
public struct PersonaRow: Sendable, Equatable {
    public var primaryTone: String
    public var secondaryTone: String?
    public var emojiFrequency: String
    public var slangLevel: String
    public var favoriteEmojis: String?
    public var avgCaptionLength: Double?

    /// Creates the row.
    public init(
        primaryTone: String, secondaryTone: String?, emojiFrequency: String, slangLevel: String,
        favoriteEmojis: String? = nil, avgCaptionLength: Double? = nil
    ) {
        self.primaryTone = primaryTone
        self.secondaryTone = secondaryTone
        self.emojiFrequency = emojiFrequency
        self.slangLevel = slangLevel
        self.favoriteEmojis = favoriteEmojis
        self.avgCaptionLength = avgCaptionLength
    }
}

/// One volume_triggers row.
public struct TriggerRow: Sendable, Equatable {
    public var contentType: String
    public var triggerType: String
    public var adjustmentMultiplier: Double
    public var confidence: String
    public var reason: String
    public var expiresAt: String?
    public var isActive: Bool

    /// Creates the row.
    public init(
        contentType: String, triggerType: String, adjustmentMultiplier: Double, confidence: String = "moderate",
        reason: String = "", expiresAt: String?, isActive: Bool = true
    ) {
        self.contentType = contentType
        self.triggerType = triggerType
        self.adjustmentMultiplier = adjustmentMultiplier
        self.confidence = confidence
        self.reason = reason
        self.expiresAt = expiresAt
        self.isActive = isActive
    }
}

/// One mass_messages row, reduced to what health reads.
public struct MassMessageRow: Sendable, Equatable {
    public var sentDate: String
    public var earnings: Double?

    /// Creates the row.
    public init(sentDate: String, earnings: Double?) {
        self.sentDate = sentDate
        self.earnings = earnings
    }
}

/// One send_types row, reduced to the overridable limits and the channel.
public struct SendTypeRow: Sendable, Equatable {
    public var key: String
    public var isActive: Bool
    public var maxPerDay: Int?
    public var maxPerWeek: Int?
    public var minHoursBetween: Double?
    public var requiresMedia: Bool?
    public var requiresPrice: Bool?
    public var primaryChannelKey: String?

    /// Creates the row.
    public init(
        key: String, isActive: Bool = true, maxPerDay: Int?, maxPerWeek: Int?, minHoursBetween: Double?,
        requiresMedia: Bool?, requiresPrice: Bool?, primaryChannelKey: String? = nil
    ) {
        self.key = key
        self.isActive = isActive
        self.maxPerDay = maxPerDay
        self.maxPerWeek = maxPerWeek
        self.minHoursBetween = minHoursBetween
        self.requiresMedia = requiresMedia
        self.requiresPrice = requiresPrice
        self.primaryChannelKey = primaryChannelKey
    }
}

/// One active caption_bank row with its content-type name and this creator's last use.
public struct CaptionRow: Sendable, Equatable, Codable {
    public var captionId: Int
    public var text: String
    public var captionType: String
    public var contentType: String?
    public var schedulableType: String?
    public var performanceTier: Int?
    public var globalLastUsedDate: String?
    public var suggestedPrice: Double?
    public var creatorLastUsedDate: String?

    /// Creates the row.
    public init(
        captionId: Int, text: String, captionType: String, contentType: String?, schedulableType: String?,
        performanceTier: Int?, globalLastUsedDate: String? = nil, suggestedPrice: Double? = nil,
        creatorLastUsedDate: String? = nil
    ) {
        self.captionId = captionId
        self.text = text
        self.captionType = captionType
        self.contentType = contentType
        self.schedulableType = schedulableType
        self.performanceTier = performanceTier
        self.globalLastUsedDate = globalLastUsedDate
        self.suggestedPrice = suggestedPrice
        self.creatorLastUsedDate = creatorLastUsedDate
    }

    enum CodingKeys: String, CodingKey {
        case captionId = "caption_id", text = "caption_text", captionType = "caption_type"
        case contentType = "content_type", schedulableType = "schedulable_type"
        case performanceTier = "performance_tier", globalLastUsedDate = "global_last_used_date"
        case suggestedPrice = "suggested_price", creatorLastUsedDate = "creator_last_used_date"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(captionId, forKey: .captionId)
        try c.encode(text, forKey: .text)
        try c.encode(captionType, forKey: .captionType)
        try c.encode(contentType, forKey: .contentType)
        try c.encode(schedulableType, forKey: .schedulableType)
        try c.encode(performanceTier, forKey: .performanceTier)
        try c.encode(globalLastUsedDate, forKey: .globalLastUsedDate)
        try c.encode(suggestedPrice, forKey: .suggestedPrice)
        try c.encode(creatorLastUsedDate, forKey: .creatorLastUsedDate)
    }
}

/// Loads the raw rows of one creator for one week; the storage layer implements it.
public protocol SchedulingDataSource: Sendable {
    /// Validates and resolves `creator` (id rule, exact id/page name, then case-insensitive page
    /// name) and loads its rows for the week starting `weekStart`.
    /// Throws `SchedulingError.validationError`, `.creatorNotFound` or `.databaseError`; an inactive
    /// creator is returned (the context builder rejects it with `.creatorInactive`).
    func loadCreatorData(creator: String, weekStart: DayDate) throws(SchedulingError) -> CreatorData

    /// Re-reads the vault and the AVOID list for the validator's gates (schedule-domain §7.1).
    func loadGateData(creatorId: String) throws(SchedulingError) -> GateData
}

/// The vault and AVOID names the validator re-reads independently of the context.
public struct GateData: Sendable, Equatable {
    /// Content types with has_content = 1.
    public var vaultTypes: [String]
    /// Ranking names with tier AVOID at the latest analysis date.
    public var avoidTypes: [String]

    /// Creates the gate data.
    public init(vaultTypes: [String], avoidTypes: [String]) {
        self.vaultTypes = vaultTypes.sorted(by: ScheduleHashing.codePointLess)
        self.avoidTypes = avoidTypes.sorted(by: ScheduleHashing.codePointLess)
    }
}
