import Foundation

/// Line-level edits of a LEARNINGS.md document; every untouched line is kept byte for byte.
public struct LearningsEditor: Sendable {
    /// The document being edited.
    public private(set) var document: LearningsDocument

    /// Starts editing a document.
    public init(_ document: LearningsDocument) { self.document = document }

    /// The current parse of the document.
    public var file: LearningsFile { LearningsParser.parse(document) }

    /// Inserts an entry at the top of a section (right after the blank line that follows the blockquote).
    public mutating func insertEntry(_ lines: [String], into tier: LearningTier) throws {
        let file = self.file
        guard let quote = file.blockquoteIndex(of: tier) else {
            throw LearningsError.refused("section '\(tier.heading)' or its blockquote is missing")
        }
        let next = quote + 1
        if next < file.lineCount, file.isBlank(next) {
            document.insert(lines + [""], at: next + 1)
        } else {
            document.insert([""] + lines + [""], at: next)
        }
    }

    /// Removes an entry and the blank line after it; returns the removed entry.
    @discardableResult
    public mutating func removeEntry(id: String) throws -> LearningEntry {
        let file = self.file
        guard let entry = file.entry(id: id) else { throw LearningsError.unknownId(id) }
        var end = entry.lineRange.upperBound
        if end < file.lineCount, file.isBlank(end) { end += 1 }
        document.remove(entry.lineRange.lowerBound..<end)
        return entry
    }

    /// Sets a field of an entry: edits the segment in place (rest of its line untouched) or appends a line.
    public mutating func setField(id: String, name: String, value: String) throws {
        let file = self.file
        guard let entry = file.entry(id: id) else { throw LearningsError.unknownId(id) }
        guard let field = entry.field(name) else {
            document.insert(["**\(name)**: \(value)"], at: entry.lineRange.upperBound)
            return
        }
        let text = file.text(field.lineIndex)
        let scalars = Array(text.unicodeScalars)
        let start = field.column - 1
        let nameEnd = start + "**\(name)**:".unicodeScalars.count
        var end = scalars.count
        let separator = Array(" | **".unicodeScalars)
        var i = nameEnd
        while i + separator.count <= scalars.count {
            if Array(scalars[i..<(i + separator.count)]) == separator { end = i; break }
            i += 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[0..<nameEnd])
        view.append(contentsOf: " \(value)".unicodeScalars)
        view.append(contentsOf: scalars[end...])
        document.replaceText(at: field.lineIndex, with: String(view))
    }

    /// Inserts a changelog row right under the separator (newest first).
    public mutating func insertChangelogRow(_ row: String) throws {
        let file = self.file
        guard let separator = file.changelogSeparatorIndex else {
            throw LearningsError.refused("the changelog separator row is missing")
        }
        document.insert([row], at: separator + 1)
    }

    /// Sets Last Updated and the version, then recomputes the statistics block and Total Learnings.
    public mutating func finalize(today: String, bump: VersionBump) throws {
        var file = self.file
        guard let index = file.metadataIndex, var meta = file.metadata else {
            throw LearningsError.refused("the metadata line is missing or malformed")
        }
        meta.lastUpdated = today
        switch bump {
        case .minor: meta.version = meta.version.bumpedMinor
        case .patch: meta.version = meta.version.bumpedPatch
        case .none: break
        }
        meta.total = file.activeEntries.count
        document.replaceText(at: index, with: meta.line)
        file = self.file
        guard let fence = file.statisticsFence, let close = fence.closeIndex else {
            throw LearningsError.refused("the Statistics yaml block is missing")
        }
        let stats = LearningsStatistics.compute(file, lastUpdated: today)
        let old = ((fence.openIndex + 1)..<close).map { file.text($0) }
        if old != stats.lines {
            document.replace((fence.openIndex + 1)..<close, with: stats.lines)
        }
    }
}

/// How a write changes Version (2.3).
public enum VersionBump: Sendable {
    /// Entries or changelog changed: X.Y.Z becomes X.(Y+1).0.
    case minor
    /// Only derived data repaired (`lint --fix`): X.Y.Z becomes X.Y.(Z+1).
    case patch
    /// Version stays (init).
    case none
}
