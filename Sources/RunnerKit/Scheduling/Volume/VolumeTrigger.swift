import Foundation

/// One active performance trigger on a content type (schedule-domain §3.3).
public struct VolumeTrigger: Sendable, Equatable, Codable {
    public var contentType: String
    public var triggerType: String
    public var adjustmentMultiplier: Double
    public var confidence: String
    public var reason: String
    public var expiresAt: String?
    /// `database` or `runtime`.
    public var source: String

    enum CodingKeys: String, CodingKey {
        case contentType = "content_type", triggerType = "trigger_type"
        case adjustmentMultiplier = "adjustment_multiplier", confidence, reason
        case expiresAt = "expires_at", source
    }

    /// Creates a trigger.
    public init(
        contentType: String, triggerType: String, adjustmentMultiplier: Double, confidence: String,
        reason: String, expiresAt: String?, source: String
    ) {
        self.contentType = contentType
        self.triggerType = triggerType
        self.adjustmentMultiplier = adjustmentMultiplier
        self.confidence = confidence
        self.reason = reason
        self.expiresAt = expiresAt
        self.source = source
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(contentType, forKey: .contentType)
        try c.encode(triggerType, forKey: .triggerType)
        try c.encode(adjustmentMultiplier, forKey: .adjustmentMultiplier)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(reason, forKey: .reason)
        try c.encode(expiresAt, forKey: .expiresAt)
        try c.encode(source, forKey: .source)
    }
}

/// The per-content compound of trigger multipliers.
public struct ContentCompound: Sendable, Equatable, Codable {
    public var contentType: String
    public var multipliers: [Double]
    /// Product clamped to [0.5, 2.0], 4 decimals.
    public var compound: Double
    public var hasConflictingSignals: Bool

    enum CodingKeys: String, CodingKey {
        case contentType = "content_type", multipliers, compound
        case hasConflictingSignals = "has_conflicting_signals"
    }
}

/// Database and runtime triggers, their merge and multipliers (schedule-domain §3.3).
public enum TriggerEngine {
    /// Database rows that are active and unexpired at the reference instant, in row order.
    public static func databaseTriggers(_ rows: [TriggerRow], referenceInstant: Date) -> [VolumeTrigger] {
        rows.compactMap { row in
            guard row.isActive else { return nil }
            if let text = row.expiresAt {
                guard let expiry = Timestamp.parse(text), expiry > referenceInstant else { return nil }
            }
            return VolumeTrigger(
                contentType: row.contentType, triggerType: row.triggerType,
                adjustmentMultiplier: row.adjustmentMultiplier, confidence: row.confidence, reason: row.reason,
                expiresAt: row.expiresAt, source: "database")
        }
    }

    /// The first matching runtime trigger of one ranking entry, if any.
    public static func detect(_ ranking: RankingRow, reference: DayDate) -> VolumeTrigger? {
        var conversion = ranking.avgPurchaseRate ?? 0
        if conversion <= 1.0 { conversion *= 100 }
        conversion = Rounding.denoise(conversion)
        let uses = (ranking.sendCount ?? 0) == 0 ? 10 : ranking.sendCount!
        let usesConfidence = uses > 10 ? "high" : (uses >= 5 ? "moderate" : "low")
        let percent = formatOneDecimal(conversion)
        let match: (String, Double, String, String)?
        if conversion >= 6.0 {
            match = ("HIGH_PERFORMER", 1.20, usesConfidence, "Conversion \(percent)%")
        } else if conversion >= 5.0, uses < 3 {
            match = ("EMERGING_WINNER", 1.30, usesConfidence, "Conversion \(percent)%, \(uses) uses/30d")
        } else if let wow = ranking.wowRevenueChange, wow >= 15 {
            match = ("TRENDING_UP", 1.10, usesConfidence, "WoW revenue +\(formatNumber(wow))%")
        } else if let days = ranking.decliningDays, days >= 3 {
            match = ("SATURATING", 0.85, "moderate", "Declining \(days) days")
        } else if let open = ranking.openRateChange7d, open <= -10 {
            match = ("AUDIENCE_FATIGUE", 0.75, "moderate", "Open rate \(formatNumber(open))%/7d")
        } else {
            match = nil
        }
        guard let (type, multiplier, confidence, reason) = match else { return nil }
        let expires = Timestamp.string(referenceInstant(reference).addingTimeInterval(7 * 86400))
        return VolumeTrigger(
            contentType: ranking.contentType, triggerType: type, adjustmentMultiplier: multiplier,
            confidence: confidence, reason: reason, expiresAt: expires, source: "runtime")
    }

    /// Database triggers first, then runtime triggers whose (content, type) pair is new.
    public static func merge(database: [VolumeTrigger], runtime: [VolumeTrigger]) -> [VolumeTrigger] {
        var merged = database
        for trigger in runtime
        where !merged.contains(where: { $0.contentType == trigger.contentType && $0.triggerType == trigger.triggerType }) {
            merged.append(trigger)
        }
        return merged
    }

    /// The unclamped product of every multiplier (1.0 without triggers).
    public static func globalMultiplier(_ triggers: [VolumeTrigger]) -> Double {
        triggers.reduce(1.0) { $0 * $1.adjustmentMultiplier }
    }

    /// Per content type: product clamped to [0.5, 2.0], 4 decimals, conflicting flag; by name.
    public static func compounds(_ triggers: [VolumeTrigger]) -> [ContentCompound] {
        var groups: [String: [Double]] = [:]
        for t in triggers { groups[t.contentType, default: []].append(t.adjustmentMultiplier) }
        return groups.keys.sorted(by: ScheduleHashing.codePointLess).map { name in
            let values = groups[name]!
            let product = values.reduce(1.0, *)
            let clamped = min(2.0, max(0.5, product))
            return ContentCompound(
                contentType: name, multipliers: values, compound: Rounding.halfUp(clamped, places: 4),
                hasConflictingSignals: values.contains { $0 > 1 } && values.contains { $0 < 1 })
        }
    }

    /// week_start 00:00:00 UTC.
    public static func referenceInstant(_ reference: DayDate) -> Date {
        Date(timeIntervalSince1970: Double(reference.ordinal) * 86400)
    }

    private static func formatOneDecimal(_ value: Double) -> String {
        String(format: "%.1f", Rounding.halfUp(value, places: 1))
    }

    private static func formatNumber(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
