import Foundation

/// The derived statistics block (section 3): a pure function of the body and Last Updated.
public struct LearningsStatistics: Sendable, Hashable, Codable {
    /// by_confidence high, medium, low.
    public var high = 0, medium = 0, low = 0
    /// by_source validation, user, performance.
    public var validation = 0, user = 0, performance = 0
    /// by_scope all_creators, tier_specific, creator_specific.
    public var allCreators = 0, tierSpecific = 0, creatorSpecific = 0
    /// last_7_days added, promoted, deprecated.
    public var added = 0, promoted = 0, deprecated = 0

    /// Creates zeroed statistics.
    public init() {}

    /// Keys and sub-keys in their required order.
    public static let layout: [(key: String, subKeys: [String])] = [
        ("by_confidence", ["high", "medium", "low"]),
        ("by_source", ["validation", "user", "performance"]),
        ("by_scope", ["all_creators", "tier_specific", "creator_specific"]),
        ("last_7_days", ["added", "promoted", "deprecated"]),
    ]

    /// Values as four rows of three, in layout order.
    public var rows: [[Int]] {
        [[high, medium, low], [validation, user, performance], [allCreators, tierSpecific, creatorSpecific],
         [added, promoted, deprecated]]
    }

    /// Builds statistics from rows (four rows of three values).
    public init(rows: [[Int]]) {
        (high, medium, low) = (rows[0][0], rows[0][1], rows[0][2])
        (validation, user, performance) = (rows[1][0], rows[1][1], rows[1][2])
        (allCreators, tierSpecific, creatorSpecific) = (rows[2][0], rows[2][1], rows[2][2])
        (added, promoted, deprecated) = (rows[3][0], rows[3][1], rows[3][2])
    }

    /// The four canonical block lines.
    public var lines: [String] {
        zip(Self.layout, rows).map { layout, values in
            let pairs = zip(layout.subKeys, values).map { "\($0): \($1)" }.joined(separator: ", ")
            return "\(layout.key): { \(pairs) }"
        }
    }

    /// Computes the statistics of a parsed file for a given Last Updated date.
    public static func compute(_ file: LearningsFile, lastUpdated: String) -> LearningsStatistics {
        var stats = LearningsStatistics()
        for entry in file.entries {
            switch entry.tier {
            case .high: stats.high += 1
            case .medium: stats.medium += 1
            case .low: stats.low += 1
            default: break
            }
            if entry.isActive {
                switch entry.value("Source") {
                case "validation": stats.validation += 1
                case "user": stats.user += 1
                case "performance": stats.performance += 1
                default: break
                }
                let scope = entry.value("Applies To") ?? ""
                if scope == "all" {
                    stats.allCreators += 1
                } else if scope.hasPrefix("tier:") {
                    stats.tierSpecific += 1
                } else if scope.hasPrefix("creator:") {
                    stats.creatorSpecific += 1
                }
            }
        }
        let window = LearningsDates.window(endingOn: lastUpdated, days: 7)
        stats.added = file.entries.filter { $0.tier != nil && LearningsDates.isValid($0.date) && window.contains($0.date) }.count
        for row in file.changelogRows where LearningsDates.isValid(row.date) && window.contains(row.date) {
            if row.action == "PROMOTED" { stats.promoted += 1 }
            if row.action == "DEPRECATED" { stats.deprecated += 1 }
        }
        return stats
    }

    /// Parses the block's content lines; nil when keys, order or values differ from section 3.
    public static func parse(_ lines: [String]) -> LearningsStatistics? {
        let content = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard content.count == 4 else { return nil }
        var rows: [[Int]] = []
        for (text, layout) in zip(content, layout) {
            guard let values = parseLine(text, key: layout.key, subKeys: layout.subKeys) else { return nil }
            rows.append(values)
        }
        return LearningsStatistics(rows: rows)
    }

    private static func parseLine(_ text: String, key: String, subKeys: [String]) -> [Int]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":"),
            trimmed[..<colon].trimmingCharacters(in: .whitespaces) == key
        else { return nil }
        let rest = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard rest.hasPrefix("{"), rest.hasSuffix("}") else { return nil }
        let pairs = rest.dropFirst().dropLast().components(separatedBy: ",")
        guard pairs.count == subKeys.count else { return nil }
        var values: [Int] = []
        for (pair, subKey) in zip(pairs, subKeys) {
            let kv = pair.components(separatedBy: ":")
            guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces) == subKey else { return nil }
            let number = kv[1].trimmingCharacters(in: .whitespaces)
            guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(number) else {
                return nil
            }
            values.append(value)
        }
        return values
    }
}

/// Calendar arithmetic on `YYYY-MM-DD` strings.
public enum LearningsDates {
    /// Whether text is a real calendar date.
    public static func isValid(_ text: String) -> Bool { Timestamp.parseDate(text) != nil }

    /// The date `days` after (negative: before) a date; nil for an invalid date.
    public static func adding(_ days: Int, to text: String) -> String? {
        guard let date = Timestamp.parseDate(text) else { return nil }
        return Timestamp.dateString(date.addingTimeInterval(Double(days) * 86_400))
    }

    /// Whole days from `a` to `b` (positive when b is later); nil when either is invalid.
    public static func days(from a: String, to b: String) -> Int? {
        guard let da = Timestamp.parseDate(a), let db = Timestamp.parseDate(b) else { return nil }
        return Int((db.timeIntervalSince(da) / 86_400).rounded())
    }

    /// The `days` dates ending on `end` inclusive, as a closed string range (empty for a bad date).
    public static func window(endingOn end: String, days: Int) -> ClosedRange<String> {
        guard let start = adding(-(days - 1), to: end) else { return "~"..."~" }
        return start...end
    }
}
