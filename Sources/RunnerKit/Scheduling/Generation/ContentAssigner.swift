/// Content types by two smooth weighted round-robin sequences (§6.5).
struct ContentAssigner {
    let context: CreatorContext
    let compounds: [ContentCompound]

    /// Fills `contentType` of every slot, in processing order.
    func assign(_ slots: inout [AllocatedSlot]) {
        let order = context.eligibleContent
        guard !order.isEmpty else { return }
        let tiers = order.map { context.tier(of: $0) }
        let weights = order.indices.map { i -> Int in
            let compound = compounds.first { $0.contentType == order[i] }?.compound ?? 1.0
            return tiers[i].weightFactor * Rounding.halfUp(compound * 10000)
        }
        let total = weights.reduce(0, +)
        var revenueCurrent = Array(repeating: 0, count: order.count)
        var otherCurrent = Array(repeating: 0, count: order.count)
        var previousRevenue: (date: DayDate, type: Int)?
        var lowRevenueDates: Set<DayDate> = []

        func pick(_ current: inout [Int], allowed: (Int) -> Bool) -> Int {
            for i in current.indices { current[i] += weights[i] }
            var best: Int?
            for i in current.indices where allowed(i) {
                if best == nil || current[i] > current[best!] { best = i }
            }
            let chosen = best ?? 0
            current[chosen] -= total
            return chosen
        }

        for s in slots.indices {
            let slot = slots[s]
            if slot.category == .revenue {
                let prev = previousRevenue?.date == slot.date ? previousRevenue?.type : nil
                let hasLow = lowRevenueDates.contains(slot.date)
                let strict = { (i: Int) in i != prev && !(hasLow && tiers[i] == .low) }
                let adjacency = { (i: Int) in i != prev }
                let rule: (Int) -> Bool =
                    order.indices.contains(where: strict)
                    ? strict : (order.indices.contains(where: adjacency) ? adjacency : { _ in true })
                let chosen = pick(&revenueCurrent, allowed: rule)
                slots[s].contentType = order[chosen]
                previousRevenue = (slot.date, chosen)
                if tiers[chosen] == .low { lowRevenueDates.insert(slot.date) }
            } else {
                slots[s].contentType = order[pick(&otherCurrent, allowed: { _ in true })]
            }
        }
    }
}
