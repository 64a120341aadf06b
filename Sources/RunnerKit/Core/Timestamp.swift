import Foundation

/// Timestamp and date text in the fixed formats of data-model.md §1.4.
public enum Timestamp {
    /// `YYYY-MM-DDTHH:MM:SS.sssZ`, always 24 characters for years 0–9999.
    public static func string(_ date: Date) -> String {
        // Whole microseconds first: a Double cannot hold "…00.123" exactly, and truncating its
        // fraction straight to milliseconds would print .122.
        let micros = Int((date.timeIntervalSince1970 * 1_000_000).rounded())
        let (milliseconds, _) = floorDivide(micros, 1000)
        let (seconds, millis) = floorDivide(milliseconds, 1000)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (hour, minute, second) = (secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
        var text = DayDate(ordinal: days).description + "T" + String(hour).leftPadded(2) + ":"
        text += String(minute).leftPadded(2) + ":" + String(second).leftPadded(2) + "." + String(millis).leftPadded(3) + "Z"
        return text
    }

    /// `YYYY-MM-DD` (UTC).
    public static func dateString(_ date: Date) -> String {
        String(string(date).prefix(10))
    }

    /// Parses an ISO-8601 instant: with or without fraction, `Z`, `+00:00`-style offsets, or no
    /// zone (taken as UTC). Returns nil when the text is not such an instant.
    ///
    /// The grammar is `YYYY-MM-DD[T ]HH:MM:SS[.f{1,9}][Z|±HH[:]MM]` in ASCII digits; the date must
    /// exist, hours < 24, minutes < 60, seconds < 61 (a leap second rolls into the next minute).
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= b.count else { return nil }
            var value = 0
            for i in start..<(start + count) {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard b.count >= 19, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54 || b[10] == 0x20, b[13] == 0x3A,
            b[16] == 0x3A, let y = digits(0, 4), let mo = digits(5, 2), let d = digits(8, 2),
            let h = digits(11, 2), let mi = digits(14, 2), let s = digits(17, 2),
            h < 24, mi < 60, s < 61, let day = DayDate(year: y, month: mo, day: d)
        else { return nil }
        var value = Double(day.ordinal * 86_400 + h * 3600 + mi * 60 + s)
        var i = 19
        if i < b.count, b[i] == 0x2E {
            let start = i
            i += 1
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            // Parsed as one decimal literal ("0.123"), so a millisecond text round-trips exactly.
            guard (2...10).contains(i - start),
                let fraction = Double("0" + String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
            else { return nil }
            value += fraction
        }
        if i < b.count {
            if b[i] == 0x5A {
                i += 1
            } else if b[i] == 0x2B || b[i] == 0x2D {
                let sign: Double = b[i] == 0x2D ? -1 : 1
                guard let hh = digits(i + 1, 2) else { return nil }
                i += 3
                if i < b.count, b[i] == 0x3A { i += 1 }
                guard let mm = digits(i, 2) else { return nil }
                i += 2
                value -= sign * Double(hh * 3600 + mm * 60)
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        return Date(timeIntervalSince1970: value)
    }

    /// Floor division and its non-negative remainder.
    private static func floorDivide(_ a: Int, _ b: Int) -> (Int, Int) {
        let q = a >= 0 ? a / b : -((-a + b - 1) / b)
        return (q, a - q * b)
    }

    /// Parses an instant that is explicitly or implicitly UTC (`Z`, `+00:00`, `+0000` or no
    /// zone); an instant with any other offset is refused, as `EROS_NOW` requires (cli.md Clock).
    public static func parseUTC(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let date = parse(trimmed) else { return nil }
        if trimmed.hasSuffix("Z") || trimmed.count <= 19 { return date }
        for suffix in ["+00:00", "-00:00", "+0000", "-0000"] where trimmed.hasSuffix(suffix) {
            return date
        }
        // No zone designator at all (only a fraction after the seconds) is UTC too.
        let tail = trimmed.dropFirst(19)
        return tail.hasPrefix(".") && !tail.contains("+") && !tail.contains("-") ? date : nil
    }

    /// Parses a strict `YYYY-MM-DD` real calendar date (UTC midnight), nil otherwise.
    public static func parseDate(_ text: String) -> Date? {
        guard text.count == 10, let date = parse(text + "T00:00:00Z"),
            dateString(date) == text
        else { return nil }
        return date
    }
}
