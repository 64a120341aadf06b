/// Creator health from recent sends (schedule-domain §3.2).
public struct HealthReport: Sendable, Equatable, Codable {
    /// HEALTHY, WARNING or DEATH_SPIRAL.
    public var status: String
    /// Informational score 0–100, 1 decimal.
    public var score: Double
    /// Consecutive declining weeks.
    public var consecutiveDeclineWeeks: Int
    /// 0–100; 50 without sends.
    public var saturationScore: Int
    /// 100 − saturation; 50 without sends.
    public var opportunityScore: Int
    /// +1, 0 or −1 daily sends per category.
    public var volumeAdjustment: Int

    enum CodingKeys: String, CodingKey {
        case status, score
        case consecutiveDeclineWeeks = "consecutive_decline_weeks", saturationScore = "saturation_score"
        case opportunityScore = "opportunity_score", volumeAdjustment = "volume_adjustment"
    }

    /// Health from a saturation score and a decline count (opportunity = 100 − saturation).
    public init(saturation: Int, decline: Int, opportunity: Int? = nil) {
        saturationScore = saturation
        opportunityScore = opportunity ?? 100 - saturation
        consecutiveDeclineWeeks = decline
        if decline >= 4 {
            status = "DEATH_SPIRAL"
            volumeAdjustment = -1
        } else if decline >= 2 {
            status = "WARNING"
            volumeAdjustment = 0
        } else {
            status = "HEALTHY"
            volumeAdjustment = saturation < 30 ? 1 : 0
        }
        let raw = 100 - 15 * Double(decline) - 0.3 * Double(saturation)
        score = Rounding.halfUp(min(100, max(0, raw)), places: 1)
    }

    /// The no-data values: saturation and opportunity 50, no decline.
    public static let noData = HealthReport(saturation: 50, decline: 0, opportunity: 50)

    /// Health from mass_messages rows for the week starting `reference` (nil rows: read failed).
    public static func compute(messages: [MassMessageRow]?, reference: DayDate) -> HealthReport {
        guard let messages else { return .noData }
        var sends14 = 0
        var buckets: [Int: Double] = [:]
        for row in messages {
            guard let date = DayDate(row.sentDate) else { continue }
            let age = reference.ordinal - date.ordinal
            if (1...14).contains(age) { sends14 += 1 }
            if (1...56).contains(age) { buckets[date.yearWeek, default: 0] += row.earnings ?? 0 }
        }
        guard sends14 > 0 else { return .noData }
        let saturation = min(100, sends14 * 100 / 28)
        return HealthReport(saturation: saturation, decline: declineWeeks(buckets))
    }

    /// Consecutive declining weeks over year-week earnings buckets (newest first, at most 8).
    public static func declineWeeks(_ buckets: [Int: Double]) -> Int {
        let weeks = buckets.keys.sorted(by: >).prefix(8).map { buckets[$0]! }
        guard weeks.count >= 2 else { return 0 }
        var count = 0
        while count + 1 < weeks.count, Rounding.denoise(weeks[count]) < Rounding.denoise(weeks[count + 1]) {
            count += 1
        }
        return count
    }
}
