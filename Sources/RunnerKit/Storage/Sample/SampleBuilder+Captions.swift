import GRDB

extension SampleBuilder {
    /// caption_bank: 973 captions by send type (§6.4), ids in generation order.
    mutating func insertCaptions() throws {
        // key, count, content rule: 0 all with a type, 1 half NULL, 2 ppv_unlock's 10 per type + 10 NULL.
        let plan: [(String, Int, Int)] = [
            ("ppv_unlock", 300, 2), ("ppv_wall", 60, 0), ("bundle", 40, 0), ("flash_bundle", 40, 0),
            ("tip_goal", 40, 1), ("vip_program", 40, 1), ("game_post", 40, 1), ("snapchat_bundle", 40, 1),
            ("first_to_tip", 40, 1), ("bump_normal", 60, 0), ("bump_descriptive", 30, 0), ("link_drop", 30, 0),
            ("wall_link_drop", 30, 0), ("bump_text_only", 30, 0), ("bump_flyer", 30, 0), ("live_promo", 30, 0),
            ("dm_farm", 3, 0), ("renew_on_post", 25, 0), ("renew_on_message", 25, 0), ("ppv_followup", 40, 0),
        ]
        let nonCosplay = (1...30).filter { $0 != typeID("cosplay") }
        let columns = [
            "caption_id", "caption_text", "caption_type", "content_type_id", "is_active", "performance_tier",
            "global_last_used_date", "global_times_used", "caption_hash", "suggested_price", "price_range_min",
            "price_range_max", "avg_purchase_rate", "schedulable_type",
        ]
        var nextID = 1
        for (key, count, rule) in plan {
            var rng = SplitMix64(table: "caption_bank", key: key)
            for i in 0..<count {
                let content: Int?
                switch rule {
                case 2: content = i < 290 ? nonCosplay[i / 10] : nil
                case 1: content = i % 2 == 0 ? rng.pick(nonCosplay) : nil
                default: content = rng.pick(nonCosplay)
                }
                let text = SampleText.caption(&rng, content: content.map(typeName))
                let active = key == "dm_farm" ? true : !rng.chance(0.08)
                let u = rng.unit()
                let tier = u < 0.10 ? 1 : u < 0.40 ? 2 : u < 0.80 ? 3 : 4
                let used = !rng.chance(0.25)
                let lastUsed = used ? asOf.adding(-rng.int(1...240)).string : nil
                let times = used ? rng.int(0...60) : 0
                let schedulable = Self.schedulableType(key)
                var price: Double?
                var rate: Double?
                if schedulable == "ppv" && rng.chance(0.6) {
                    price = roundMoney(rng.uniform(9.99, 39.99))
                    rate = roundTo(rng.uniform(0.02, 0.15), 4)
                }
                try insert(
                    "caption_bank", columns,
                    [
                        nextID, text, key, content, active ? 1 : 0, tier, lastUsed, times, HashText.sha256Hex(text),
                        price, 5.0, 50.0, rate, schedulable,
                    ])
                captions.append((nextID, key, content, active, schedulable))
                nextID += 1
            }
        }
    }

    /// The schedulable_type rule of §2.10.
    static func schedulableType(_ key: String) -> String? {
        switch key {
        case "ppv_unlock", "ppv_wall": "ppv"
        case "bump_normal", "bump_descriptive": "ppv_bump"
        case "wall_link_drop": "wall"
        default: nil
        }
    }

    /// caption_creator_performance for the 15 creators with usage history.
    func insertCaptionPerformance() throws {
        let pages = [
            "alexia", "maya_hill", "grace_bennett", "whale_willa", "luna_free", "premium_paige", "saturated_sam",
            "compound_clara", "warning_wendy", "hv_free", "jade-lee", "standard_free", "struggling", "premium_free",
            "rosa_free",
        ]
        let columns = [
            "caption_id", "creator_id", "times_used", "first_used_date", "last_used_date", "avg_rps",
            "avg_conversion_rate", "total_revenue", "created_at", "updated_at",
        ]
        for page in pages {
            guard let creator = roster.first(where: { $0.page == page }) else { continue }
            var rng = SplitMix64(table: "caption_creator_performance", key: page)
            let vault = Set(allowed[page] ?? [])
            let pool = captions.filter { $0.content.map(vault.contains) ?? false }.map(\.id)
            var chosen: [Int] = []
            var recent: Set<Int> = []
            if page == "whale_willa" {
                let heavy = Set([typeID("lingerie"), typeID("b/g")])
                chosen = captions.filter {
                    $0.active && $0.schedulable == "ppv" && ($0.content.map(heavy.contains) ?? false)
                }.map(\.id)
                recent = Set(chosen)
            }
            let target = max(rng.int(30...60), chosen.count)
            for id in rng.shuffled(pool) where chosen.count < target && !chosen.contains(id) { chosen.append(id) }
            for id in chosen {
                var times = rng.int(1...10)
                var last: CivilDay?
                if recent.contains(id) {
                    last = asOf.adding(-rng.int(1...30))
                } else {
                    let u = rng.unit()
                    if u < 0.40 {
                        last = asOf.adding(-rng.int(1...89))
                    } else if u < 0.95 {
                        last = asOf.adding(-rng.int(91...365))
                    } else {
                        times = 0
                    }
                }
                let first = last.map { $0.adding(-rng.int(0...60)) }
                let rps = roundMoney(rng.uniform(5, 60))
                try insert(
                    "caption_creator_performance", columns,
                    [
                        id, creator.creatorID, times, first?.string, last?.string, rps,
                        roundTo(rng.uniform(0.01, 0.12), 4), roundMoney(rps * Double(times)),
                        t0Minus(days: 400), last.map { $0.timestamp(hour: 12) } ?? t0Minus(days: 400),
                    ])
            }
        }
    }
}
