import Foundation

@testable import RunnerKit

/// The hand-built fixtures of schedule-domain §11.5 and small builders for tests.
enum SchedulingFixtures {
    static let defaultFive = ["lingerie", "b/g", "solo", "shower", "gym"]
    static let week = DayDate("2026-01-05")!
    static let fixedNow = Date(timeIntervalSince1970: 1_767_623_400)  // 2026-01-05T14:30:00Z

    struct Spec {
        var name: String
        var page: String
        var fans: Int
        var revenue: Double
        var vault: [String]
        var avoid: [String]
        var saturation: Int
        var decline: Int
        var category: String
    }

    static let specs: [String: Spec] = [
        "alexia": Spec(
            name: "alexia", page: "paid", fans: 5000, revenue: 1500, vault: defaultFive, avoid: [], saturation: 45,
            decline: 0, category: "softcore"),
        "grace_bennett": Spec(
            name: "grace_bennett", page: "paid", fans: 15000, revenue: 5000, vault: defaultFive + ["outdoor", "cosplay"],
            avoid: [], saturation: 45, decline: 0, category: "softcore"),
        "luna_free": Spec(
            name: "luna_free", page: "free", fans: 2000, revenue: 300, vault: defaultFive, avoid: [], saturation: 45,
            decline: 0, category: "lifestyle"),
        "empty_vault": Spec(
            name: "empty_vault", page: "paid", fans: 5000, revenue: 1500, vault: [], avoid: [], saturation: 45,
            decline: 0, category: "softcore"),
        "all_avoid": Spec(
            name: "all_avoid", page: "paid", fans: 5000, revenue: 1500, vault: ["lingerie", "b/g"],
            avoid: ["lingerie", "b/g"], saturation: 45, decline: 0, category: "softcore"),
        "struggling": Spec(
            name: "struggling", page: "paid", fans: 5000, revenue: 100, vault: defaultFive, avoid: [], saturation: 80,
            decline: 5, category: "softcore"),
    ]

    /// The raw rows of a fixture for `week`.
    static func data(_ name: String, week: DayDate = week) -> CreatorData {
        let spec = specs[name]!
        let creator = CreatorRow(
            creatorId: spec.name, pageName: spec.name, pageType: spec.page, timezone: "America/New_York",
            contentCategory: spec.category, currentFanCount: spec.fans, currentMessageNet: spec.revenue,
            currentPostsNet: 0)
        let analysis = week.adding(days: -3).description
        let rankings = spec.vault.enumerated().map { i, type in
            RankingRow(
                contentType: type, analysisDate: analysis,
                performanceTier: spec.avoid.contains(type) ? "AVOID" : (i < 2 ? "TOP" : "MID"),
                avgRps: 180 - 20 * Double(i), avgPurchaseRate: 5.5 - 0.5 * Double(i), sendCount: 10 + i,
                totalEarnings: nil, confidenceScore: 0.85)
        }
        return CreatorData(
            creator: creator, assignments: [], vaultTypes: spec.vault, rankings: rankings,
            persona: PersonaRow(primaryTone: "playful", secondaryTone: "bratty", emojiFrequency: "moderate", slangLevel: "light"),
            triggers: [], massMessages: messages(decline: spec.decline > 0, week: week),
            sendTypes: [], captions: captions(vault: spec.vault, week: week))
    }

    /// The fixture context, with the health values of the §11.5 table.
    static func context(_ name: String, week: DayDate = week) throws -> CreatorContext {
        let spec = specs[name]!
        var context = try CreatorContextBuilder.build(data(name, week: week), weekStart: week, generatedAt: fixedNow)
        context.health = HealthReport(saturation: spec.saturation, decline: spec.decline)
        return context
    }

    /// 12 sends in the last 14 days; rising or flat weekly earnings.
    static func messages(decline: Bool, week: DayDate) -> [MassMessageRow] {
        let span = decline ? 56 : 12
        return (1...span).map { age in
            MassMessageRow(sentDate: week.adding(days: -age).description, earnings: decline ? Double(age) * 10 : 10)
        }
    }

    /// Captions that were all used before (within 14 days) and carry no suggested price.
    static func captions(vault: [String], week: DayDate) -> [CaptionRow] {
        var rows: [CaptionRow] = []
        var id = 1000
        let used = week.adding(days: -5).description
        for type in vault {
            for i in 0..<14 {
                id += 1
                rows.append(
                    CaptionRow(
                        captionId: id, text: text(type, i), captionType: "ppv_unlock", contentType: type,
                        schedulableType: "ppv", performanceTier: 2, globalLastUsedDate: used, creatorLastUsedDate: used))
            }
        }
        for key in SendTypeKey.allCases {
            for i in 0..<(key == .ppvFollowup ? 40 : 12) {
                id += 1
                rows.append(
                    CaptionRow(
                        captionId: id, text: text(key.rawValue.replacingOccurrences(of: "_", with: " "), i),
                        captionType: key.rawValue, contentType: nil, schedulableType: nil, performanceTier: 3,
                        globalLastUsedDate: used, creatorLastUsedDate: week.adding(days: -120).description))
            }
        }
        return rows
    }

    static func text(_ topic: String, _ i: Int) -> String {
        "New \(topic) drop \(i): a little preview of what I shot this week, message me if you want the full gallery"
    }
}
