import Foundation

@testable import RunnerKit

/// A seeded generator of plausible and awkward `CreatorData` values for property tests.
struct RandomCreatorData {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + Double(next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
    }

    mutating func chance(_ p: Double) -> Bool { double(0...1) < p }

    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    static let contentTypes = [
        "lingerie", "b/g", "g/g", "solo", "shower", "bath", "gym", "yoga", "outdoor", "beach", "cosplay", "roleplay",
        "feet", "toys", "oil", "dance", "tease", "pov", "joi", "sexting",
    ]

    /// One creator-week: the rows and a week start (any weekday, 2026–2027).
    mutating func make(index: Int) -> (CreatorData, DayDate) {
        let week = DayDate("2026-01-01")!.adding(days: int(0...720))
        let page = chance(0.2) ? "free" : "paid"
        let revenue = pick([0.0, 50, 149, 150, 700, 800, 2000, 2999, 3000, 6000, 8000, 15000, 40000])
        let creator = CreatorRow(
            creatorId: "cr_prop_\(index)", pageName: "prop_\(index)", pageType: chance(0.05) ? nil : page,
            timezone: chance(0.3) ? nil : "America/Chicago",
            contentCategory: pick(["lifestyle", "softcore", "amateur", "explicit", nil, "odd"]),
            currentFanCount: chance(0.1) ? nil : int(0...60000), currentMessageNet: chance(0.2) ? 0 : revenue,
            currentPostsNet: chance(0.5) ? nil : double(0...500), basePrice: chance(0.3) ? double(-5...40) : nil)
        let vaultSize = chance(0.08) ? 0 : int(1...12)
        var vault: [String] = []
        while vault.count < vaultSize {
            let t = pick(Self.contentTypes)
            if !vault.contains(t) { vault.append(t) }
        }
        let allAvoid = chance(0.05)
        let analysis = week.adding(days: -int(1...40)).description
        let rankings = (vault + (chance(0.5) ? ["feet"] : [])).compactMap { type -> RankingRow? in
            if chance(0.15) { return nil }
            let tier = allAvoid ? "AVOID" : pick(["TOP", "MID", "MID", "LOW", "AVOID", "WEIRD"])
            return RankingRow(
                contentType: type, analysisDate: analysis, performanceTier: tier, avgRps: chance(0.1) ? nil : double(0.5...80),
                avgPurchaseRate: chance(0.1) ? nil : double(0.01...0.09), sendCount: chance(0.1) ? nil : int(0...40),
                totalEarnings: double(0...500), confidenceScore: double(0.3...0.95),
                wowRevenueChange: chance(0.1) ? double(-30...30) : nil, openRateChange7d: chance(0.1) ? double(-30...10) : nil,
                decliningDays: chance(0.1) ? int(0...6) : nil)
        }
        let triggers: [TriggerRow]? =
            chance(0.05)
            ? nil
            : (0..<int(0...3)).map { _ in
                TriggerRow(
                    contentType: vault.isEmpty ? "lingerie" : pick(vault),
                    triggerType: pick(["HIGH_PERFORMER", "TRENDING_UP", "SATURATING", "AUDIENCE_FATIGUE", "EMERGING_WINNER"]),
                    adjustmentMultiplier: double(0.5...2.0), expiresAt: Timestamp.string(
                        TriggerEngine.referenceInstant(week).addingTimeInterval(double(-5...5) * 86400)),
                    isActive: chance(0.9))
            }
        let sendRate = pick([0, 1, 2, 3, 5])
        let messages: [MassMessageRow] = (1...56).flatMap { age -> [MassMessageRow] in
            (0..<int(0...sendRate)).map { _ in
                MassMessageRow(sentDate: week.adding(days: -age).description, earnings: chance(0.05) ? nil : double(0...400))
            }
        }
        var sendTypes: [SendTypeRow] = []
        if chance(0.15) {
            let key = pick(SendTypeKey.allCases)
            let table = key.tableLimits
            sendTypes.append(
                SendTypeRow(
                    key: key.rawValue, maxPerDay: max(1, table.perDay + int(-1...1)), maxPerWeek: table.perWeek,
                    minHoursBetween: table.minHours, requiresMedia: table.media, requiresPrice: table.price,
                    primaryChannelKey: pick([nil, "wall_post", "nonsense"])))
        }
        return (
            CreatorData(
                creator: creator, assignments: chance(0.5)
                    ? [AssignmentRow(volumeLevel: pick(["LITE", "STANDARD", "PREMIUM", "High"]), isActive: true, assignedAt: "2025-12-01T00:00:00.000Z")]
                    : [],
                vaultTypes: vault, rankings: rankings,
                persona: chance(0.2)
                    ? nil
                    : PersonaRow(
                        primaryTone: "sultry", secondaryTone: nil, emojiFrequency: pick(["none", "light", "moderate", "heavy"]),
                        slangLevel: "none"),
                triggers: triggers, massMessages: chance(0.05) ? nil : messages, sendTypes: sendTypes,
                captions: captions(vault: vault, week: week)),
            week
        )
    }

    /// Caption pools of uneven sizes, with some invalid texts and some empty pools.
    mutating func captions(vault: [String], week: DayDate) -> [CaptionRow] {
        var rows: [CaptionRow] = []
        var id = 1
        let emoji = "\u{1F525}"
        func text(_ i: Int) -> String {
            switch int(0...9) {
            case 0: return "hi"
            case 1: return "CLICK HERE NOW AND BUY NOW BEFORE IT IS GONE FOREVER"
            case 2: return "Fresh set \(i) " + String(repeating: emoji, count: int(0...12)) + " open it tonight, you will love every second of it babe"
            default: return "Brand new set number \(i) is waiting for you tonight, open it and tell me what you think of it"
            }
        }
        for type in vault where !chance(0.1) {
            for _ in 0..<int(0...8) {
                rows.append(
                    CaptionRow(
                        captionId: id, text: text(id), captionType: "ppv_unlock", contentType: type, schedulableType: "ppv",
                        performanceTier: chance(0.1) ? nil : int(1...4),
                        globalLastUsedDate: chance(0.3) ? nil : week.adding(days: -int(1...200)).description,
                        suggestedPrice: chance(0.4) ? double(9.99...39.99) : nil,
                        creatorLastUsedDate: chance(0.4) ? nil : week.adding(days: -int(1...200)).description))
                id += 1
            }
        }
        for key in SendTypeKey.allCases where !chance(0.15) {
            for _ in 0..<int(0...6) {
                rows.append(
                    CaptionRow(
                        captionId: id, text: text(id), captionType: key.rawValue,
                        contentType: chance(0.7) || vault.isEmpty ? nil : pick(vault + ["cosplay"]),
                        schedulableType: nil, performanceTier: int(1...4),
                        creatorLastUsedDate: chance(0.5) ? nil : week.adding(days: -int(1...200)).description))
                id += 1
            }
        }
        return rows
    }
}
