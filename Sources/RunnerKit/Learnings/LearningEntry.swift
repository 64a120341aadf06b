/// One `**Name**: value` segment of an entry's field line.
public struct LearningField: Sendable, Hashable {
    /// The field name, as written.
    public var name: String
    /// The value, trimmed.
    public var value: String
    /// 0-based index of the line holding the segment.
    public var lineIndex: Int
    /// 1-based column (Unicode scalars) where the segment's `**` starts.
    public var column: Int
}

/// A syntax problem found while reading an entry's lines (reported by L023).
public struct LearningFieldProblem: Sendable, Hashable {
    /// 0-based line index.
    public var lineIndex: Int
    /// 1-based column.
    public var column: Int
    /// What is wrong.
    public var message: String
}

/// One learning entry: an H3 `### [` heading plus its field lines (2.5).
public struct LearningEntry: Sendable, Hashable {
    /// 0-based index of the heading line.
    public var headingIndex: Int
    /// Lines of the entry: the heading and its field lines.
    public var lineRange: Range<Int>
    /// The section the entry sits in, nil outside the four learning sections.
    public var tier: LearningTier?
    /// The raw date text between the brackets.
    public var date: String
    /// The title without the Deprecated suffix.
    public var title: String
    /// The Deprecated suffix's date, when present.
    public var deprecatedOn: String?
    /// A heading syntax problem (L020), nil when the heading is well formed.
    public var headingProblem: String?
    /// Field segments in file order.
    public var fields: [LearningField]
    /// Lines that are not valid field lines, empty segments, repeated names.
    public var problems: [LearningFieldProblem]

    /// The learning id `<date>/<slug>` (2.5).
    public var id: String { "\(date)/\(LearningEntry.slug(title))" }

    /// `[date] Title`, the way Superseded By and messages name an entry.
    public var label: String { "[\(date)] \(title)" }

    /// Whether the entry sits in HIGH, MEDIUM or LOW.
    public var isActive: Bool { tier?.isActive ?? false }

    /// 1-based heading line.
    public var line: Int { headingIndex + 1 }

    /// The first value of a field, nil when absent.
    public func value(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The first segment of a field, nil when absent.
    public func field(_ name: String) -> LearningField? {
        fields.first { $0.name == name }
    }

    /// The sample size's leading integer (nil when absent or malformed).
    public var sampleSize: Int? {
        guard let raw = value("Sample Size") else { return nil }
        return Int(raw.prefix { $0.isASCII && $0.isNumber })
    }

    /// The slug of a title: lowercased, non-alphanumeric runs as `-`, trimmed, at most 60 chars.
    public static func slug(_ title: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in title.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        var cut = String(out.prefix(60))
        while cut.hasSuffix("-") { cut.removeLast() }
        return cut
    }
}
