import GRDB

extension SampleBuilder {
    /// vault_matrix: 12-15 rows per creator (none for new_creator) with the §6.4 allowed counts.
    mutating func insertVaults() throws {
        let required: [String: [String]] = [
            "alexia": ["lingerie", "b/g", "solo", "shower", "gym"],
            "grace_bennett": ["lingerie", "b/g", "solo", "shower", "gym", "outdoor", "cosplay"],
            "maya_hill": ["lingerie", "shower"],
            "whale_willa": ["lingerie", "b/g"],
            "all_avoid": ["lingerie", "b/g"],
        ]
        let fixedCount = ["tiny_tess": 2, "luna_free": 3, "all_avoid": 2, "empty_vault": 0]
        let ranges = [
            "MINIMAL": 3...4, "LITE": 4...6, "STANDARD": 5...8, "HIGH_VALUE": 7...10, "PREMIUM": 10...15,
        ]
        for c in roster where c.page != "new_creator" {
            var rng = SplitMix64(table: "vault_matrix", key: c.page)
            var rows = c.page == "empty_vault" ? 12 : rng.int(12...15)
            let allowedCount = fixedCount[c.page] ?? rng.int(ranges[c.group]!)
            rows = max(rows, allowedCount)
            let must = (required[c.page] ?? []).map(typeID)
            let rest = rng.shuffled((1...30).filter { !must.contains($0) })
            let allowedIDs = must + rest.prefix(max(0, allowedCount - must.count))
            let deniedIDs = rest.dropFirst(max(0, allowedCount - must.count)).prefix(rows - allowedIDs.count)
            allowed[c.page] = allowedIDs.sorted()
            let all = (allowedIDs.map { ($0, 1) } + deniedIDs.map { ($0, 0) }).sorted { $0.0 < $1.0 }
            for (id, has) in all {
                try insert("vault_matrix", ["creator_id", "content_type_id", "has_content"], [c.creatorID, id, has])
            }
        }
    }

    /// top_content_types: two snapshots for every creator except the four without rankings.
    mutating func insertRankings() throws {
        let none: Set = ["new_creator", "fans_only", "no_rankings", "dormant_dana"]
        let emerging: Set = ["maya_hill", "hv_free", "standard_free", "saturated_sam"]
        let columns = [
            "creator_id", "content_type", "analysis_date", "performance_tier", "avg_rps", "avg_purchase_rate",
            "send_count", "total_earnings", "confidence_score",
        ]
        for c in roster where !none.contains(c.page) {
            var rng = SplitMix64(table: "top_content_types", key: c.page)
            let vault = allowed[c.page] ?? []
            let allowedNames = rng.shuffled(vault).map(typeName)
            let others = rng.shuffled((1...30).filter { !vault.contains($0) }).map(typeName)
            var types = Array(allowedNames.prefix(10))
            types += others.prefix(min(rng.int(1...2), 10 - types.count))
            // AVOID selection: the first pick prefers a vault type while two non-AVOID vault types remain.
            var avoidSet: Set<String> = []
            if c.page == "all_avoid" {
                avoidSet = ["lingerie", "b/g"]
            } else {
                let u = rng.unit()
                let count = u < 0.4 ? 0 : u < 0.8 ? 1 : rng.int(2...3)
                var vaultAvoids = 0
                for name in rng.shuffled(types) where avoidSet.count < count {
                    let inVault = allowedNames.contains(name)
                    if inVault && allowedNames.count - vaultAvoids <= 2 { continue }
                    if inVault { vaultAvoids += 1 }
                    avoidSet.insert(name)
                }
                if count > 0 && vaultAvoids == 0, let first = allowedNames.first, allowedNames.count > 2,
                    let swap = types.first(where: avoidSet.contains)
                {
                    avoidSet.remove(swap)
                    avoidSet.insert(first)
                }
            }
            avoid[c.page] = avoidSet
            let ranked = types.filter { !avoidSet.contains($0) }
            let midCount = Int((Double(ranked.count) * 0.4).rounded())
            var tiers: [String: String] = [:]
            for (i, name) in ranked.enumerated() {
                tiers[name] = i < 2 ? "TOP" : i < 2 + midCount ? "MID" : "LOW"
            }
            for name in avoidSet { tiers[name] = "AVOID" }
            let highConversion = rng.chance(12.0 / 36.0)
            let latestAge = c.page == "grace_bennett" ? 1 : c.page == "stale_stella" ? 30 : 3
            let latest = asOf.adding(-latestAge)
            // The previous snapshot differs in at least one tier: AVOID before, MID now.
            var previousTiers = tiers
            if c.page == "all_avoid" {
                previousTiers["lingerie"] = "MID"
            } else if let changed = types.first(where: { tiers[$0] == "MID" })
                ?? types.first(where: { tiers[$0] != "AVOID" })
            {
                previousTiers[changed] = "AVOID"
            }
            let emergingType = emerging.contains(c.page) ? types.first { tiers[$0] == "MID" } : nil
            for (snapshot, tierMap) in [(latest, tiers), (latest.adding(-28), previousTiers)] {
                for (i, name) in types.enumerated() {
                    let tier = tierMap[name]!
                    let rps: Double
                    var rate: Double
                    switch tier {
                    case "TOP":
                        rps = rng.uniform(30, 80)
                        rate = highConversion ? rng.uniform(0.06, 0.09) : rng.uniform(0.03, 0.055)
                    case "MID": rps = rng.uniform(15, 30); rate = rng.uniform(0.03, 0.055)
                    case "LOW": rps = rng.uniform(5, 15); rate = rng.uniform(0.015, 0.03)
                    default: rps = rng.uniform(0.5, 5); rate = rng.uniform(0.005, 0.015)
                    }
                    var sends: Int? = rng.int(0...40)
                    if snapshot == latest && name == emergingType {
                        rate = rng.uniform(0.05, 0.059)
                        sends = rng.int(1...2)
                    }
                    if c.page == "jade-lee" && i == types.count - 1 { sends = nil }
                    if c.page == "rosa_free" && i == types.count - 1 { sends = 0 }
                    let earnings = sends.map { roundMoney(roundMoney(rps) * Double($0)) }
                    try insert(
                        "top_content_types", columns,
                        [
                            c.creatorID, name, snapshot.string, tier, roundMoney(rps), roundTo(rate, 4), sends,
                            earnings, roundTo(rng.uniform(0.3, 0.95), 2),
                        ])
                }
            }
        }
    }

    /// creator_personas: 31 rows; alexia fixed.
    func insertPersonas() throws {
        let emoji = SampleText.emoji
        let columns = [
            "creator_id", "primary_tone", "secondary_tone", "emoji_frequency", "favorite_emojis", "slang_level",
            "avg_sentiment", "avg_caption_length", "last_analyzed", "validation_status",
        ]
        for c in roster where !c.noPersona {
            var rng = SplitMix64(table: "creator_personas", key: c.page)
            var primary = rng.pick(["aggressive", "playful", "seductive", "sultry"])
            var secondary = rng.pick(["bratty", "sweet", "dominant", "girl_next_door", nil] as [String?])
            var frequency = rng.pick(["heavy", "moderate", "light", "none"])
            var slang = rng.pick(["none", "light", "heavy"])
            if c.page == "alexia" {
                (primary, secondary, frequency, slang) = ("playful", "bratty", "moderate", "light")
            }
            let favorites = rng.shuffled(emoji).prefix(rng.int(2...4)).joined()
            try insert(
                "creator_personas", columns,
                [
                    c.creatorID, primary, secondary, frequency, favorites, slang, roundTo(rng.uniform(0.2, 0.9), 2),
                    roundTo(rng.uniform(40, 220), 1), t0Minus(days: Double(rng.int(1...60))),
                    rng.pick(["validated", "pending"]),
                ])
        }
    }
}
