/// A calendar date (proleptic Gregorian, no time zone), stored as days since 1970-01-01.
///
/// Every "last N days" window and weekday rule of the schedule domain works on these values, so
/// date arithmetic never touches the wall clock or a time zone.
public struct DayDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let ordinal: Int

    /// The date `ordinal` days after 1970-01-01.
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The date of a real year, month and day; nil when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= DayDate.daysIn(year: year, month: month) else {
            return nil
        }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// Parses a strict zero-padded `YYYY-MM-DD` real calendar date.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard bytes[i] >= 48, bytes[i] <= 57 else { return nil }
                value = value * 10 + Int(bytes[i] - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The calendar year.
    public var year: Int { components.year }
    /// The month, 1–12.
    public var month: Int { components.month }
    /// The day of the month, 1–31.
    public var day: Int { components.day }

    /// The weekday of this date.
    public var weekday: Weekday { Weekday.allCases[((ordinal % 7) + 7 + 3) % 7] }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> DayDate { DayDate(ordinal: ordinal + days) }

    /// True on the last day of its month.
    public var isLastDayOfMonth: Bool {
        let c = components
        return c.day == DayDate.daysIn(year: c.year, month: c.month)
    }

    /// The Monday-based year-week key (`%Y-%W`): week 00 holds the days before the first Monday.
    public var yearWeek: Int {
        let c = components
        let jan1 = DayDate(year: c.year, month: 1, day: 1)!
        let yday = ordinal - jan1.ordinal
        let wdayMon0 = weekday.index
        return c.year * 100 + (yday + 7 - wdayMon0) / 7
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let c = components
        guard (0...9999).contains(c.year) else {
            return String(c.year).leftPadded(4) + "-" + String(c.month).leftPadded(2) + "-" + String(c.day).leftPadded(2)
        }
        // Written byte by byte: dates are formatted for every seed hash and saved row.
        return String(unsafeUninitializedCapacity: 10) { b in
            func put(_ position: Int, _ digit: Int) { b[position] = UInt8(0x30 + digit) }
            put(0, c.year / 1000)
            put(1, c.year / 100 % 10)
            put(2, c.year / 10 % 10)
            put(3, c.year % 10)
            b[4] = 0x2D
            put(5, c.month / 10)
            put(6, c.month % 10)
            b[7] = 0x2D
            put(8, c.day / 10)
            put(9, c.day % 10)
            return 10
        }
    }

    /// Number of days in a month.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: DayDate, rhs: DayDate) -> Bool { lhs.ordinal < rhs.ordinal }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = DayDate(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A weekday, Monday first, named as the schedule domain names days.
public enum Weekday: String, Sendable, CaseIterable, Codable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// 0 for Monday … 6 for Sunday.
    public var index: Int { Weekday.allCases.firstIndex(of: self)! }

    /// Friday, Saturday and Sunday.
    public var isWeekend: Bool { self == .friday || self == .saturday || self == .sunday }
}

extension String {
    /// The string padded on the left with zeros to `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
