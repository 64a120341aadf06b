/// Calendar boosts, the weekend factor and the bump multiplier (schedule-domain §3.4).
public enum CalendarRules {
    /// 1.30 on holidays, 1.20 on paydays, 1.0 otherwise; holiday beats payday.
    public static func boost(_ date: DayDate) -> Double {
        if isHoliday(date) { return 1.3 }
        if isPayday(date) { return 1.2 }
        return 1.0
    }

    /// Jan 1, Feb 14, Jul 4, Oct 31, Dec 25, Thanksgiving and Black Friday.
    public static func isHoliday(_ date: DayDate) -> Bool {
        let (_, m, d) = date.components
        switch (m, d) {
        case (1, 1), (2, 14), (7, 4), (10, 31), (12, 25): return true
        default: break
        }
        guard m == 11 else { return false }
        return (date.weekday == .thursday && (22...28).contains(d)) || (date.weekday == .friday && (23...29).contains(d))
    }

    /// Day 1, day 15 or the last day of the month.
    public static func isPayday(_ date: DayDate) -> Bool {
        date.day == 1 || date.day == 15 || date.isLastDayOfMonth
    }

    /// 1.1 on Friday, Saturday and Sunday, else 1.0.
    public static func weekendFactor(_ date: DayDate) -> Double { date.weekday.isWeekend ? 1.1 : 1.0 }

    /// The content category's bump multiplier, capped at 1.5 unless the tier is MINIMAL.
    public static func bumpMultiplier(category: String, tier: VolumeTier) -> Double {
        let raw: Double
        switch category {
        case "lifestyle": raw = 1.0
        case "softcore": raw = 1.5
        case "amateur": raw = 2.0
        case "explicit": raw = 2.67
        default: raw = 1.5
        }
        return tier == .minimal ? raw : min(raw, 1.5)
    }

    /// The week's VIP date: the first Friday or Saturday.
    public static func vipDate(week: [DayDate]) -> DayDate? {
        week.first { $0.weekday == .friday || $0.weekday == .saturday }
    }

    /// The week's Snapchat date: the first payday or Sunday.
    public static func snapchatDate(week: [DayDate]) -> DayDate? {
        week.first { isPayday($0) || $0.weekday == .sunday }
    }

    /// The 7 dates from week_start.
    public static func week(from start: DayDate) -> [DayDate] { (0..<7).map { start.adding(days: $0) } }
}
