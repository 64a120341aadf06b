/// Send-type allocation with week-long rotations (§6.3) and the diversity swaps (§6.4).
struct SendTypeAllocator {
    /// A slot before ordering: its date, category, key and its allocation position within the date.
    struct RawSlot {
        var date: DayDate
        var category: SendCategory
        var key: SendTypeKey
        var order: Int
    }

    let context: CreatorContext
    let plans: [DayPlan]
    private(set) var slots: [RawSlot] = []
    private(set) var warnings: [GenerationWarning] = []
    private var pointers: [String: Int] = [:]
    /// Counts per (date ordinal, key position) and per key position, kept in step with `slots`.
    private var dayCounts: [Int: [Int]] = [:]
    private var weekCounts = Array(repeating: 0, count: SendTypeKey.allCases.count)

    static let paidRevenue: [SendTypeKey] = [
        .bundle, .tipGoal, .firstToTip, .flashBundle, .gamePost, .tipGoal, .vipProgram, .snapchatBundle,
    ]
    static let freeRevenue: [SendTypeKey] = [
        .ppvWall, .bundle, .firstToTip, .flashBundle, .ppvWall, .gamePost, .vipProgram, .snapchatBundle, .ppvWall,
    ]
    static let bump: [SendTypeKey] = [.bumpNormal, .bumpDescriptive, .bumpFlyer, .bumpTextOnly]
    static let otherEngagement: [SendTypeKey] = [.linkDrop, .dmFarm, .wallLinkDrop, .livePromo, .likeFarm]
    static let retention: [SendTypeKey] = [.renewOnPost, .renewOnMessage, .expiredWinback, .renewOnPost]

    init(context: CreatorContext, plans: [DayPlan]) {
        self.context = context
        self.plans = plans
    }

    var revenueRotation: [SendTypeKey] { context.pageType == .paid ? Self.paidRevenue : Self.freeRevenue }

    // MARK: allowed checks

    func dayCount(_ key: SendTypeKey, _ date: DayDate) -> Int { dayCounts[date.ordinal]?[key.position] ?? 0 }

    func weekCount(_ key: SendTypeKey) -> Int { weekCounts[key.position] }

    mutating func count(_ key: SendTypeKey, _ date: DayDate, _ delta: Int) {
        dayCounts[date.ordinal, default: Array(repeating: 0, count: SendTypeKey.allCases.count)][key.position] += delta
        weekCounts[key.position] += delta
    }

    func allowed(_ key: SendTypeKey, on plan: DayPlan) -> Bool {
        guard key.allowed(on: context.pageType) else { return false }
        let c = context.constraint(key)
        if dayCount(key, plan.date) >= c.maxPerDay { return false }
        if let week = c.maxPerWeek, weekCount(key) >= week { return false }
        if key == .vipProgram, !plan.isVipDate { return false }
        if key == .snapchatBundle, !plan.isSnapchatDate { return false }
        return true
    }

    /// Takes the first allowed entry from the pointer onward (wrapping once) and advances past it.
    mutating func fill(_ name: String, _ rotation: [SendTypeKey], _ plan: DayPlan) -> SendTypeKey? {
        let start = pointers[name, default: 0]
        for step in 0..<rotation.count {
            let i = (start + step) % rotation.count
            if allowed(rotation[i], on: plan) {
                pointers[name] = (i + 1) % rotation.count
                return rotation[i]
            }
        }
        return nil
    }

    // MARK: allocation

    mutating func allocate() {
        for plan in plans {
            var order = 0
            func add(_ allocator: inout SendTypeAllocator, _ category: SendCategory, _ key: SendTypeKey) {
                allocator.slots.append(RawSlot(date: plan.date, category: category, key: key, order: order))
                allocator.count(key, plan.date, 1)
                order += 1
            }
            // Revenue: p ppv_unlock slots first, then the rotation.
            let r = plan.revenue
            let p = r == 0 ? 0 : min(4, max(1, r - (r + 2) / 3))
            var droppedRevenue = 0
            for i in 0..<r {
                if i < p, allowed(.ppvUnlock, on: plan) {
                    add(&self, .revenue, .ppvUnlock)
                } else if let key = fill("revenue", revenueRotation, plan) {
                    add(&self, .revenue, key)
                } else {
                    droppedRevenue += 1
                }
            }
            if droppedRevenue > 0 { warnings.append(.capped(plan.date, .revenue, nil, droppedRevenue, "capacity")) }
            // Engagement: b bump slots, then other slots, each with the other rotation as fallback.
            let e = plan.engagement
            var b = Rounding.halfUp(Double(e) * context.volumeConfig.bumpMultiplier / (1 + context.volumeConfig.bumpMultiplier))
            if e >= 2 { b = min(b, e - 1) }
            b = min(b, e)
            var droppedEngagement = 0
            for i in 0..<e {
                let bumpFirst = i < b
                let key =
                    bumpFirst
                    ? (fill("bump", Self.bump, plan) ?? fill("other", Self.otherEngagement, plan))
                    : (fill("other", Self.otherEngagement, plan) ?? fill("bump", Self.bump, plan))
                if let key { add(&self, .engagement, key) } else { droppedEngagement += 1 }
            }
            if droppedEngagement > 0 {
                warnings.append(.capped(plan.date, .engagement, nil, droppedEngagement, "capacity"))
            }
            // Retention (paid pages only).
            var droppedRetention = 0
            for _ in 0..<plan.retention {
                if let key = fill("retention", Self.retention, plan) {
                    add(&self, .retention, key)
                } else {
                    droppedRetention += 1
                }
            }
            if droppedRetention > 0 {
                warnings.append(.capped(plan.date, .retention, nil, droppedRetention, "capacity"))
            }
        }
    }

    // MARK: diversity guarantees (§6.4)

    func distinct(_ category: SendCategory?) -> Int {
        Set(slots.filter { category == nil || $0.category == category }.map(\.key)).count
    }

    /// Applies the first (slot, replacement) swap found, scanning from the week's last slot back.
    mutating func swap(where qualifies: (RawSlot) -> Bool, replacements: [SendTypeKey]) -> Bool {
        var seen: [SendTypeKey] = []
        let unique = replacements.filter { key in
            if seen.contains(key) { return false }
            seen.append(key)
            return true
        }
        for i in slots.indices.reversed() where qualifies(slots[i]) && weekCount(slots[i].key) >= 2 {
            guard let plan = plans.first(where: { $0.date == slots[i].date }) else { continue }
            for key in unique where weekCount(key) == 0 && allowed(key, on: plan) {
                count(slots[i].key, slots[i].date, -1)
                count(key, slots[i].date, 1)
                slots[i].key = key
                return true
            }
        }
        return false
    }

    mutating func revenueSwap() -> Bool {
        let rotation = revenueRotation
        return swap(where: { $0.category == .revenue && $0.key != .ppvUnlock }, replacements: rotation)
            || swap(where: { $0.category == .revenue && $0.key == .ppvUnlock }, replacements: rotation)
    }

    mutating func engagementSwap() -> Bool {
        swap(where: { $0.category == .engagement }, replacements: Self.bump + Self.otherEngagement)
    }

    mutating func applyDiversityGuarantees() {
        while distinct(.revenue) < 4, revenueSwap() {}
        while distinct(.engagement) < 4, engagementSwap() {}
        while distinct(nil) < 9, engagementSwap() || revenueSwap() {}
    }

    /// Slots in processing order with their per-category k; content types still empty.
    func orderedSlots() -> [AllocatedSlot] {
        var result: [AllocatedSlot] = []
        for plan in plans {
            let day = slots.filter { $0.date == plan.date }.sorted { $0.order < $1.order }
            let groups = [
                day.filter { $0.category == .revenue && $0.key == .ppvUnlock },
                day.filter { $0.category == .revenue && $0.key != .ppvUnlock },
                day.filter { $0.category == .engagement },
                day.filter { $0.category == .retention },
            ]
            var k: [SendCategory: Int] = [:]
            for slot in groups.joined() {
                result.append(
                    AllocatedSlot(
                        index: result.count, date: slot.date, category: slot.category, k: k[slot.category, default: 0],
                        key: slot.key, contentType: ""))
                k[slot.category, default: 0] += 1
            }
        }
        return result
    }
}
