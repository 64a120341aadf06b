/// A creator-local wall-clock time of day, stored as minutes after midnight.
public struct ClockTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Minutes after 00:00, 0–1439.
    public let minutes: Int

    /// The time `minutes` after midnight.
    public init(minutes: Int) { self.minutes = minutes }

    /// The time `hour:minute`.
    public init(hour: Int, minute: Int) { self.minutes = hour * 60 + minute }

    /// Parses `HH:MM` (two digits each, hour 00–23, minute 00–59).
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 5, b[2] == 58, b.enumerated().allSatisfy({ $0.offset == 2 || ($0.element >= 48 && $0.element <= 57) })
        else { return nil }
        let h = Int(b[0] - 48) * 10 + Int(b[1] - 48)
        let m = Int(b[3] - 48) * 10 + Int(b[4] - 48)
        guard h < 24, m < 60 else { return nil }
        minutes = h * 60 + m
    }

    /// The hour, 0–23.
    public var hour: Int { minutes / 60 }
    /// The minute, 0–59.
    public var minute: Int { minutes % 60 }
    /// True on :00, :15, :30 and :45.
    public var isRound: Bool { minute % 15 == 0 }

    /// `HH:MM`.
    public var description: String { String(hour).leftPadded(2) + ":" + String(minute).leftPadded(2) }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let time = ClockTime(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not an HH:MM time: \(text)"))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// An absolute creator-local moment: a date and a time, in minutes since 1970-01-01 00:00.
struct LocalMoment: Hashable, Comparable {
    let value: Int
    init(_ date: DayDate, _ time: ClockTime) { value = date.ordinal * 1440 + time.minutes }
    static func < (lhs: LocalMoment, rhs: LocalMoment) -> Bool { lhs.value < rhs.value }
}
