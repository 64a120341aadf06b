import Yams

/// Line and column arithmetic on source text, for positions Yams reports only approximately.
enum TextPosition {
    /// The text of a 1-based line, without its line break; nil past the end.
    static func line(_ number: Int, in text: String) -> Substring? {
        var current = 1
        var start = text.startIndex
        while current < number {
            guard let newline = text[start...].firstIndex(of: "\n") else { return nil }
            start = text.index(after: newline)
            current += 1
        }
        let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
        var line = text[start..<end]
        if line.hasSuffix("\r") { line = line.dropLast() }
        return line
    }

    /// The character at a 1-based line and column (columns count Unicode scalars, as libyaml does).
    static func character(in text: String, line number: Int, column: Int) -> Character? {
        guard let line = line(number, in: text), column >= 1 else { return nil }
        let scalars = line.unicodeScalars
        guard let index = scalars.index(scalars.startIndex, offsetBy: column - 1, limitedBy: scalars.endIndex),
            index < scalars.endIndex
        else { return nil }
        return Character(scalars[index])
    }

    /// Whether the line's indentation contains a tab.
    static func lineHasLeadingTab(in text: String, line number: Int) -> Bool {
        guard let line = line(number, in: text) else { return false }
        return line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t")
    }

    /// 1-based line and column of a character offset.
    static func lineAndColumn(in text: String, characterOffset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var remaining = characterOffset
        for scalar in text.unicodeScalars {
            if remaining <= 0 { break }
            remaining -= 1
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// Where a duplicated mapping key occurs again after its first occurrence at `first`.
    ///
    /// Block mappings: the next line whose key starts at the same column. Flow mappings: the next
    /// `key:` on the same line. Falls back to the first occurrence when neither is found.
    static func secondKeyOccurrence(of key: String, in text: String, after first: Mark) -> (line: Int, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let candidates = [key + ":", "\"\(key)\":", "'\(key)':"]
        if first.line - 1 < lines.count {
            let sameLine = Array(lines[first.line - 1].unicodeScalars)
            let rest = String(String.UnicodeScalarView(sameLine.dropFirst(first.column)))
            for candidate in candidates {
                if let range = rest.range(of: candidate) {
                    let before = rest[..<range.lowerBound].unicodeScalars.count
                    return (first.line, first.column + 1 + before)
                }
            }
        }
        var number = first.line
        while number < lines.count {
            let line = lines[number]
            number += 1
            let indent = line.prefix(while: { $0 == " " }).count
            let body = line.dropFirst(indent)
            if indent + 1 < first.column, !body.isEmpty, !body.hasPrefix("#"), !body.hasPrefix("-") { break }
            if indent + 1 == first.column, candidates.contains(where: { body.hasPrefix($0) }) {
                return (number, first.column)
            }
        }
        return (first.line, first.column)
    }
}

/// Finds nesting deeper than a limit without recursion, before any recursive composer runs.
enum NestingScanner {
    /// The first line (and column) where block indentation plus flow brackets exceed `limit`.
    static func firstLineDeeperThan(_ limit: Int, in text: String) -> (line: Int, column: Int)? {
        var indents: [Int] = []
        var flowDepth = 0
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = Array(rawLine.utf8)
            var index = 0
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            if index == bytes.count || bytes[index] == UInt8(ascii: "#") { continue }
            if flowDepth == 0 {
                while let last = indents.last, last > index { indents.removeLast() }
                if indents.last != index { indents.append(index) }
            }
            var dashes = 0
            var probe = index
            while probe + 1 < bytes.count, bytes[probe] == UInt8(ascii: "-"), bytes[probe + 1] == UInt8(ascii: " ") {
                dashes += 1
                probe += 2
                while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") { probe += 1 }
            }
            if indents.count + dashes > limit { return (lineNumber, index + 1) }
            var quote: UInt8? = nil
            var column = 0
            for (offset, byte) in bytes.enumerated() {
                column = offset
                if let open = quote {
                    if byte == open { quote = nil }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if offset == 0 || [UInt8(ascii: " "), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","),
                        UInt8(ascii: ":")].contains(bytes[offset - 1]) { quote = byte }
                case UInt8(ascii: "#") where offset > 0 && bytes[offset - 1] == UInt8(ascii: " "):
                    break
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1
                    if indents.count + dashes + flowDepth > limit { return (lineNumber, column + 1) }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth = max(0, flowDepth - 1)
                default:
                    continue
                }
                if byte == UInt8(ascii: "#") { break }
            }
        }
        return nil
    }
}
