/// The metadata line `**Version**: X.Y.Z | **Last Updated**: YYYY-MM-DD | **Total Learnings**: N`.
public struct LearningsMetadata: Sendable, Hashable {
    /// Semantic version parts.
    public var version: LearningsVersion
    /// Last Updated date text.
    public var lastUpdated: String
    /// Total Learnings as written.
    public var total: Int

    /// Creates metadata.
    public init(version: LearningsVersion, lastUpdated: String, total: Int) {
        self.version = version
        self.lastUpdated = lastUpdated
        self.total = total
    }

    /// The canonical line.
    public var line: String {
        "**Version**: \(version) | **Last Updated**: \(lastUpdated) | **Total Learnings**: \(total)"
    }

    /// Parses a metadata line; nil when it does not match 2.3 (dates are checked by the linter).
    public static func parse(_ text: String) -> LearningsMetadata? {
        let parts = text.components(separatedBy: " | ")
        guard parts.count == 3,
            parts[0].hasPrefix("**Version**: "), parts[1].hasPrefix("**Last Updated**: "),
            parts[2].hasPrefix("**Total Learnings**: "),
            let version = LearningsVersion(String(parts[0].dropFirst("**Version**: ".count)))
        else { return nil }
        let date = String(parts[1].dropFirst("**Last Updated**: ".count))
        let totalText = String(parts[2].dropFirst("**Total Learnings**: ".count))
        guard date.count == 10, !totalText.isEmpty, totalText.allSatisfy({ $0.isASCII && $0.isNumber }),
            let total = Int(totalText)
        else { return nil }
        return LearningsMetadata(version: version, lastUpdated: date, total: total)
    }
}

/// A `X.Y.Z` version without leading zeros.
public struct LearningsVersion: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// Major, minor and patch parts.
    public var major: Int, minor: Int, patch: Int

    /// Creates a version.
    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses strict semver `X.Y.Z`.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part == "0" || !part.hasPrefix("0"), let n = Int(part)
            else { return nil }
            numbers.append(n)
        }
        self.init(major: numbers[0], minor: numbers[1], patch: numbers[2])
    }

    /// `X.Y.Z`.
    public var description: String { "\(major).\(minor).\(patch)" }

    /// The next minor version (patch reset), for commands that change entries or the changelog.
    public var bumpedMinor: LearningsVersion { LearningsVersion(major: major, minor: minor + 1, patch: 0) }

    /// The next patch version, for `lint --fix`.
    public var bumpedPatch: LearningsVersion { LearningsVersion(major: major, minor: minor, patch: patch + 1) }

    /// Orders by major, minor, patch.
    public static func < (lhs: LearningsVersion, rhs: LearningsVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }
}

/// One row of the changelog table.
public struct ChangelogRow: Sendable, Hashable {
    /// 0-based line index.
    public var lineIndex: Int
    /// The cells, trimmed (a well-formed row has 5).
    public var cells: [String]

    /// Date cell.
    public var date: String { cells.count > 0 ? cells[0] : "" }
    /// Action cell.
    public var action: String { cells.count > 1 ? cells[1] : "" }
    /// Learning title cell.
    public var learning: String { cells.count > 2 ? cells[2] : "" }
    /// Confidence cell.
    public var confidence: String { cells.count > 3 ? cells[3] : "" }
    /// Source cell.
    public var source: String { cells.count > 4 ? cells[4] : "" }

    /// The target tier of a transition cell (`LOW→MEDIUM` or `LOW->MEDIUM`), or the plain tier.
    public var targetConfidence: String {
        for arrow in ["→", "->"] {
            if let range = confidence.range(of: arrow) { return String(confidence[range.upperBound...]) }
        }
        return confidence
    }

    /// Formats a row.
    public static func format(date: String, action: String, learning: String, confidence: String, source: String)
        -> String
    {
        "| \(date) | \(action) | \(learning) | \(confidence) | \(source) |"
    }
}
