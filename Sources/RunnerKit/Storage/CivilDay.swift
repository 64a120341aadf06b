import Foundation

/// The storage layer's name for a UTC calendar day: the schedule domain's `DayDate` (one
/// days-since-1970 arithmetic for the whole project), with the spellings the data tools use.
public typealias CivilDay = DayDate

extension DayDate {
    /// The day with this number of days since 1970-01-01.
    public init(_ number: Int) { self.init(ordinal: number) }

    /// The day containing `date` (UTC).
    public init(date: Date) { self.init(ordinal: Int((date.timeIntervalSince1970 / 86400).rounded(.down))) }

    /// Days since 1970-01-01.
    public var number: Int { ordinal }

    /// `YYYY-MM-DD`.
    public var string: String { description }

    /// Midnight UTC of this day.
    public var date: Date { Date(timeIntervalSince1970: Double(ordinal) * 86400) }

    /// Weekday with Monday = 0 ... Sunday = 6.
    public var weekdayFromMonday: Int { weekday.index }

    /// The Monday on or before this day.
    public var mondayOnOrBefore: DayDate { adding(days: -weekdayFromMonday) }

    /// This day plus `n` days.
    public func adding(_ n: Int) -> DayDate { adding(days: n) }

    /// `YYYY-MM-DDTHH:MM:SS.sssZ` at the given time of this day.
    public func timestamp(hour: Int = 0, minute: Int = 0, second: Int = 0, millis: Int = 0) -> String {
        description + "T" + String(hour).leftPadded(2) + ":" + String(minute).leftPadded(2) + ":"
            + String(second).leftPadded(2) + "." + String(millis).leftPadded(3) + "Z"
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
