/// The effective routing flags of one decision, each with value, source and origin (§2.5).
public struct ResolvedFlags: Sendable, Hashable {
    /// The effective `enabled` (false with source `rollback` while rolled back).
    public var enabled: ResolvedFlag<Bool>
    /// `enabled` as configured (env, YAML or default), before the rollback state applies.
    public var configuredEnabled: ResolvedFlag<Bool>
    /// Shadow mode.
    public var shadow: ResolvedFlag<Bool>
    /// Percentage of buckets routed to the candidate.
    public var percentage: ResolvedFlag<Int>
    /// Allowlisted page names.
    public var creators: ResolvedFlag<[String]>
    /// Whether a failed candidate run falls back to control.
    public var autoFallback: ResolvedFlag<Bool>

    /// Creates the set.
    public init(
        enabled: ResolvedFlag<Bool>, configuredEnabled: ResolvedFlag<Bool>, shadow: ResolvedFlag<Bool>,
        percentage: ResolvedFlag<Int>, creators: ResolvedFlag<[String]>, autoFallback: ResolvedFlag<Bool>
    ) {
        self.enabled = enabled
        self.configuredEnabled = configuredEnabled
        self.shadow = shadow
        self.percentage = percentage
        self.creators = creators
        self.autoFallback = autoFallback
    }
}

extension ResolvedFlags: Codable {
    private enum CodingKeys: String, CodingKey {
        case enabled, shadow, percentage, creators
        case autoFallback = "auto_fallback"
    }

    /// `enabled` carries its configured value under `configured` next to value/source/origin.
    private struct EnabledFlag: Codable {
        var value: Bool
        var source: FlagSource
        var origin: String
        var configured: ResolvedFlag<Bool>
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let enabled = try container.decode(EnabledFlag.self, forKey: .enabled)
        self.enabled = ResolvedFlag(value: enabled.value, source: enabled.source, origin: enabled.origin)
        self.configuredEnabled = enabled.configured
        self.shadow = try container.decode(ResolvedFlag<Bool>.self, forKey: .shadow)
        self.percentage = try container.decode(ResolvedFlag<Int>.self, forKey: .percentage)
        self.creators = try container.decode(ResolvedFlag<[String]>.self, forKey: .creators)
        self.autoFallback = try container.decode(ResolvedFlag<Bool>.self, forKey: .autoFallback)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(
            EnabledFlag(
                value: enabled.value, source: enabled.source, origin: enabled.origin,
                configured: configuredEnabled),
            forKey: .enabled)
        try container.encode(shadow, forKey: .shadow)
        try container.encode(percentage, forKey: .percentage)
        try container.encode(creators, forKey: .creators)
        try container.encode(autoFallback, forKey: .autoFallback)
    }
}
