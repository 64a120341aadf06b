/// The `timing` artifact: one time per allocated slot, nil when the slot was dropped.
public struct TimingPlan: Sendable, Equatable, Codable {
    /// Indexed like `AllocationPlan.slots`.
    public var times: [ClockTime?]
    public var warnings: [GenerationWarning]
}

/// Seeded timing placement with the candidate sequence and protected items (§6.7).
struct TimingPlacer {
    let context: CreatorContext
    let slots: [AllocatedSlot]
    private(set) var times: [ClockTime?]
    private(set) var dropped: Set<Int> = []
    private(set) var warnings: [GenerationWarning] = []
    /// Slot indices ever placed, by date and by send type (a nil time means removed).
    private var byDate: [DayDate: [Int]] = [:]
    private var byKey: [SendTypeKey: [Int]] = [:]
    private let gaps: [Int]

    init(context: CreatorContext, slots: [AllocatedSlot]) {
        self.context = context
        self.slots = slots
        times = Array(repeating: nil, count: slots.count)
        gaps = SendTypeKey.allCases.map { Int((context.constraint($0).minHoursBetween * 60).rounded(.up)) }
    }

    /// Whether `time` fits slot `s` given the items placed so far.
    func acceptable(_ time: ClockTime, for s: Int) -> Bool {
        guard time.minutes >= 7 * 60, time.minutes <= 23 * 60 + 59 else { return false }
        let slot = slots[s]
        for i in byDate[slot.date, default: []] where i != s {
            if let placed = times[i], abs(placed.minutes - time.minutes) < 45 { return false }
        }
        let gap = gaps[slot.key.position]
        let moment = LocalMoment(slot.date, time)
        for i in byKey[slot.key, default: []] where i != s {
            if let placed = times[i], abs(LocalMoment(slots[i].date, placed).value - moment.value) < gap { return false }
        }
        return true
    }

    /// Records slot `s` at time `t`.
    private mutating func place(_ s: Int, at t: ClockTime) {
        times[s] = t
        byDate[slots[s].date, default: []].append(s)
        byKey[slots[s].key, default: []].append(s)
    }

    /// The first acceptable candidate of the sequence (seed, +5/10/15, pool grid, full grid).
    func candidate(for s: Int) -> ClockTime? {
        let slot = slots[s]
        let seed = SlotSeeds.seed(creatorId: context.creatorId, date: slot.date, category: slot.category, k: slot.k)
        if acceptable(seed, for: s) { return seed }
        func shifted(_ minutes: Int) -> ClockTime {
            let t = ClockTime(minutes: minutes)
            return t.isRound ? ClockTime(minutes: minutes + 1) : t
        }
        for delta in [5, 10, 15] {
            let t = shifted(seed.minutes + delta)
            if t.minutes <= 1439, acceptable(t, for: s) { return t }
        }
        let pool = Set(SlotSeeds.pool(slot.category, slot.date.weekday))
        let grid = stride(from: 7 * 60 + seed.minute % 5, through: 23 * 60 + 59, by: 5).map(shifted)
        for t in grid where pool.contains(t.hour) && acceptable(t, for: s) { return t }
        for t in grid where acceptable(t, for: s) { return t }
        return nil
    }

    /// Count of remaining (not dropped) slots of a send type in the week.
    func remaining(_ key: SendTypeKey) -> Int {
        slots.indices.reduce(0) { $0 + (slots[$1].key == key && !dropped.contains($1) ? 1 : 0) }
    }

    mutating func drop(_ s: Int) {
        dropped.insert(s)
        times[s] = nil
        warnings.append(.capped(slots[s].date, slots[s].category, slots[s].key, 1, "placement"))
    }

    /// Places every slot in processing order.
    mutating func placeAll() {
        var placedOrder: [Int] = []
        for s in slots.indices {
            if let t = candidate(for: s) {
                place(s, at: t)
                placedOrder.append(s)
                continue
            }
            guard remaining(slots[s].key) == 1 else {
                drop(s)
                continue
            }
            // Protected: try removing one placed item of the same date with another instance.
            let sameDate = placedOrder.filter { slots[$0].date == slots[s].date && times[$0] != nil }
            let byCategory = [SendCategory.engagement, .retention, .revenue].flatMap { category in
                sameDate.filter { slots[$0].category == category }.reversed()
            }
            var placed = false
            for victim in byCategory where remaining(slots[victim].key) >= 2 {
                let saved = times[victim]
                times[victim] = nil
                if let t = candidate(for: s) {
                    place(s, at: t)
                    placedOrder.append(s)
                    drop(victim)
                    placed = true
                    break
                }
                times[victim] = saved
            }
            if !placed { drop(s) }
        }
    }
}

/// The `optimize_timing` step.
public enum TimingStep {
    /// Places the allocated slots.
    public static func run(_ context: CreatorContext, allocation: AllocationPlan) -> TimingPlan {
        var placer = TimingPlacer(context: context, slots: allocation.slots)
        placer.placeAll()
        return TimingPlan(times: placer.times, warnings: placer.warnings)
    }
}
