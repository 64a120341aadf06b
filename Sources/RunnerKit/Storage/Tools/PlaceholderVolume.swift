import Foundation

/// TODO(schedule domain): a stand-in for the volume algorithm of schedule-domain.md §3, so
/// get_volume_config and the profile's volume section return well-formed values before the
/// integrator wires in Sources/RunnerKit/Scheduling. It covers tier with hysteresis, health
/// and database triggers; runtime trigger detection and calendar boosts are NOT applied.
enum PlaceholderVolume {
    static let tierMinimum: [String: Double] = ["MINIMAL": 0, "LITE": 150, "STANDARD": 800, "HIGH_VALUE": 3000, "PREMIUM": 8000]
    static let ranges: [String: [[Int]]] = [
        "MINIMAL": [[1, 2], [1, 2], [1, 1]], "LITE": [[2, 4], [2, 4], [1, 2]], "STANDARD": [[4, 6], [4, 6], [2, 3]],
        "HIGH_VALUE": [[6, 9], [5, 8], [2, 4]], "PREMIUM": [[8, 12], [6, 10], [3, 5]],
    ]

    /// The volume_config-shaped object plus health and the merged (database-only) trigger list.
    static func compute(_ inputs: VolumeInputs, weekStart: CivilDay) -> [String: ToolValue] {
        let message = inputs.messageNet ?? 0
        let posts = inputs.postsNet ?? 0
        let analytics = message > 0 || posts > 0
        let revenue = max(0, analytics ? message + posts : Double(inputs.fanCount ?? 0) * 2.5)
        let tiers = DataTools.tiers
        var tier = tiers.last { tierMinimum[$0]! <= revenue } ?? "MINIMAL"
        let previous = inputs.previousTier.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
            .flatMap { tiers.contains($0) ? $0 : nil }
        if let previous, tiers.firstIndex(of: previous)! > tiers.firstIndex(of: tier)!,
            revenue >= 0.85 * tierMinimum[previous]!
        {
            tier = previous
        }
        let health = health(inputs.sends, weekStart: weekStart)
        let tmult = inputs.databaseTriggers.reduce(1.0) { $0 * $1.adjustmentMultiplier }
        let hadj = Double(health["volume_adjustment"]?.numberValue ?? 0)
        let base = ranges[tier]!.map { r in
            max(r[0], min(r[1], Int((Double(r[0] + r[1]) / 2 * tmult + hadj).rounded(.toNearestOrEven))))
        }
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        var weekly: [String: ToolValue] = [:]
        for i in 0..<7 {
            let day = weekStart.adding(i)
            let dm = day.weekdayFromMonday >= 4 ? 1.1 : 1.0
            weekly[names[day.weekdayFromMonday]] = [
                "date": .string(day.string), "revenue": .number((Double(base[0]) * dm).rounded(.toNearestOrEven)),
                "engagement": .number((Double(base[1]) * dm).rounded(.toNearestOrEven)), "retention": .number(Double(base[2])),
            ]
        }
        let bump: [String: Double] = ["lifestyle": 1.0, "softcore": 1.5, "amateur": 2.0, "explicit": 2.67]
        var bm = bump[inputs.contentCategory ?? "softcore"] ?? 1.5
        if tier != "MINIMAL" { bm = min(bm, 1.5) }
        return [
            "tier": .string(tier), "mm_revenue_monthly": .number(roundMoney(revenue)),
            "revenue_source": .string(analytics ? "analytics" : "fan_estimate"),
            "previous_tier": previous.map(ToolValue.string) ?? .null,
            "revenue_per_day": .array(ranges[tier]![0].map { .number(Double($0)) }),
            "engagement_per_day": .array(ranges[tier]![1].map { .number(Double($0)) }),
            "retention_per_day": .array(ranges[tier]![2].map { .number(Double($0)) }),
            "weekly_distribution": .object(weekly), "bump_multiplier": .number(bm), "calendar_boosts": [],
            "trigger_multiplier": .number(roundTo(tmult, 2)), "health_adjustment": .number(hadj),
            "health": .object(health),
            "active_triggers": .array(inputs.databaseTriggers.map {
                ["content_type": .string($0.contentType), "trigger_type": .string($0.triggerType),
                 "adjustment_multiplier": .number($0.adjustmentMultiplier), "confidence": .string($0.confidence),
                 "reason": .string($0.reason), "expires_at": .string($0.expiresAt), "source": "database"]
            }),
            "volume_source": "storage-placeholder",
        ]
    }

    /// Health of §3.2 with reference date `weekStart` (decline compared in cents).
    static func health(_ sends: [(date: String, earnings: Double)], weekStart: CivilDay) -> [String: ToolValue] {
        let from14 = weekStart.adding(-14).string
        let sends14 = sends.filter { $0.date >= from14 }.count
        var buckets: [Int: Double] = [:]
        for s in sends { if let d = CivilDay(s.date) { buckets[d.yearWeek, default: 0] += s.earnings } }
        let weeks = buckets.keys.sorted(by: >).prefix(8).map { roundMoney(buckets[$0]!) }
        var decline = 0
        while decline + 1 < weeks.count && weeks[decline] < weeks[decline + 1] { decline += 1 }
        let saturation = sends14 == 0 ? 50 : min(100, sends14 * 100 / 28)
        if sends14 == 0 { decline = 0 }
        let status = decline >= 4 ? "DEATH_SPIRAL" : decline >= 2 ? "WARNING" : "HEALTHY"
        let adjustment = status == "DEATH_SPIRAL" ? -1 : status == "WARNING" ? 0 : saturation < 30 ? 1 : 0
        let score = min(100, max(0, 100 - 15 * Double(decline) - 0.3 * Double(saturation)))
        return [
            "status": .string(status), "score": .number(roundTo(score, 1)), "consecutive_decline_weeks": .number(Double(decline)),
            "saturation_score": .number(Double(saturation)), "opportunity_score": .number(Double(100 - saturation)),
            "volume_adjustment": .number(Double(adjustment)),
        ]
    }
}
