import Foundation

/// A UTC calendar day as a day number since 1970-01-01, with fast `YYYY-MM-DD` conversion
/// (days-from-civil arithmetic; no Calendar on hot paths).
public struct CivilDay: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01.
    public var number: Int

    /// The day with this number.
    public init(_ number: Int) { self.number = number }

    /// Parses a strict, zero-padded, real `YYYY-MM-DD` date.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45 else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard (48...57).contains(bytes[i]) else { return nil }
                v = v * 10 + Int(bytes[i] - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m), d >= 1,
            d <= CivilDay.daysInMonth(year: y, month: m)
        else { return nil }
        self.number = CivilDay.days(year: y, month: m, day: d)
    }

    /// The day containing `date` (UTC).
    public init(date: Date) { number = Int((date.timeIntervalSince1970 / 86400).rounded(.down)) }

    /// Year, month, day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var string: String {
        let c = components
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2)
    }

    /// Midnight UTC of this day.
    public var date: Date { Date(timeIntervalSince1970: Double(number) * 86400) }

    /// Weekday with Monday = 0 ... Sunday = 6.
    public var weekdayFromMonday: Int { ((number % 7) + 7 + 3) % 7 }

    /// The Monday on or before this day.
    public var mondayOnOrBefore: CivilDay { CivilDay(number - weekdayFromMonday) }

    /// The Monday-based year-week bucket key (week 00 holds the days before the first Monday).
    public var yearWeek: Int {
        let c = components
        let yday = number - CivilDay.days(year: c.year, month: 1, day: 1)
        return c.year * 100 + (yday + 7 - weekdayFromMonday) / 7
    }

    /// This day plus `n` days.
    public func adding(_ n: Int) -> CivilDay { CivilDay(number + n) }

    /// `YYYY-MM-DDTHH:MM:SS.sssZ` at the given time of this day.
    public func timestamp(hour: Int = 0, minute: Int = 0, second: Int = 0, millis: Int = 0) -> String {
        string + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) + "." + pad(millis, 3) + "Z"
    }

    /// Earlier days sort first.
    public static func < (a: CivilDay, b: CivilDay) -> Bool { a.number < b.number }

    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// An instant expressed as milliseconds since the epoch, formatted in the 24-character form.
struct Instant {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    var millis: Int64

    /// The instant `seconds` after `day`'s midnight.
    init(day: CivilDay, seconds: Int = 0) { millis = Int64(day.number) * 86_400_000 + Int64(seconds) * 1000 }

    /// This instant plus `seconds`.
    func adding(seconds: Double) -> Instant {
        var copy = self
        copy.millis += Int64((seconds * 1000).rounded(.down))
        return copy
    }

    /// `YYYY-MM-DDTHH:MM:SS.sssZ`.
    var string: String {
        let dayNumber = Int((Double(millis) / 86_400_000).rounded(.down))
        var rest = Int(millis - Int64(dayNumber) * 86_400_000)
        let ms = rest % 1000
        rest /= 1000
        return CivilDay(dayNumber).timestamp(hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60, millis: ms)
    }
}
