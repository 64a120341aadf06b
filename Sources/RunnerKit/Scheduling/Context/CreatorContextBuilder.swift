import Foundation

/// Builds the creator context from raw rows: a pure function of (data, week_start) plus the
/// informational `generated_at` (schedule-domain §2–3).
public enum CreatorContextBuilder {
    /// Builds the context; an inactive creator throws `.creatorInactive`.
    public static func build(_ data: CreatorData, weekStart: DayDate, generatedAt: Date) throws(SchedulingError)
        -> CreatorContext
    {
        let row = data.creator
        guard row.isActive else { throw .creatorInactive(row.creatorId) }
        let pageType = PageType(rawValue: row.pageType ?? "paid") ?? .paid
        let categories: Set<String> = ["lifestyle", "softcore", "amateur", "explicit"]
        let category = row.contentCategory.flatMap { categories.contains($0) ? $0 : nil } ?? "softcore"
        let fans = max(0, row.currentFanCount ?? 0)

        // Volume (§3): one algorithm, shared with get_volume_config.
        let plan = VolumePlan.compute(data, weekStart: weekStart)
        let volume = plan.config
        let health = plan.health

        // Vault, rankings, AVOID, eligible content (§2.2, §5).
        let vault = Array(Set(data.vaultTypes)).sorted(by: ScheduleHashing.codePointLess)
        let latestDate = data.rankings.map(\.analysisDate).max()
        let latestRows = data.rankings.filter { $0.analysisDate == latestDate }
        let rankings = latestRows.sorted(by: rankingOrder).map(entry)
        let avoid = rankings.filter { $0.performanceTier == .avoid }.map(\.typeName).sorted(by: ScheduleHashing.codePointLess)

        var context = CreatorContext(
            creatorId: row.creatorId, pageName: row.pageName, pageType: pageType,
            timezone: row.timezone ?? "America/Los_Angeles", contentCategory: category, fanCount: fans,
            isActive: row.isActive, mmRevenueMonthly: volume.mmRevenueMonthly, previousTier: volume.previousTier,
            vaultTypes: vault,
            rankings: rankings, rankingsAnalysisDate: latestDate, avoidTypes: avoid, eligibleContent: [],
            persona: persona(data.persona), health: health, activeTriggers: plan.activeTriggers,
            triggersDegraded: plan.triggersDegraded, contentCompounds: plan.compounds, volumeConfig: volume,
            pricingConfig: PricingConfig(
                basePrice: (row.basePrice ?? 0) > 0 ? row.basePrice! : 15.0, fanCount: fans, priceFloor: 5.0,
                priceCeiling: 50.0, activeAbExperiments: false),
            sendTypeConstraints: SendTypeConstraint.all(rows: data.sendTypes), timingSlots: [:], captions: [],
            sendsLast56d: recentSends(data.massMessages, reference: weekStart), referenceDate: weekStart,
            generatedAt: Timestamp.string(generatedAt))
        context.eligibleContent = weightingOrder(vault: vault, avoid: avoid, context: context)
        context.timingSlots = Dictionary(
            uniqueKeysWithValues: volume.days.map {
                ($0.date, SlotSeeds.daySeeds(creatorId: row.creatorId, date: $0.date, counts: $0))
            })
        context.captions = usableCaptions(data.captions, eligible: Set(context.eligibleContent), page: pageType)
        return context
    }

    /// rps descending (null last), then name.
    static func rankingOrder(_ a: RankingRow, _ b: RankingRow) -> Bool {
        let ra = a.avgRps ?? -Double.infinity
        let rb = b.avgRps ?? -Double.infinity
        if ra != rb { return ra > rb }
        return ScheduleHashing.codePointLess(a.contentType, b.contentType)
    }

    static func entry(_ row: RankingRow) -> RankingEntry {
        let tier = PerformanceTier(rawValue: row.performanceTier ?? "") ?? .mid
        return RankingEntry(
            typeName: row.contentType, performanceTier: tier == .unranked ? .mid : tier, rps: row.avgRps,
            conversionRate: row.avgPurchaseRate, sendsLast30d: row.sendCount, totalEarnings: row.totalEarnings,
            confidenceScore: row.confidenceScore)
    }

    static func persona(_ row: PersonaRow?) -> Persona {
        guard let row else { return .defaultPersona }
        return Persona(
            primaryTone: row.primaryTone, secondaryTone: row.secondaryTone, emojiFrequency: row.emojiFrequency,
            slangLevel: row.slangLevel, favoriteEmojis: row.favoriteEmojis, avgCaptionLength: row.avgCaptionLength,
            isDefault: false)
    }

    /// Eligible content in weighting order L: TOP, MID (ranking order), unranked (code point), LOW.
    static func weightingOrder(vault: [String], avoid: [String], context: CreatorContext) -> [String] {
        let eligible = Set(vault).subtracting(avoid)
        let ranked = context.rankings.filter { eligible.contains($0.typeName) }
        let top = ranked.filter { $0.performanceTier == .top }.map(\.typeName)
        let mid = ranked.filter { $0.performanceTier == .mid }.map(\.typeName)
        let low = ranked.filter { $0.performanceTier == .low }.map(\.typeName)
        let rankedNames = Set(ranked.map(\.typeName))
        let unranked = vault.filter { eligible.contains($0) && !rankedNames.contains($0) }
        return top + mid + unranked + low
    }

    /// Sends in the 56 days before the reference date.
    static func recentSends(_ rows: [MassMessageRow]?, reference: DayDate) -> Int {
        (rows ?? []).filter { row in
            guard let date = DayDate(row.sentDate) else { return false }
            return (1...56).contains(reference.ordinal - date.ordinal)
        }.count
    }

    /// PPV pools of eligible types and the send-type pools of page-allowed keys, by caption id.
    static func usableCaptions(_ rows: [CaptionRow], eligible: Set<String>, page: PageType) -> [CaptionRow] {
        rows.filter { caption in
            if caption.schedulableType == "ppv", let type = caption.contentType, eligible.contains(type) { return true }
            guard let key = SendTypeKey(rawValue: caption.captionType), key.allowed(on: page) else { return false }
            return caption.contentType.map { eligible.contains($0) } ?? true
        }.sorted { $0.captionId < $1.captionId }
    }
}
