/// The price of one priced send (schedule-domain §6.9), with scarcity precomputed per content type.
public struct PricingEngine: Sendable {
    let context: CreatorContext
    /// Content types whose PPV pool the creator last used ≥ 14 days ago, or never.
    let fresh: [String: Bool]

    /// Prepares the engine for one context.
    public init(context: CreatorContext) {
        self.context = context
        var latest: [String: Int] = [:]
        for caption in context.captions where caption.schedulableType == "ppv" {
            guard let type = caption.contentType else { continue }
            let used = caption.creatorLastUsedDate.flatMap(DayDate.init)?.ordinal ?? Int.min
            latest[type] = max(latest[type] ?? Int.min, used)
        }
        fresh = latest.mapValues { $0 == Int.min || context.referenceDate.ordinal - $0 >= 14 }
    }

    /// The creator's latest use of a caption in the type's PPV pool is absent or ≥ 14 days old.
    public func isScarce(_ contentType: String) -> Bool { fresh[contentType] ?? true }

    /// The engine price of a send, or nil when its type requires no price.
    public func price(key: SendTypeKey, contentType: String?, date: DayDate, time: ClockTime, caption: CaptionRow?)
        -> Double?
    {
        guard context.constraint(key).requiresPrice else { return nil }
        let config = context.pricingConfig
        var price = caption?.suggestedPrice ?? config.basePrice
        if config.fanCount >= 1000, !config.activeAbExperiments {
            let day = date.weekday
            let minutes = time.minutes
            if day.isWeekend, minutes >= 18 * 60, minutes < 22 * 60 {
                price *= 1.15
            } else if day.index <= 4, minutes >= 6 * 60, minutes < 10 * 60 {
                price *= 0.90
            }
            if let type = contentType, context.tier(of: type) == .top { price *= 1.15 }
            if let type = contentType, isScarce(type) { price *= 1.20 }
            if let caption, caption.creatorLastUsedDate == nil { price *= 1.10 }
            if key == .bundle || key == .flashBundle { price *= 0.85 }
        }
        var whole = Double(Rounding.halfUp(price))
        if let range = key.typicalPriceRange { whole = min(range.upperBound, max(range.lowerBound, whole)) }
        return min(config.priceCeiling, max(config.priceFloor, whole))
    }

    /// One-off convenience: the engine price of a send for a context.
    public static func price(
        context: CreatorContext, key: SendTypeKey, contentType: String?, date: DayDate, time: ClockTime,
        caption: CaptionRow?
    ) -> Double? {
        PricingEngine(context: context).price(key: key, contentType: contentType, date: date, time: time, caption: caption)
    }
}

/// The `price_items` step: prices every item of a schedule with the engine.
public enum PricingStep {
    /// Re-produces the schedule with engine prices on items (follow-ups stay unpriced).
    public static func run(_ context: CreatorContext, schedule: ScheduleOutput) -> ScheduleOutput {
        let engine = PricingEngine(context: context)
        var priced = schedule
        for i in priced.items.indices {
            let item = priced.items[i]
            guard let key = item.key, let date = item.date, let time = item.time else { continue }
            priced.items[i].price = engine.price(
                key: key, contentType: item.contentType, date: date, time: time, caption: context.caption(id: item.captionId))
        }
        return priced
    }
}
