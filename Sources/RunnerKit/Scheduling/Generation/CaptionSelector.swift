/// The `captions` artifact: one caption id per allocated slot (nil: pool empty) and warnings.
public struct CaptionPlan: Sendable, Equatable, Codable {
    /// The allocated slots the captions belong to (a copy, so later steps need only this artifact).
    public var slots: [AllocatedSlot]
    /// Indexed like `slots`.
    public var captionIds: [Int?]
    public var warnings: [GenerationWarning]

    enum CodingKeys: String, CodingKey {
        case slots, captionIds = "caption_ids", warnings
    }
}

/// Caption pools and selection (§6.6), stateful over one schedule's processing order.
///
/// Pools hold positions in `context.captions` (not row copies), and the per-caption state lives
/// in flat arrays indexed the same way, so a choice costs one pass over its pool.
struct CaptionSelector {
    let context: CreatorContext
    let eligible: Set<String>
    /// Per caption position: the processing position of its last use (-1: never) and its dates.
    private var lastUse: [Int]
    private var usedDates: [[DayDate]]
    private var position = 0
    /// Memoised pools and validity (0 unknown, 1 valid, 2 invalid; three categories per caption).
    private var ppvPools: [String: [Int]] = [:]
    private var typePools: [[Int]?] = Array(repeating: nil, count: SendTypeKey.allCases.count)
    private var validity: [UInt8]
    /// Per caption position: whether its content type is eligible (or it has none).
    private let eligibleType: [Bool]

    init(context: CreatorContext) {
        self.context = context
        let eligible = Set(context.eligibleContent)
        self.eligible = eligible
        let count = context.captions.count
        lastUse = Array(repeating: -1, count: count)
        usedDates = Array(repeating: [], count: count)
        validity = Array(repeating: 0, count: count * SendCategory.allCases.count)
        eligibleType = context.captions.map { caption in caption.contentType.map { eligible.contains($0) } ?? true }
    }

    private mutating func cachedPPVPool(_ contentType: String) -> [Int] {
        if let pool = ppvPools[contentType] { return pool }
        let pool = ppvPool(contentType)
        ppvPools[contentType] = pool
        return pool
    }

    private mutating func cachedTypePool(_ key: SendTypeKey) -> [Int] {
        if let pool = typePools[key.position] { return pool }
        let pool = sendTypePool(key)
        typePools[key.position] = pool
        return pool
    }

    private mutating func valid(_ index: Int, _ category: SendCategory) -> Bool {
        let slot = index * SendCategory.allCases.count + category.order
        if validity[slot] != 0 { return validity[slot] == 1 }
        let value = CaptionScorer.isValid(context.analysis(of: context.captions[index]), category: category)
        validity[slot] = value ? 1 : 2
        return value
    }

    /// The PPV pool of a content type (positions in `context.captions`), in pool order.
    func ppvPool(_ contentType: String) -> [Int] {
        let pool = context.captions.indices.filter {
            context.captions[$0].schedulableType == "ppv" && context.captions[$0].contentType == contentType
        }
        return ordered(pool) { c in
            [usedKey(c.creatorLastUsedDate), tierKey(c.performanceTier), usedKey(c.globalLastUsedDate), c.captionId]
        }
    }

    /// The send-type pool of a key (positions in `context.captions`), in pool order.
    func sendTypePool(_ key: SendTypeKey) -> [Int] {
        let pool = context.captions.indices.filter { context.captions[$0].captionType == key.rawValue }
        return ordered(pool) { c in
            [
                fresh(c) ? 0 : 1, usedKey(c.creatorLastUsedDate), tierKey(c.performanceTier),
                usedKey(c.globalLastUsedDate), c.captionId,
            ]
        }
    }

    /// Sorts by precomputed integer keys (dates parsed once per caption, not per comparison).
    private func ordered(_ pool: [Int], key: (CaptionRow) -> [Int]) -> [Int] {
        pool.map { ($0, key(context.captions[$0])) }.sorted { $0.1.lexicographicallyPrecedes($1.1) }.map(\.0)
    }

    /// Never used, or last used ≥ 90 days before the reference date.
    func fresh(_ caption: CaptionRow) -> Bool {
        guard let text = caption.creatorLastUsedDate, let date = DayDate(text) else { return true }
        return context.referenceDate.ordinal - date.ordinal >= 90
    }

    /// Ascending dates with null first: null sorts as the smallest.
    private func usedKey(_ text: String?) -> Int { text.flatMap(DayDate.init)?.ordinal ?? Int.min }
    private func tierKey(_ tier: Int?) -> Int { tier ?? Int.min }

    /// Chooses a caption for a send on `date`, or nil (and the caller records CAPTION_POOL_EMPTY).
    mutating func choose(key: SendTypeKey, contentType: String, date: DayDate) -> Int? {
        defer { position += 1 }
        let category = key.category
        if key.usesPPVPool, let index = choose(from: cachedPPVPool(contentType), filter: false, category: category, date: date) {
            return record(index, date)
        }
        if let index = choose(from: cachedTypePool(key), filter: true, category: category, date: date) {
            return record(index, date)
        }
        return nil
    }

    /// Records a use of the caption at `index` and returns its id.
    private mutating func record(_ index: Int, _ date: DayDate) -> Int {
        lastUse[index] = position
        usedDates[index].append(date)
        return context.captions[index].captionId
    }

    /// The chosen position in `pool`: among the first three usable never-used captions by the
    /// persona's emoji preference, else the usable caption least recently used and not on `date`.
    private mutating func choose(from pool: [Int], filter: Bool, category: SendCategory, date: DayDate) -> Int? {
        var firstThree: [Int] = []
        var reusable: Int?
        for index in pool where (!filter || eligibleType[index]) && valid(index, category) {
            if lastUse[index] < 0 {
                firstThree.append(index)
                if firstThree.count == 3 { break }
            } else if firstThree.isEmpty, !usedDates[index].contains(date),
                reusable.map({ lastUse[index] < lastUse[$0] }) ?? true
            {
                // Strictly less keeps the earliest pool position among equals.
                reusable = index
            }
        }
        guard !firstThree.isEmpty else { return reusable }
        let context = self.context
        let emoji = { (index: Int) in context.analysis(of: context.captions[index]).emoji }
        switch context.persona.emojiFrequency {
        case "none", "light":
            return firstThree.min { emoji($0) < emoji($1) }
        case "heavy":
            return firstThree.enumerated().max { a, b in
                let (ea, eb) = (emoji(a.element), emoji(b.element))
                return ea != eb ? ea < eb : a.offset > b.offset
            }?.element
        default:
            return firstThree[0]
        }
    }
}

/// The `select_captions` step.
public enum CaptionStep {
    /// Chooses item captions in processing order.
    public static func run(_ context: CreatorContext, allocation: AllocationPlan) -> CaptionPlan {
        var selector = CaptionSelector(context: context)
        var ids: [Int?] = []
        var warnings: [GenerationWarning] = []
        for slot in allocation.slots {
            let id = selector.choose(key: slot.key, contentType: slot.contentType, date: slot.date)
            if id == nil {
                warnings.append(
                    GenerationWarning(
                        code: "CAPTION_POOL_EMPTY", date: slot.date, category: slot.category, sendTypeKey: slot.key,
                        count: 1, reason: "caption"))
            }
            ids.append(id)
        }
        return CaptionPlan(slots: allocation.slots, captionIds: ids, warnings: warnings)
    }

    /// A selector replaying the item captions, so follow-ups continue the same state.
    static func replay(_ context: CreatorContext, captions: CaptionPlan) -> CaptionSelector {
        var selector = CaptionSelector(context: context)
        for (slot, id) in zip(captions.slots, captions.captionIds) {
            selector.replayUse(id, date: slot.date)
        }
        return selector
    }
}

extension CaptionSelector {
    /// Records a use (or a miss) at the next processing position without choosing.
    mutating func replayUse(_ id: Int?, date: DayDate) {
        if let id, let index = context.captionIndex(id: id) {
            lastUse[index] = position
            usedDates[index].append(date)
        }
        position += 1
    }
}
