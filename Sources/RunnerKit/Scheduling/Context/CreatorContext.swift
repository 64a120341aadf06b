import Foundation

/// The immutable creator context of schedule-domain §2: what `runner diagnose preflight --format
/// json` prints and what external agents receive as `context`.
public struct CreatorContext: Sendable, Equatable {
    public var creatorId: String
    public var pageName: String
    public var pageType: PageType
    public var timezone: String
    public var contentCategory: String
    public var fanCount: Int
    public var isActive: Bool
    public var mmRevenueMonthly: Double
    public var previousTier: String?
    /// Vault names, code-point order.
    public var vaultTypes: [String]
    /// Latest-snapshot rankings, rps descending then name.
    public var rankings: [RankingEntry]
    /// The latest analysis_date, nil without rankings.
    public var rankingsAnalysisDate: String?
    /// AVOID names, code-point order.
    public var avoidTypes: [String]
    /// Vault − AVOID in weighting order (schedule-domain §6.5).
    public var eligibleContent: [String]
    public var persona: Persona
    public var health: VolumeHealth
    public var activeTriggers: [VolumeTrigger]
    public var triggersDegraded: Bool
    /// Per-content trigger compounds.
    public var contentCompounds: [ContentCompound]
    public var volumeConfig: VolumeConfig
    public var pricingConfig: PricingConfig
    /// The 22 send types in master-table order.
    public var sendTypeConstraints: [SendTypeConstraint]
    /// Per date, the seeds of the uncapped counts in chronological order.
    public var timingSlots: [DayDate: [TimingSeed]]
    /// The creator's usable captions (PPV pools of eligible types, send-type pools), by id.
    public var captions: [CaptionRow]
    /// mass_messages rows in the 56 days before the reference date (readiness "analytics").
    public var sendsLast56d: Int
    public var referenceDate: DayDate
    /// Informational UTC timestamp, never hashed.
    public var generatedAt: String
    /// Caption analyses made so far, shared by the copies of this context (generation and the
    /// validator analyse the same captions). Derived data: not encoded, not compared.
    let analysisCache = CaptionAnalysisCache()

    /// The analysis of a caption's text, made once per caption for this context and its copies.
    func analysis(of caption: CaptionRow) -> CaptionScorer.Analysis {
        analysisCache.analysis(of: caption)
    }

    /// The 7 dates of the week.
    public var week: [DayDate] { CalendarRules.week(from: referenceDate) }

    /// The effective constraint of a send type.
    public func constraint(_ key: SendTypeKey) -> SendTypeConstraint {
        let position = key.position
        if position < sendTypeConstraints.count, sendTypeConstraints[position].key == key {
            return sendTypeConstraints[position]
        }
        return sendTypeConstraints.first { $0.key == key } ?? SendTypeConstraint(key: key, row: nil)
    }

    /// The performance tier of a content type (unranked when it has no ranking row).
    public func tier(of contentType: String) -> PerformanceTier {
        rankings.first { $0.typeName == contentType }?.performanceTier ?? .unranked
    }

    /// The trigger compound of a content type (1.0 without triggers).
    public func compound(of contentType: String) -> Double {
        contentCompounds.first { $0.contentType == contentType }?.compound ?? 1.0
    }

    /// The caption with this id, if the context carries it.
    public func caption(id: Int?) -> CaptionRow? {
        guard let id, let index = captionIndex(id: id) else { return nil }
        return captions[index]
    }

    /// The position of a caption id in `captions`.
    func captionIndex(id: Int) -> Int? {
        // Captions are kept sorted by id (the builder sorts them); fall back to a scan otherwise.
        var low = 0
        var high = captions.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let value = captions[mid].captionId
            if value == id { return mid }
            if value < id { low = mid + 1 } else { high = mid - 1 }
        }
        return captions.firstIndex { $0.captionId == id }
    }

    /// The tier ranges with the week's counts per date.
    public func dayVolume(_ date: DayDate) -> DayVolume? { volumeConfig.days.first { $0.date == date } }
}

/// Caption text analyses by caption id, safe to share between tasks. An entry is used only for
/// the same text, so a context whose captions were edited never sees a stale analysis.
final class CaptionAnalysisCache: @unchecked Sendable, Equatable {
    // @unchecked: `entries` is only read and written under `lock`.
    private let lock = NSLock()
    private var entries: [Int: (text: String, analysis: CaptionScorer.Analysis)] = [:]

    func analysis(of caption: CaptionRow) -> CaptionScorer.Analysis {
        if let hit = lock.withLock({ entries[caption.captionId] }), hit.text == caption.text { return hit.analysis }
        let analysis = CaptionScorer.analyze(caption.text)
        lock.withLock { entries[caption.captionId] = (caption.text, analysis) }
        return analysis
    }

    /// Derived data never makes two contexts different.
    static func == (lhs: CaptionAnalysisCache, rhs: CaptionAnalysisCache) -> Bool { true }
}
