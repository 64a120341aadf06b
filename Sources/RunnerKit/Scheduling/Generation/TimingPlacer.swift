/// The `timing` artifact: one time per allocated slot, nil when the slot was dropped.
public struct TimingPlan: Sendable, Equatable, Codable {
    /// The allocated slots (a copy, so later steps need only this artifact).
    public var slots: [AllocatedSlot]
    /// Indexed like `slots`.
    public var times: [ClockTime?]
    /// The allocation's warnings, carried forward to assembly.
    public var allocationWarnings: [GenerationWarning]
    /// Placement warnings.
    public var warnings: [GenerationWarning]

    enum CodingKeys: String, CodingKey {
        case slots, times, allocationWarnings = "allocation_warnings", warnings
    }
}

/// Seeded timing placement with the candidate sequence and protected items (§6.7).
struct TimingPlacer {
    let context: CreatorContext
    let slots: [AllocatedSlot]
    private(set) var times: [ClockTime?]
    private(set) var dropped: Set<Int> = []
    private(set) var warnings: [GenerationWarning] = []
    /// Slot indices ever placed, by date and by send type (a nil time means removed).
    /// Placed minutes of the day, and absolute placed minutes, by date and by send type
    /// (-1 marks a removed slot); primitive arrays keep the candidate loop allocation-free.
    private var byDate: [[Int]]
    private let firstOrdinal: Int
    private var byKey: [[Int]] = Array(repeating: [], count: SendTypeKey.allCases.count)
    private var minutesOf: [Int]
    private let gaps: [Int]
    private let ordinals: [Int]
    private let keyPositions: [Int]

    init(context: CreatorContext, slots: [AllocatedSlot]) {
        self.context = context
        self.slots = slots
        times = Array(repeating: nil, count: slots.count)
        minutesOf = Array(repeating: -1, count: slots.count)
        gaps = SendTypeKey.allCases.map { Int((context.constraint($0).minHoursBetween * 60).rounded(.up)) }
        ordinals = slots.map(\.date.ordinal)
        keyPositions = slots.map(\.key.position)
        firstOrdinal = ordinals.min() ?? 0
        byDate = Array(repeating: [], count: (ordinals.max() ?? 0) - firstOrdinal + 1)
    }

    /// Whether `time` fits slot `s` given the items placed so far.
    func acceptable(_ time: ClockTime, for s: Int) -> Bool {
        let t = time.minutes
        guard t >= 7 * 60, t <= 23 * 60 + 59 else { return false }
        for i in byDate[ordinals[s] - firstOrdinal] where i != s {
            let placed = minutesOf[i]
            if placed >= 0, abs(placed - t) < 45 { return false }
        }
        return keyGapFits(t, for: s)
    }

    /// The minutes of the day within 45 minutes of an item placed on slot `s`'s date (other than
    /// `s`): one pass over the date, so a grid search tests each candidate in constant time.
    func blockedMinutes(for s: Int) -> [Bool] {
        var blocked = [Bool](repeating: false, count: 1440)
        for i in byDate[ordinals[s] - firstOrdinal] where i != s {
            let placed = minutesOf[i]
            guard placed >= 0 else { continue }
            for minute in max(0, placed - 44)...min(1439, placed + 44) { blocked[minute] = true }
        }
        return blocked
    }

    /// Whether minute `t` of slot `s`'s date keeps the minimum gap to the placed items of its type.
    func keyGapFits(_ t: Int, for s: Int) -> Bool {
        let key = keyPositions[s]
        let gap = gaps[key]
        let moment = ordinals[s] * 1440 + t
        for i in byKey[key] where i != s {
            let placed = minutesOf[i]
            if placed >= 0, abs(ordinals[i] * 1440 + placed - moment) < gap { return false }
        }
        return true
    }

    /// Records slot `s` at time `t`.
    private mutating func place(_ s: Int, at t: ClockTime) {
        times[s] = t
        minutesOf[s] = t.minutes
        byDate[ordinals[s] - firstOrdinal].append(s)
        byKey[keyPositions[s]].append(s)
    }

    /// Removes (or restores) a placed slot's time.
    private mutating func setTime(_ s: Int, _ t: ClockTime?) {
        times[s] = t
        minutesOf[s] = t?.minutes ?? -1
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
        let pool = SlotSeeds.pool(slot.category, slot.date.weekday)
        let blocked = blockedMinutes(for: s)
        for poolOnly in [true, false] {
            var minutes = 7 * 60 + seed.minute % 5
            while minutes <= 23 * 60 + 59 {
                let t = shifted(minutes)
                // Same test as `acceptable`, with the date's spacing read from `blocked`.
                if (!poolOnly || pool.contains(t.hour)), t.minutes <= 23 * 60 + 59, !blocked[t.minutes],
                    keyGapFits(t.minutes, for: s)
                {
                    return t
                }
                minutes += 5
            }
        }
        return nil
    }

    /// Count of remaining (not dropped) slots of a send type in the week.
    func remaining(_ key: SendTypeKey) -> Int {
        slots.indices.reduce(0) { $0 + (slots[$1].key == key && !dropped.contains($1) ? 1 : 0) }
    }

    mutating func drop(_ s: Int) {
        dropped.insert(s)
        setTime(s, nil)
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
            let sameDate = placedOrder.filter { ordinals[$0] == ordinals[s] && times[$0] != nil }
            let byCategory = [SendCategory.engagement, .retention, .revenue].flatMap { category in
                sameDate.filter { slots[$0].category == category }.reversed()
            }
            var placed = false
            for victim in byCategory where remaining(slots[victim].key) >= 2 {
                let saved = times[victim]
                setTime(victim, nil)
                if let t = candidate(for: s) {
                    place(s, at: t)
                    placedOrder.append(s)
                    drop(victim)
                    placed = true
                    break
                }
                setTime(victim, saved)
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
        return TimingPlan(
            slots: allocation.slots, times: placer.times, allocationWarnings: allocation.warnings,
            warnings: placer.warnings)
    }
}
