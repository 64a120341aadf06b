/// The quality rubric of schedule-domain §8.1 (soft checks; never rejects by itself).
public enum QualityRubric {
    /// A share with the §8.1 convention: denominator 0 counts as 1.0.
    static func share(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 1.0 : Double(numerator) / Double(denominator)
    }

    /// The five component scores of a schedule that passed every gate.
    public static func score(_ schedule: ScheduleOutput, context: CreatorContext, gate: GateData) -> ComponentScores {
        let entries = schedule.savedList
        let vault = Set(gate.vaultTypes)
        let avoid = Set(gate.avoidTypes)
        let inVault = entries.filter { $0.contentType.map(vault.contains) ?? false }.count
        let notAvoid = entries.filter { !($0.contentType.map(avoid.contains) ?? false) }.count
        return ComponentScores(
            vault: 25 * share(inVault, entries.count), avoid: 25 * share(notAvoid, entries.count),
            diversity: diversity(schedule, context: context), timing: timing(schedule, context: context),
            pricing: pricing(schedule, context: context))
    }

    /// Non-follow-up items of one date, by time.
    static func itemsByDate(_ schedule: ScheduleOutput) -> [DayDate: [ScheduleEntry]] {
        var byDate: [DayDate: [ScheduleEntry]] = [:]
        for item in schedule.items {
            guard let date = item.date else { continue }
            byDate[date, default: []].append(item)
        }
        for date in byDate.keys { byDate[date]!.sort { ($0.scheduledTime ?? "") < ($1.scheduledTime ?? "") } }
        return byDate
    }

    /// 8 × distinct/14 + 6 × day-plan balance + 3 × no back-to-back + 3 × revenue content variety.
    public static func diversity(_ schedule: ScheduleOutput, context: CreatorContext) -> Double {
        let keys = Set(schedule.savedList.compactMap(\.key))
        var score = 8 * min(1, Double(keys.count) / 14)
        let plans = DayPlanner.plan(context).plans
        var deviation = 0
        var target = 0
        for plan in plans {
            for category in SendCategory.allCases {
                if category == .retention, context.pageType == .free { continue }
                let actual = schedule.items.filter { $0.date == plan.date && $0.key?.category == category }.count
                deviation += abs(actual - plan.count(category))
                target += plan.count(category)
            }
        }
        score += 6 * max(0, 1 - (target == 0 ? 0 : Double(deviation) / Double(target)))
        var same = 0
        var pairs = 0
        for (_, items) in itemsByDate(schedule) {
            for (a, b) in zip(items, items.dropFirst()) {
                pairs += 1
                if a.sendTypeKey == b.sendTypeKey { same += 1 }
            }
        }
        score += 3 * (1 - (pairs == 0 ? 0 : Double(same) / Double(pairs)))
        let revenueTypes = Set(schedule.items.filter { $0.key?.category == .revenue }.compactMap(\.contentType))
        score += 3 * min(1, share(revenueTypes.count, min(4, context.eligibleContent.count)))
        return score
    }

    /// Minimum hours between consecutive sends, by (from, to) category.
    static func cooldownHours(_ from: SendCategory, _ to: SendCategory) -> Int {
        switch (from, to) {
        case (.revenue, .revenue), (.engagement, .revenue), (.retention, .retention): 4
        case (.revenue, .retention), (.retention, .revenue): 2
        default: 1
        }
    }

    /// 6 × prime revenue + 4 × cooldown + 3 × non-round minutes + 2 × correct follow-ups.
    public static func timing(_ schedule: ScheduleOutput, context: CreatorContext) -> Double {
        let revenue = schedule.items.filter { $0.key?.category == .revenue }
        let prime = revenue.filter { item in
            guard let date = item.date, let time = item.time else { return false }
            return SlotSeeds.isPrime(hour: time.hour, on: date.weekday)
        }.count
        var ok = 0
        var pairs = 0
        for (_, items) in itemsByDate(schedule) {
            for (a, b) in zip(items, items.dropFirst()) {
                guard let ka = a.key, let kb = b.key, let ta = a.time, let tb = b.time else { continue }
                pairs += 1
                if tb.minutes - ta.minutes >= 60 * cooldownHours(ka.category, kb.category) { ok += 1 }
            }
        }
        let entries = schedule.savedList
        let nonRound = entries.filter { $0.time.map { !$0.isRound } ?? false }.count
        let goodFollowups = schedule.followups.enumerated().filter { position, f in
            guard let parent = f.parentItemIndex, schedule.items.indices.contains(parent),
                let pt = schedule.items[parent].time, let pd = schedule.items[parent].date, let ft = f.time,
                let fd = f.date
            else { return false }
            let delay = LocalMoment(fd, ft).value - LocalMoment(pd, pt).value
            let spaced = schedule.followups.enumerated().allSatisfy { otherPosition, other in
                otherPosition == position || other.date != fd
                    || other.time.map { abs($0.minutes - ft.minutes) >= 60 } ?? true
            }
            return (15...45).contains(delay) && spaced
        }.count
        return 6 * share(prime, revenue.count) + 4 * share(ok, pairs) + 3 * share(nonRound, entries.count)
            + 2 * share(goodFollowups, schedule.followups.count)
    }

    /// 5 × price presence + 6 × typical range + 4 × agreement with the engine (±$1).
    public static func pricing(_ schedule: ScheduleOutput, context: CreatorContext) -> Double {
        let entries = schedule.savedList
        let presence = entries.filter { e in
            guard let key = e.key else { return false }
            return (e.price != nil) == context.constraint(key).requiresPrice
        }.count
        let priced = entries.filter { $0.price != nil }
        let inRange = priced.filter { e in
            guard let range = e.key?.typicalPriceRange, let price = e.price else { return false }
            return range.contains(price)
        }.count
        let pricing = PricingEngine(context: context)
        let agreeing = priced.filter { e in
            guard let key = e.key, let date = e.date, let time = e.time, let price = e.price,
                let engine = pricing.price(
                    key: key, contentType: e.contentType, date: date, time: time, caption: context.caption(id: e.captionId))
            else { return false }
            return Rounding.denoise(abs(engine - price)) <= 1.0
        }.count
        return 5 * share(presence, entries.count) + 6 * share(inRange, priced.count) + 4 * share(agreeing, priced.count)
    }
}
