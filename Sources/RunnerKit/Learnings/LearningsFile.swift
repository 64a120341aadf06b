import Foundation

/// How the parser classified a line.
public enum LearningsLineKind: Sendable, Hashable {
    /// Ordinary markdown text.
    case text
    /// Inside an HTML comment (including the lines that open and close it).
    case comment
    /// A code fence marker or a line inside a fenced block.
    case code
}

/// An H2 section: its heading line and the lines up to the next H2.
public struct LearningsSection: Sendable, Hashable {
    /// The heading text as written.
    public var heading: String
    /// 0-based heading index.
    public var headingIndex: Int
    /// Lines after the heading up to (not including) the next H2 heading.
    public var bodyRange: Range<Int>

    /// The known section name, nil for an unknown H2.
    public var name: LearningsSectionName? { LearningsSectionName(rawValue: heading) }
}

/// A fenced code block.
public struct LearningsFence: Sendable, Hashable {
    /// 0-based index of the opening marker.
    public var openIndex: Int
    /// 0-based index of the closing marker, nil when unclosed.
    public var closeIndex: Int?
    /// The info string after the marker (`yaml`).
    public var info: String
}

/// The parsed, read-only view of a LEARNINGS.md document; edits go through the document.
public struct LearningsFile: Sendable {
    /// The lossless lines.
    public var document: LearningsDocument
    /// One kind per line.
    public var kinds: [LearningsLineKind]
    /// H2 sections in file order.
    public var sections: [LearningsSection]
    /// Fenced blocks in file order.
    public var fences: [LearningsFence]
    /// 0-based index of an HTML comment that never closes.
    public var unclosedCommentIndex: Int?
    /// 0-based index of the metadata line (first non-blank after line 1), if any.
    public var metadataIndex: Int?
    /// The parsed metadata, nil when absent or malformed.
    public var metadata: LearningsMetadata?
    /// Every entry heading found anywhere outside comments and code.
    public var entries: [LearningEntry]
    /// Changelog rows after the separator (or after the header when the separator is missing).
    public var changelogRows: [ChangelogRow]
    /// 0-based index of the changelog header row, if present.
    public var changelogHeaderIndex: Int?
    /// 0-based index of the changelog separator row, if present.
    public var changelogSeparatorIndex: Int?

    /// Text of a 0-based line.
    public func text(_ index: Int) -> String { document.lines[index].text }

    /// Number of lines.
    public var lineCount: Int { document.lines.count }

    /// The first section with a given name.
    public func section(_ name: LearningsSectionName) -> LearningsSection? {
        sections.first { $0.name == name }
    }

    /// Entries of one tier in file order.
    public func entries(in tier: LearningTier) -> [LearningEntry] {
        entries.filter { $0.tier == tier }
    }

    /// Active entries (HIGH, MEDIUM, LOW) in file order.
    public var activeEntries: [LearningEntry] { entries.filter(\.isActive) }

    /// The entry with a learning id, if any.
    public func entry(id: String) -> LearningEntry? { entries.first { $0.id == id } }

    /// The statistics fence (the first fence inside `## Statistics`).
    public var statisticsFence: LearningsFence? {
        guard let section = section(.statistics) else { return nil }
        return fences.first { section.bodyRange.contains($0.openIndex) }
    }

    /// The 0-based index of a section's blockquote line, when the first non-blank line is one.
    public func blockquoteIndex(of tier: LearningTier) -> Int? {
        guard let name = LearningsSectionName(rawValue: tier.heading), let section = section(name) else { return nil }
        for index in section.bodyRange where !text(index).trimmingCharacters(in: .whitespaces).isEmpty {
            return text(index).hasPrefix(">") ? index : nil
        }
        return nil
    }

    /// Whether a 0-based line is blank.
    public func isBlank(_ index: Int) -> Bool {
        text(index).trimmingCharacters(in: .whitespaces).isEmpty
    }
}
