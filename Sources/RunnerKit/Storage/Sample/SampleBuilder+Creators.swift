import GRDB

extension SampleBuilder {
    /// creators (§6.3 plus "other creator columns").
    func insertCreators() throws {
        let timezones = ["America/Los_Angeles", "America/Chicago", "America/New_York"]
        let columns = [
            "creator_id", "page_name", "display_name", "page_type", "subscription_price", "timezone",
            "content_category", "performance_tier", "is_active", "current_fan_count", "current_active_fans",
            "current_total_earnings", "current_message_net", "current_posts_net", "metrics_snapshot_date",
            "metrics_period_start", "metrics_period_end", "updated_at", "base_price",
        ]
        for c in roster {
            var rng = SplitMix64(table: "creators", key: c.page)
            let price = c.paid ? roundMoney(rng.uniform(4.99, 19.99)) : 0
            let timezone = rng.pick(timezones)
            let tier = rng.int(1...5)
            let total: Double? =
                c.messageNet == nil && c.postsNet == nil
                ? nil : roundMoney(1.6 * ((c.messageNet ?? 0) + (c.postsNet ?? 0)))
            var snapshot: String?
            var periodStart: String?
            var periodEnd: String?
            if c.page != "new_creator" {
                let age = c.page == "stale_stella" ? 30 : 2
                snapshot = t0Minus(days: Double(age))
                periodEnd = asOf.adding(-age).string
                periodStart = asOf.adding(-age - 30).string
            }
            try insert(
                "creators", columns,
                [
                    c.creatorID, c.page, Self.displayName(c.page), c.paid ? "paid" : "free", price,
                    c.timezoneNull ? nil : timezone, c.category, tier, c.active ? 1 : 0, c.fans, c.fans, total,
                    c.messageNet, c.postsNet, snapshot, periodStart, periodEnd, snapshot, nil,
                ])
        }
    }

    /// Title-cased page name: words split on `_` become spaces, hyphenated parts keep the hyphen.
    static func displayName(_ page: String) -> String {
        page.split(separator: "_").map { word in
            word.split(separator: "-", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-")
        }.joined(separator: " ")
    }

    /// volume_assignments: one active row per assigned creator plus 10 inactive history rows.
    func insertAssignments() throws {
        let perDay = ["MINIMAL": (2, 1), "LITE": (2, 1), "STANDARD": (4, 2), "HIGH_VALUE": (6, 3), "PREMIUM": (8, 4)]
        let columns = ["creator_id", "volume_level", "ppv_per_day", "bump_per_day", "is_active", "assigned_at"]
        for c in roster {
            guard let tier = c.assigned else { continue }
            let rates = perDay[tier]!
            try insert("volume_assignments", columns, [c.creatorID, tier, rates.0, rates.1, 1, t0Minus(days: 10)])
        }
        var rng = SplitMix64(table: "volume_assignments", key: "history")
        let candidates = rng.shuffled(SampleRoster.creators.filter { $0.assigned != nil })
        for c in candidates.prefix(10) {
            let others = SampleRoster.tiers.filter { $0 != c.assigned }
            let tier = rng.pick(others)
            let rates = perDay[tier]!
            let days = Double(rng.int(60...120))
            try insert("volume_assignments", columns, [c.creatorID, tier, rates.0, rates.1, 0, t0Minus(days: days)])
        }
    }

    /// mass_messages: 70 days of sends with bucket totals rescaled to the decline pattern.
    mutating func insertMassMessages() throws {
        let columns = [
            "creator_id", "sent_date", "imported_at", "sent_count", "viewed_count", "purchased_count", "earnings",
            "view_rate",
        ]
        // Calendar bucket index of every day in the 70-day range (index 0: days from W to as_of).
        var bucketIndex: [Int: Int] = [:]
        var olderKeys: [Int] = []
        for d in 0...69 {
            let day = asOf.adding(-d)
            if day >= week { continue }
            if !olderKeys.contains(day.yearWeek) { olderKeys.append(day.yearWeek) }
        }
        for (i, key) in olderKeys.enumerated() { bucketIndex[key] = i + 1 }
        for c in roster where !c.noMM {
            var rng = SplitMix64(table: "mass_messages", key: c.page)
            let fans = Double(c.fans ?? 0)
            struct Send { var day: CivilDay; var d: Int; var sent, viewed, purchased: Int; var weight: Double }
            var sends: [Send] = []
            for d in 0...69 {
                var rate = SampleRoster.sendRate(c)
                var count: Int
                if c.page == "tiny_tess" && d < 30 {
                    count = (d == 4 || d == 18) ? 1 : 0
                } else {
                    if c.page == "tiny_tess" { rate = 50 }
                    count = (d + 1) * rate / 100 - d * rate / 100
                }
                if c.page == "stale_stella" && d < 24 { count = 0 }
                for _ in 0..<count {
                    let sent = Int((fans * rng.uniform(0.85, 0.98)).rounded(.toNearestOrEven))
                    let viewed = Int((Double(sent) * rng.uniform(0.25, 0.55)).rounded(.toNearestOrEven))
                    let purchased = Int((Double(viewed) * rng.uniform(0.03, 0.10)).rounded(.toNearestOrEven))
                    let weight = rng.uniform(0.85, 1.15)
                    sends.append(Send(day: asOf.adding(-d), d: d, sent: sent, viewed: viewed, purchased: purchased, weight: weight))
                }
            }
            // Rescale earnings so each bucket totals (message net x 7 / 30) x factor, to the cent.
            let weekly = (c.messageNet ?? 0) * 7 / 30
            var earnings = Array(repeating: 0.0, count: sends.count)
            var groups: [Int: [Int]] = [:]
            for (i, s) in sends.enumerated() { groups[s.day.yearWeek, default: []].append(i) }
            for (key, members) in groups {
                let isCurrent = members.contains { sends[$0].day >= week }
                let index = isCurrent ? 0 : bucketIndex[key]!
                let targetCents = Int((weekly * Self.factor(c.page, index) * 100).rounded(.toNearestOrEven))
                let totalWeight = members.reduce(0) { $0 + sends[$1].weight }
                var assigned = 0
                for (j, m) in members.enumerated() {
                    let cents = j == members.count - 1
                        ? targetCents - assigned
                        : Int((Double(targetCents) * sends[m].weight / totalWeight).rounded(.toNearestOrEven))
                    assigned += cents
                    earnings[m] = Double(cents) / 100
                }
            }
            var health: [(day: CivilDay, cents: Int)] = []
            for (i, s) in sends.enumerated() {
                let imported = s.d == 0 ? t0.adding(seconds: -3600).string : s.day.adding(1).timestamp(hour: 6)
                let viewRate = s.sent > 0 ? Double(s.viewed) / Double(s.sent) : 0
                try insert(
                    "mass_messages", columns,
                    [c.creatorID, s.day.string, imported, s.sent, s.viewed, s.purchased, earnings[i], viewRate])
                health.append((s.day, Int((earnings[i] * 100).rounded())))
            }
            healthInput[c.page] = health
        }
    }

    /// Bucket factor by index (§6.4 mass_messages).
    static func factor(_ page: String, _ index: Int) -> Double {
        let table: [Double]
        let rest: Double
        switch page {
        case "warning_wendy": (table, rest) = ([0.45, 0.6, 0.75, 0.9, 1.05], 0.8)
        case "struggling": (table, rest) = ([0.4, 0.5, 0.6, 0.7, 0.8, 0.9], 1.0)
        default: (table, rest) = ([0.7, 1.2], 1.0)
        }
        return index < table.count ? table[index] : rest
    }

    /// Recomputes health for week W (schedule-domain.md §3.2 decline rule, sums in cents) and
    /// aborts when a creator's status differs from §6.6.
    func verifyHealth() throws {
        let from = week.adding(-56)
        for (page, rows) in healthInput {
            var sums: [Int: Int] = [:]
            for r in rows where r.day >= from && r.day < week { sums[r.day.yearWeek, default: 0] += r.cents }
            let ordered = sums.keys.sorted(by: >).prefix(8).map { sums[$0]! }
            var decline = 0
            while decline + 1 < ordered.count && ordered[decline] < ordered[decline + 1] { decline += 1 }
            let status = decline >= 4 ? "DEATH_SPIRAL" : decline >= 2 ? "WARNING" : "HEALTHY"
            let expected =
                page == "struggling" ? "DEATH_SPIRAL" : page == "warning_wendy" ? "WARNING" : "HEALTHY"
            if status != expected {
                throw StorageError.sampleInconsistent("\(page) health is \(status) (decline \(decline)), expected \(expected)")
            }
        }
    }
}
