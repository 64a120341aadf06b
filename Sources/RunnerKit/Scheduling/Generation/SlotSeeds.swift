/// Hour pools, prime windows and seeded jitter of schedule-domain §6.7.
public enum SlotSeeds {
    /// The ordered hour pool of a category on a weekday.
    public static func pool(_ category: SendCategory, _ day: Weekday) -> [Int] {
        switch category {
        case .retention: return [8, 9, 18, 19]
        case .revenue:
            switch day {
            case .monday: return [12, 13, 19, 20, 21]
            case .tuesday, .wednesday, .thursday: return [12, 13, 20, 21, 22]
            case .friday: return [12, 13, 21, 22, 23]
            case .saturday: return [11, 12, 13, 22, 23]
            case .sunday: return [11, 12, 13, 20, 21, 22]
            }
        case .engagement:
            switch day {
            case .monday, .tuesday: return [10, 9, 10, 11, 14, 15, 16]
            case .wednesday, .thursday: return [18, 9, 10, 11, 14, 15, 16]
            case .friday: return [17, 18, 9, 10, 11, 14, 15, 16]
            case .saturday, .sunday: return [16, 17, 9, 10, 11, 14, 15, 16]
            }
        }
    }

    /// True when `hour` lies in the day's prime windows 1–2 (inclusive start, exclusive end).
    public static func isPrime(hour: Int, on day: Weekday) -> Bool {
        let windows: [Range<Int>]
        switch day {
        case .monday: windows = [12..<14, 19..<22]
        case .tuesday, .wednesday, .thursday: windows = [12..<14, 20..<23]
        case .friday: windows = [12..<14, 21..<24]
        case .saturday: windows = [11..<14, 22..<25]
        case .sunday: windows = [11..<14, 20..<23]
        }
        return windows.contains { $0.contains(hour) }
    }

    /// The seed time of slot k of a category on a date for a creator.
    public static func seed(creatorId: String, date: DayDate, category: SendCategory, k: Int) -> ClockTime {
        let pool = pool(category, date.weekday)
        let hour = pool[k % pool.count]
        let base = (17 * k) % 60
        return ClockTime(hour: hour, minute: jitteredMinute(creatorId: creatorId, date: date, category: category, k: k, base: base))
    }

    /// The jittered minute: the first non-round (base + offset) mod 60 over 10 seeded attempts.
    public static func jitteredMinute(creatorId: String, date: DayDate, category: SendCategory, k: Int, base: Int) -> Int {
        let prefix = "\(creatorId)|\(date)|\(category.rawValue)|\(k)|"
        for attempt in 0..<10 {
            let n = ScheduleHashing.first32(prefix + String(attempt))
            let offset = -7 + Int(n % 16)
            let minute = ((base + offset) % 60 + 60) % 60
            if minute % 15 != 0 { return minute }
        }
        return base % 15 == 0 ? base + 3 : base
    }

    /// The chronological seeds of one date for counts (revenue, engagement, retention).
    public static func daySeeds(creatorId: String, date: DayDate, counts: DayVolume) -> [TimingSeed] {
        var seeds: [(ClockTime, SendCategory, Int)] = []
        for category in SendCategory.allCases {
            for k in 0..<max(0, counts.count(category)) {
                seeds.append((seed(creatorId: creatorId, date: date, category: category, k: k), category, k))
            }
        }
        seeds.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        return seeds.enumerated().map { index, entry in
            TimingSeed(hour: entry.0.hour, minute: entry.0.minute, category: entry.1, priority: index + 1)
        }
    }
}
