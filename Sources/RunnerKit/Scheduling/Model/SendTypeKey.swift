/// The three send-type categories.
public enum SendCategory: String, Sendable, Codable, CaseIterable, Comparable {
    case revenue, engagement, retention

    var order: Int {
        switch self {
        case .revenue: 0
        case .engagement: 1
        case .retention: 2
        }
    }

    public static func < (lhs: SendCategory, rhs: SendCategory) -> Bool { lhs.order < rhs.order }
}

/// A creator page type.
public enum PageType: String, Sendable, Codable {
    case paid, free
}

/// A delivery channel (schedule-domain §4.3).
public enum ChannelKey: String, Sendable, Codable {
    case massMessage = "mass_message"
    case targetedMessage = "targeted_message"
    case wallPost = "wall_post"
}

/// The 22 send types of schedule-domain §4.1, in master-table order.
public enum SendTypeKey: String, Sendable, Codable, CaseIterable, Comparable {
    case ppvUnlock = "ppv_unlock", ppvWall = "ppv_wall", tipGoal = "tip_goal", bundle
    case flashBundle = "flash_bundle", vipProgram = "vip_program", gamePost = "game_post"
    case snapchatBundle = "snapchat_bundle", firstToTip = "first_to_tip"
    case linkDrop = "link_drop", wallLinkDrop = "wall_link_drop", bumpNormal = "bump_normal"
    case bumpDescriptive = "bump_descriptive", bumpTextOnly = "bump_text_only", bumpFlyer = "bump_flyer"
    case dmFarm = "dm_farm", likeFarm = "like_farm", livePromo = "live_promo"
    case renewOnPost = "renew_on_post", renewOnMessage = "renew_on_message"
    case ppvFollowup = "ppv_followup", expiredWinback = "expired_winback"

    /// Master-table position, 0-based.
    public var position: Int {
        switch self {
        case .ppvUnlock: 0
        case .ppvWall: 1
        case .tipGoal: 2
        case .bundle: 3
        case .flashBundle: 4
        case .vipProgram: 5
        case .gamePost: 6
        case .snapchatBundle: 7
        case .firstToTip: 8
        case .linkDrop: 9
        case .wallLinkDrop: 10
        case .bumpNormal: 11
        case .bumpDescriptive: 12
        case .bumpTextOnly: 13
        case .bumpFlyer: 14
        case .dmFarm: 15
        case .likeFarm: 16
        case .livePromo: 17
        case .renewOnPost: 18
        case .renewOnMessage: 19
        case .ppvFollowup: 20
        case .expiredWinback: 21
        }
    }

    public static func < (lhs: SendTypeKey, rhs: SendTypeKey) -> Bool { lhs.position < rhs.position }

    /// The category (a gate definition; never overridden).
    public var category: SendCategory {
        switch self {
        case .ppvUnlock, .ppvWall, .tipGoal, .bundle, .flashBundle, .vipProgram, .gamePost, .snapchatBundle,
            .firstToTip:
            .revenue
        case .linkDrop, .wallLinkDrop, .bumpNormal, .bumpDescriptive, .bumpTextOnly, .bumpFlyer, .dmFarm,
            .likeFarm, .livePromo:
            .engagement
        case .renewOnPost, .renewOnMessage, .ppvFollowup, .expiredWinback: .retention
        }
    }

    /// Whether a page of this type may use the send type.
    public func allowed(on page: PageType) -> Bool {
        switch self {
        case .ppvWall: page == .free
        case .tipGoal, .renewOnPost, .renewOnMessage, .expiredWinback: page == .paid
        default: true
        }
    }

    /// Items of the 9 flyer types must carry flyer_required = 1.
    public var requiresFlyer: Bool {
        switch self {
        case .ppvUnlock, .ppvWall, .bundle, .flashBundle, .vipProgram, .snapchatBundle, .firstToTip, .bumpFlyer,
            .livePromo:
            true
        default: false
        }
    }

    /// ppv_unlock, ppv_wall and tip_goal produce follow-ups.
    public var isFollowupParent: Bool { self == .ppvUnlock || self == .ppvWall || self == .tipGoal }

    /// Items of these types draw captions from the PPV pool of their content type.
    public var usesPPVPool: Bool { self == .ppvUnlock || self == .ppvWall || self == .bundle || self == .flashBundle }

    /// The typical price range, for types that have one.
    public var typicalPriceRange: ClosedRange<Double>? {
        switch self {
        case .ppvUnlock: 8...25
        case .ppvWall: 5...15
        case .tipGoal: 10...50
        case .bundle: 15...40
        case .flashBundle: 12...35
        default: nil
        }
    }

    /// The channel when the database names no valid primary channel.
    public var defaultChannel: ChannelKey {
        switch self {
        case .ppvWall, .tipGoal, .wallLinkDrop, .gamePost, .likeFarm, .renewOnPost: .wallPost
        case .ppvFollowup, .expiredWinback, .renewOnMessage: .targetedMessage
        default: .massMessage
        }
    }

    /// The table limits: max/day, max/week, min hours between, requires media, requires price.
    var tableLimits: (perDay: Int, perWeek: Int?, minHours: Double, media: Bool, price: Bool) {
        switch self {
        case .ppvUnlock: (4, nil, 2, true, true)
        case .ppvWall: (3, nil, 3, true, true)
        case .tipGoal: (2, nil, 4, false, true)
        case .bundle: (1, nil, 3, true, true)
        case .flashBundle: (1, nil, 6, true, true)
        case .vipProgram: (1, 1, 24, false, false)
        case .gamePost: (1, nil, 4, false, false)
        case .snapchatBundle: (1, 1, 24, true, false)
        case .firstToTip: (1, nil, 6, false, false)
        case .linkDrop: (2, nil, 2, false, false)
        case .wallLinkDrop: (2, nil, 3, true, false)
        case .bumpNormal: (3, nil, 1, false, false)
        case .bumpDescriptive: (2, nil, 2, false, false)
        case .bumpTextOnly: (2, nil, 2, false, false)
        case .bumpFlyer: (2, nil, 4, true, false)
        case .dmFarm: (2, nil, 4, false, false)
        case .likeFarm: (1, nil, 24, false, false)
        case .livePromo: (2, nil, 2, true, false)
        case .renewOnPost: (2, nil, 12, false, false)
        case .renewOnMessage: (1, nil, 24, false, false)
        case .ppvFollowup: (5, nil, 1, false, false)
        case .expiredWinback: (1, nil, 24, false, false)
        }
    }
}
