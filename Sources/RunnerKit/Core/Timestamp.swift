import Foundation

/// Timestamp and date text in the fixed formats of data-model.md §1.4.
public enum Timestamp {
    private static let utc = TimeZone(identifier: "UTC")!

    /// `YYYY-MM-DDTHH:MM:SS.sssZ`, always 24 characters.
    public static func string(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let wholeSeconds = floor(date.timeIntervalSince1970)
        var millis = Int(((date.timeIntervalSince1970 - wholeSeconds) * 1000).rounded(.down))
        millis = min(max(millis, 0), 999)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
            c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!, millis)
    }

    /// `YYYY-MM-DD` (UTC).
    public static func dateString(_ date: Date) -> String {
        String(string(date).prefix(10))
    }

    /// Parses an ISO-8601 instant: with or without fraction, `Z`, `+00:00`-style offsets, or no
    /// zone (taken as UTC). Returns nil when the text is not such an instant.
    public static func parse(_ text: String) -> Date? {
        let pattern =
            #"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        func group(_ i: Int) -> String? {
            guard let r = Range(m.range(at: i), in: text) else { return nil }
            return String(text[r])
        }
        guard let y = Int(group(1)!), let mo = Int(group(2)!), let d = Int(group(3)!),
            let h = Int(group(4)!), let mi = Int(group(5)!), let s = Int(group(6)!),
            (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let comps = DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
        guard let base = calendar.date(from: comps),
            calendar.component(.day, from: base) == d
        else { return nil }
        var value = base.timeIntervalSince1970
        if let frac = group(7), let f = Double("0" + frac) { value += f }
        if let zone = group(8), zone != "Z" {
            let sign: Double = zone.hasPrefix("-") ? -1 : 1
            let digits = zone.dropFirst().replacingOccurrences(of: ":", with: "")
            let hh = Double(digits.prefix(2)) ?? 0
            let mm = Double(digits.suffix(2)) ?? 0
            value -= sign * (hh * 3600 + mm * 60)
        }
        return Date(timeIntervalSince1970: value)
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
