import Foundation

/// Builds the structural view of a LEARNINGS.md document; never fails, never alters bytes.
public enum LearningsParser {
    /// Parses a document.
    public static func parse(_ document: LearningsDocument) -> LearningsFile {
        let texts = document.lines.map(\.text)
        let (kinds, fences, unclosedComment) = classify(texts)
        let sections = findSections(texts, kinds)
        var file = LearningsFile(
            document: document, kinds: kinds, sections: sections, fences: fences,
            unclosedCommentIndex: unclosedComment, metadataIndex: nil, metadata: nil, entries: [],
            changelogRows: [], changelogHeaderIndex: nil, changelogSeparatorIndex: nil)
        if !texts.isEmpty {
            file.metadataIndex = texts.indices.dropFirst().first { kinds[$0] == .text && !file.isBlank($0) }
            if let index = file.metadataIndex { file.metadata = LearningsMetadata.parse(texts[index]) }
        }
        file.entries = findEntries(texts, kinds, sections)
        readChangelog(into: &file)
        return file
    }

    /// Parses bytes; nil when they are not UTF-8.
    public static func parse(data: Data) -> LearningsFile? {
        LearningsDocument(data: data).map(parse)
    }

    // MARK: - Line classification

    private static func classify(_ texts: [String]) -> ([LearningsLineKind], [LearningsFence], Int?) {
        var kinds = [LearningsLineKind](repeating: .text, count: texts.count)
        var fences: [LearningsFence] = []
        var openFence: (index: Int, marker: Character, count: Int, info: String)?
        var commentStart: Int?
        for (index, text) in texts.enumerated() {
            if let open = openFence {
                kinds[index] = .code
                let (marker, count, rest) = fenceMarker(text)
                if marker == open.marker, count >= open.count, rest.trimmingCharacters(in: .whitespaces).isEmpty {
                    fences.append(LearningsFence(openIndex: open.index, closeIndex: index, info: open.info))
                    openFence = nil
                }
                continue
            }
            if commentStart != nil {
                kinds[index] = .comment
                if text.contains("-->") { commentStart = nil }
                continue
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("<!--") {
                kinds[index] = .comment
                let afterOpen = trimmed.dropFirst(4)
                if !afterOpen.contains("-->") { commentStart = index }
                continue
            }
            let (marker, count, rest) = fenceMarker(text)
            if let marker, count >= 3 {
                kinds[index] = .code
                openFence = (index, marker, count, rest.trimmingCharacters(in: .whitespaces))
            }
        }
        if let open = openFence { fences.append(LearningsFence(openIndex: open.index, closeIndex: nil, info: open.info)) }
        return (kinds, fences, commentStart)
    }

    /// The fence marker of a line (up to three leading spaces, then ``` or ~~~).
    private static func fenceMarker(_ text: String) -> (Character?, Int, Substring) {
        let stripped = text.drop { $0 == " " }
        guard text.count - stripped.count <= 3, let first = stripped.first, first == "`" || first == "~" else {
            return (nil, 0, "")
        }
        let run = stripped.prefix { $0 == first }
        guard run.count >= 3 else { return (nil, 0, "") }
        return (first, run.count, stripped.dropFirst(run.count))
    }

    // MARK: - Sections and entries

    private static func findSections(_ texts: [String], _ kinds: [LearningsLineKind]) -> [LearningsSection] {
        let headings = texts.indices.filter { kinds[$0] == .text && texts[$0].hasPrefix("## ") }
        return headings.enumerated().map { offset, index in
            let end = offset + 1 < headings.count ? headings[offset + 1] : texts.count
            return LearningsSection(heading: texts[index], headingIndex: index, bodyRange: (index + 1)..<end)
        }
    }

    private static func findEntries(
        _ texts: [String], _ kinds: [LearningsLineKind], _ sections: [LearningsSection]
    ) -> [LearningEntry] {
        var entries: [LearningEntry] = []
        for index in texts.indices where kinds[index] == .text && texts[index].hasPrefix("### [") {
            var end = index + 1
            while end < texts.count, kinds[end] == .text, !endsEntry(texts[end]) { end += 1 }
            let section = sections.last { $0.headingIndex < index }
            var entry = parseHeading(texts[index], at: index)
            entry.lineRange = index..<end
            entry.tier = section?.name?.tier
            parseFields(texts, (index + 1)..<end, into: &entry)
            entries.append(entry)
        }
        return entries
    }

    private static func endsEntry(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || text.hasPrefix("### ") || text.hasPrefix("## ") || trimmed == "---"
            || trimmed.hasPrefix("<!--")
    }

    /// Parses `### [date] Title[ (Deprecated: date)]`.
    static func parseHeading(_ text: String, at index: Int) -> LearningEntry {
        var entry = LearningEntry(
            headingIndex: index, lineRange: index..<(index + 1), tier: nil, date: "", title: "",
            deprecatedOn: nil, headingProblem: nil, fields: [], problems: [])
        let rest = text.dropFirst("### [".count)
        guard let close = rest.firstIndex(of: "]") else {
            entry.headingProblem = "entry heading has no closing ']' after the date"
            entry.title = String(rest)
            return entry
        }
        entry.date = String(rest[..<close])
        var title = String(rest[rest.index(after: close)...])
        if title.hasPrefix(" ") { title.removeFirst() } else if !title.isEmpty {
            entry.headingProblem = "entry heading needs one space between ']' and the title"
        }
        if let match = title.range(of: #" \(Deprecated: ([^)]*)\)$"#, options: .regularExpression) {
            let inner = title[match].dropFirst(" (Deprecated: ".count).dropLast()
            entry.deprecatedOn = String(inner)
            title = String(title[..<match.lowerBound])
        }
        entry.title = title
        return entry
    }

    private static func parseFields(_ texts: [String], _ range: Range<Int>, into entry: inout LearningEntry) {
        var seen: Set<String> = []
        for index in range {
            let text = texts[index]
            guard text.hasPrefix("**") else {
                entry.problems.append(LearningFieldProblem(
                    lineIndex: index, column: 1, message: "line is not a field line `**Name**: value`"))
                continue
            }
            var column = 1
            let pieces = text.components(separatedBy: " | **")
            for (offset, piece) in pieces.enumerated() {
                let segment = offset == 0 ? piece : "**" + piece
                if let (name, value) = splitSegment(segment) {
                    if seen.contains(name) {
                        entry.problems.append(LearningFieldProblem(
                            lineIndex: index, column: column, message: "field '\(name)' occurs more than once in the entry"))
                    } else {
                        seen.insert(name)
                        entry.fields.append(LearningField(name: name, value: value, lineIndex: index, column: column))
                    }
                } else {
                    entry.problems.append(LearningFieldProblem(
                        lineIndex: index, column: column,
                        message: "segment '\(segment)' is not `**Name**: value` with a non-empty value"))
                }
                column += segment.unicodeScalars.count + 3
            }
        }
    }

    /// Splits `**Name**: value`; nil when the name is not letters and spaces or the value is empty.
    static func splitSegment(_ segment: String) -> (String, String)? {
        guard segment.hasPrefix("**") else { return nil }
        let body = segment.dropFirst(2)
        guard let end = body.range(of: "**:") else { return nil }
        let name = String(body[..<end.lowerBound])
        let value = body[end.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == " " }), !value.isEmpty else { return nil }
        return (name, value)
    }

    // MARK: - Changelog

    private static func readChangelog(into file: inout LearningsFile) {
        guard let section = file.section(.changelog) else { return }
        for index in section.bodyRange where file.kinds[index] == .text {
            let text = file.text(index).trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("|") else { continue }
            if file.changelogHeaderIndex == nil {
                file.changelogHeaderIndex = index
                continue
            }
            if file.changelogSeparatorIndex == nil, file.changelogRows.isEmpty,
                text.allSatisfy({ "|-: ".contains($0) })
            {
                file.changelogSeparatorIndex = index
                continue
            }
            file.changelogRows.append(ChangelogRow(lineIndex: index, cells: tableCells(text)))
        }
    }

    /// The trimmed cells of a `| a | b |` row.
    public static func tableCells(_ text: String) -> [String] {
        var parts = text.trimmingCharacters(in: .whitespaces).components(separatedBy: "|")
        if parts.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { parts.removeFirst() }
        if parts.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { parts.removeLast() }
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
