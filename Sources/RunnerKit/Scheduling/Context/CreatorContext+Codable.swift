import Foundation

extension CreatorContext: Codable {
    enum CodingKeys: String, CodingKey {
        case creatorId = "creator_id", pageName = "page_name", pageType = "page_type", timezone
        case contentCategory = "content_category", fanCount = "fan_count", isActive = "is_active"
        case mmRevenueMonthly = "mm_revenue_monthly", previousTier = "previous_tier", vaultTypes = "vault_types"
        case rankings, rankingsAnalysisDate = "rankings_analysis_date", avoidTypes = "avoid_types"
        case eligibleContent = "eligible_content", persona, health, activeTriggers = "active_triggers"
        case triggersDegraded = "triggers_degraded", contentCompounds = "content_compounds"
        case volumeConfig = "volume_config", pricingConfig = "pricing_config"
        case sendTypeConstraints = "send_type_constraints", timingSlots = "timing_slots", captions
        case sendsLast56d = "sends_last_56d", referenceDate = "reference_date", generatedAt = "generated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(creatorId, forKey: .creatorId)
        try c.encode(pageName, forKey: .pageName)
        try c.encode(pageType, forKey: .pageType)
        try c.encode(timezone, forKey: .timezone)
        try c.encode(contentCategory, forKey: .contentCategory)
        try c.encode(fanCount, forKey: .fanCount)
        try c.encode(isActive, forKey: .isActive)
        try c.encode(mmRevenueMonthly, forKey: .mmRevenueMonthly)
        try c.encode(previousTier, forKey: .previousTier)
        try c.encode(vaultTypes, forKey: .vaultTypes)
        try c.encode(rankings, forKey: .rankings)
        try c.encode(rankingsAnalysisDate, forKey: .rankingsAnalysisDate)
        try c.encode(avoidTypes, forKey: .avoidTypes)
        try c.encode(eligibleContent, forKey: .eligibleContent)
        try c.encode(persona, forKey: .persona)
        try c.encode(health, forKey: .health)
        try c.encode(activeTriggers, forKey: .activeTriggers)
        try c.encode(triggersDegraded, forKey: .triggersDegraded)
        try c.encode(contentCompounds, forKey: .contentCompounds)
        try c.encode(volumeConfig, forKey: .volumeConfig)
        try c.encode(pricingConfig, forKey: .pricingConfig)
        try c.encode(sendTypeConstraints, forKey: .sendTypeConstraints)
        var slots: [String: [TimingSeed]] = [:]
        for (date, seeds) in timingSlots { slots[date.description] = seeds }
        try c.encode(slots, forKey: .timingSlots)
        try c.encode(captions, forKey: .captions)
        try c.encode(sendsLast56d, forKey: .sendsLast56d)
        try c.encode(referenceDate, forKey: .referenceDate)
        try c.encode(generatedAt, forKey: .generatedAt)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        creatorId = try c.decode(String.self, forKey: .creatorId)
        pageName = try c.decode(String.self, forKey: .pageName)
        pageType = try c.decode(PageType.self, forKey: .pageType)
        timezone = try c.decode(String.self, forKey: .timezone)
        contentCategory = try c.decode(String.self, forKey: .contentCategory)
        fanCount = try c.decode(Int.self, forKey: .fanCount)
        isActive = try c.decodeIfPresent(Bool.self, forKey: .isActive) ?? true
        mmRevenueMonthly = try c.decode(Double.self, forKey: .mmRevenueMonthly)
        previousTier = try c.decodeIfPresent(String.self, forKey: .previousTier)
        vaultTypes = try c.decode([String].self, forKey: .vaultTypes)
        rankings = try c.decode([RankingEntry].self, forKey: .rankings)
        rankingsAnalysisDate = try c.decodeIfPresent(String.self, forKey: .rankingsAnalysisDate)
        avoidTypes = try c.decode([String].self, forKey: .avoidTypes)
        eligibleContent = try c.decode([String].self, forKey: .eligibleContent)
        persona = try c.decode(Persona.self, forKey: .persona)
        health = try c.decode(VolumeHealth.self, forKey: .health)
        activeTriggers = try c.decode([VolumeTrigger].self, forKey: .activeTriggers)
        triggersDegraded = try c.decodeIfPresent(Bool.self, forKey: .triggersDegraded) ?? false
        contentCompounds = try c.decodeIfPresent([ContentCompound].self, forKey: .contentCompounds) ?? []
        volumeConfig = try c.decode(VolumeConfig.self, forKey: .volumeConfig)
        pricingConfig = try c.decode(PricingConfig.self, forKey: .pricingConfig)
        sendTypeConstraints = try c.decode([SendTypeConstraint].self, forKey: .sendTypeConstraints)
        var slots: [DayDate: [TimingSeed]] = [:]
        for (text, seeds) in try c.decode([String: [TimingSeed]].self, forKey: .timingSlots) {
            guard let date = DayDate(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .timingSlots, in: c, debugDescription: "not a date key: \(text)")
            }
            slots[date] = seeds
        }
        timingSlots = slots
        captions = try c.decodeIfPresent([CaptionRow].self, forKey: .captions) ?? []
        sendsLast56d = try c.decodeIfPresent(Int.self, forKey: .sendsLast56d) ?? 0
        referenceDate = try c.decode(DayDate.self, forKey: .referenceDate)
        generatedAt = try c.decode(String.self, forKey: .generatedAt)
    }

    /// The context as one JSON document (sorted keys; pretty when asked).
    public func jsonData(pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
