/// The `captions` artifact: one caption id per allocated slot (nil: pool empty) and warnings.
public struct CaptionPlan: Sendable, Equatable, Codable {
    /// Indexed like `AllocationPlan.slots`.
    public var captionIds: [Int?]
    public var warnings: [GenerationWarning]

    enum CodingKeys: String, CodingKey {
        case captionIds = "caption_ids", warnings
    }
}

/// Caption pools and selection (§6.6), stateful over one schedule's processing order.
struct CaptionSelector {
    let context: CreatorContext
    let eligible: Set<String>
    /// Caption id → the processing positions where it was used, and the dates.
    private var lastUse: [Int: Int] = [:]
    private var usedDates: [Int: Set<DayDate>] = [:]
    private var position = 0
    /// Memoised pools and validity, so selection stays linear in the schedule size.
    private var ppvPools: [String: [CaptionRow]] = [:]
    private var typePools: [SendTypeKey: [CaptionRow]] = [:]
    private var validity: [Int: [SendCategory: Bool]] = [:]

    init(context: CreatorContext) {
        self.context = context
        eligible = Set(context.eligibleContent)
    }

    private mutating func cachedPPVPool(_ contentType: String) -> [CaptionRow] {
        if let pool = ppvPools[contentType] { return pool }
        let pool = ppvPool(contentType)
        ppvPools[contentType] = pool
        return pool
    }

    private mutating func cachedTypePool(_ key: SendTypeKey) -> [CaptionRow] {
        if let pool = typePools[key] { return pool }
        let pool = sendTypePool(key)
        typePools[key] = pool
        return pool
    }

    private mutating func valid(_ caption: CaptionRow, _ category: SendCategory) -> Bool {
        if let known = validity[caption.captionId]?[category] { return known }
        let value = CaptionScorer.isValid(caption.text, category: category)
        validity[caption.captionId, default: [:]][category] = value
        return value
    }

    /// The PPV pool of a content type, in pool order.
    func ppvPool(_ contentType: String) -> [CaptionRow] {
        context.captions.filter { $0.schedulableType == "ppv" && $0.contentType == contentType }.sorted { a, b in
            let ka = (usedKey(a.creatorLastUsedDate), tierKey(a.performanceTier), usedKey(a.globalLastUsedDate))
            let kb = (usedKey(b.creatorLastUsedDate), tierKey(b.performanceTier), usedKey(b.globalLastUsedDate))
            return ka != kb ? ka < kb : a.captionId < b.captionId
        }
    }

    /// The send-type pool of a key, in pool order.
    func sendTypePool(_ key: SendTypeKey) -> [CaptionRow] {
        context.captions.filter { $0.captionType == key.rawValue }.sorted { a, b in
            let ka = (fresh(a) ? 0 : 1, usedKey(a.creatorLastUsedDate), tierKey(a.performanceTier), usedKey(a.globalLastUsedDate))
            let kb = (fresh(b) ? 0 : 1, usedKey(b.creatorLastUsedDate), tierKey(b.performanceTier), usedKey(b.globalLastUsedDate))
            return ka != kb ? ka < kb : a.captionId < b.captionId
        }
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
        if key.usesPPVPool, let id = choose(from: cachedPPVPool(contentType), filter: false, category: category, date: date) {
            return record(id, date)
        }
        if let id = choose(from: cachedTypePool(key), filter: true, category: category, date: date) {
            return record(id, date)
        }
        return nil
    }

    private mutating func record(_ id: Int, _ date: DayDate) -> Int {
        lastUse[id] = position
        usedDates[id, default: []].insert(date)
        return id
    }

    private mutating func choose(from pool: [CaptionRow], filter: Bool, category: SendCategory, date: DayDate) -> Int? {
        let usable = pool.filter { caption in
            (!filter || caption.contentType.map { eligible.contains($0) } ?? true) && valid(caption, category)
        }
        let survivors = usable.filter { lastUse[$0.captionId] == nil }
        if !survivors.isEmpty {
            let firstThree = Array(survivors.prefix(3))
            switch context.persona.emojiFrequency {
            case "none", "light":
                return firstThree.min { CaptionScorer.emojiCount($0.text) < CaptionScorer.emojiCount($1.text) }?.captionId
            case "heavy":
                return firstThree.enumerated().max { a, b in
                    let (ea, eb) = (CaptionScorer.emojiCount(a.element.text), CaptionScorer.emojiCount(b.element.text))
                    return ea != eb ? ea < eb : a.offset > b.offset
                }?.element.captionId
            default:
                return firstThree[0].captionId
            }
        }
        let reusable = usable.filter { !(usedDates[$0.captionId]?.contains(date) ?? false) }
        return reusable.enumerated().min { a, b in
            let (ua, ub) = (lastUse[a.element.captionId] ?? -1, lastUse[b.element.captionId] ?? -1)
            return ua != ub ? ua < ub : a.offset < b.offset
        }?.element.captionId
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
        return CaptionPlan(captionIds: ids, warnings: warnings)
    }

    /// A selector replaying the item captions, so follow-ups continue the same state.
    static func replay(_ context: CreatorContext, allocation: AllocationPlan, captions: CaptionPlan) -> CaptionSelector {
        var selector = CaptionSelector(context: context)
        for (slot, id) in zip(allocation.slots, captions.captionIds) {
            selector.replayUse(id, date: slot.date)
        }
        return selector
    }
}

extension CaptionSelector {
    /// Records a use (or a miss) at the next processing position without choosing.
    mutating func replayUse(_ id: Int?, date: DayDate) {
        if let id {
            lastUse[id] = position
            usedDates[id, default: []].insert(date)
        }
        position += 1
    }
}
