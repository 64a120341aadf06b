/// The seven hard gates of schedule-domain §7.2, in order, over items and follow-ups.
public enum HardGates {
    /// A gate's name in `checks_performed` and `violations_found`.
    static let names: [(check: String, count: String)] = [
        ("vault_compliance", "vault"), ("avoid_tier_exclusion", "avoid_tier"), ("page_type_compliance", "page_type"),
        ("send_type_diversity", "diversity"), ("flyer_requirements", "flyer"), ("timing_validation", "timing"),
        ("price_bounds", "price"),
    ]

    /// The violations of gate `index` (0-based, gate order).
    public static func run(
        _ index: Int, schedule: ScheduleOutput, context: CreatorContext, gate: GateData
    ) -> [Violation] {
        let entries = schedule.savedList
        switch index {
        case 0:
            let vault = Set(gate.vaultTypes)
            return entries.enumerated().compactMap { i, e in
                guard let type = e.contentType, vault.contains(type) else {
                    return Violation(
                        code: "VAULT_VIOLATION", message: "entry \(i): content_type \(e.contentType ?? "null") is not in the vault",
                        itemIndex: i)
                }
                return nil
            }
        case 1:
            let avoid = Set(gate.avoidTypes)
            return entries.enumerated().compactMap { i, e in
                guard let type = e.contentType, avoid.contains(type) else { return nil }
                return Violation(code: "AVOID_TIER_VIOLATION", message: "entry \(i): content_type \(type) is AVOID", itemIndex: i)
            }
        case 2:
            return entries.enumerated().compactMap { i, e in
                guard let key = e.key, !key.allowed(on: context.pageType) else { return nil }
                return Violation(
                    code: "PAGE_TYPE_VIOLATION", message: "entry \(i): \(key.rawValue) is not allowed on a \(context.pageType.rawValue) page",
                    itemIndex: i)
            }
        case 3: return diversity(entries, page: context.pageType)
        case 4:
            return schedule.items.enumerated().compactMap { i, e in
                guard let key = e.key, key.requiresFlyer, e.flyerRequired != 1 else { return nil }
                return Violation(
                    code: "FLYER_REQUIREMENT_VIOLATION", message: "item \(i): \(key.rawValue) requires flyer_required 1",
                    itemIndex: i)
            }
        case 5: return TimingGate.run(schedule, context: context)
        default:
            return entries.enumerated().compactMap { i, e in
                guard let price = e.price, price < 5 || price > 50 else { return nil }
                return Violation(
                    code: "PRICE_OUT_OF_BOUNDS", message: "entry \(i): price \(price) is outside [5.00, 50.00]", itemIndex: i)
            }
        }
    }

    /// Distinct keys ≥ 10, revenue ≥ 4, engagement ≥ 4, paid retention ≥ 2; count = unmet minima.
    static func diversity(_ entries: [ScheduleEntry], page: PageType) -> [Violation] {
        let keys = Set(entries.compactMap(\.key))
        var unmet: [String] = []
        if keys.count < 10 { unmet.append("\(keys.count) distinct send types (need 10)") }
        let revenue = keys.filter { $0.category == .revenue }.count
        if revenue < 4 { unmet.append("\(revenue) revenue types (need 4)") }
        let engagement = keys.filter { $0.category == .engagement }.count
        if engagement < 4 { unmet.append("\(engagement) engagement types (need 4)") }
        let retention = keys.filter { $0.category == .retention }.count
        if page == .paid, retention < 2 { unmet.append("\(retention) retention types (need 2)") }
        guard !unmet.isEmpty else { return [] }
        return [
            Violation(
                code: "INSUFFICIENT_DIVERSITY", message: "insufficient diversity: " + unmet.joined(separator: "; "),
                itemIndex: nil, count: unmet.count)
        ]
    }
}

/// The timing gate: window, 45-minute spacing, same-type gaps, caps and follow-up rules.
enum TimingGate {
    static func run(_ schedule: ScheduleOutput, context: CreatorContext) -> [Violation] {
        var found: [Violation] = []
        func report(_ message: String, _ index: Int?) {
            found.append(Violation(code: "TIMING_COLLISION", message: message, itemIndex: index))
        }
        let entries = schedule.savedList
        let itemCount = schedule.items.count
        struct Placed {
            var index: Int
            var key: SendTypeKey
            var date: DayDate
            var time: ClockTime
            var isFollowup: Bool
        }
        let placed = entries.enumerated().compactMap { i, e -> Placed? in
            guard let key = e.key, let date = e.date, let time = e.time else { return nil }
            return Placed(index: i, key: key, date: date, time: time, isFollowup: i >= itemCount)
        }
        for p in placed where p.time.minutes < 7 * 60 {
            report("entry \(p.index): \(p.time) is outside 07:00-23:59", p.index)
        }
        // 45-minute spacing of items on the same date.
        let items = placed.filter { !$0.isFollowup }.sorted { ($0.date, $0.time) < ($1.date, $1.time) }
        for (a, b) in zip(items, items.dropFirst()) where a.date == b.date && b.time.minutes - a.time.minutes < 45 {
            report("items \(a.index) and \(b.index) are \(b.time.minutes - a.time.minutes) minutes apart (need 45)", b.index)
        }
        // Same-type gaps across the week, follow-ups included.
        for key in SendTypeKey.allCases {
            let sends = placed.filter { $0.key == key }.sorted { LocalMoment($0.date, $0.time) < LocalMoment($1.date, $1.time) }
            let gap = Int((context.constraint(key).minHoursBetween * 60).rounded(.up))
            for (a, b) in zip(sends, sends.dropFirst()) {
                let minutes = LocalMoment(b.date, b.time).value - LocalMoment(a.date, a.time).value
                if minutes < gap {
                    report("\(key.rawValue) entries \(a.index) and \(b.index) are \(minutes) minutes apart (need \(gap))", b.index)
                }
            }
            let constraint = context.constraint(key)
            var perDay: [DayDate: Int] = [:]
            for s in sends { perDay[s.date, default: 0] += 1 }
            for (date, n) in perDay.sorted(by: { $0.key < $1.key }) where n > constraint.maxPerDay {
                report("\(key.rawValue) has \(n) sends on \(date) (max \(constraint.maxPerDay))", nil)
            }
            if let week = constraint.maxPerWeek, sends.count > week {
                report("\(key.rawValue) has \(sends.count) sends in the week (max \(week))", nil)
            }
        }
        // Follow-ups: 15–45 minutes after the parent; ≤ 5 a date, ≥ 60 minutes apart.
        for (offset, f) in schedule.followups.enumerated() {
            let index = itemCount + offset
            guard let parent = f.parentItemIndex, schedule.items.indices.contains(parent),
                let pt = schedule.items[parent].time, let pd = schedule.items[parent].date, let ft = f.time, let fd = f.date
            else { continue }
            let delay = LocalMoment(fd, ft).value - LocalMoment(pd, pt).value
            if delay < 15 || delay > 45 { report("follow-up \(index) is \(delay) minutes after its parent (need 15-45)", index) }
        }
        let followups = placed.filter(\.isFollowup).sorted { ($0.date, $0.time) < ($1.date, $1.time) }
        var perDate: [DayDate: Int] = [:]
        for f in followups { perDate[f.date, default: 0] += 1 }
        for (date, n) in perDate.sorted(by: { $0.key < $1.key }) where n > 5 {
            report("\(n) follow-ups on \(date) (max 5)", nil)
        }
        for (a, b) in zip(followups, followups.dropFirst()) where a.date == b.date && b.time.minutes - a.time.minutes < 60 {
            report("follow-ups \(a.index) and \(b.index) are \(b.time.minutes - a.time.minutes) minutes apart (need 60)", b.index)
        }
        return found
    }
}
