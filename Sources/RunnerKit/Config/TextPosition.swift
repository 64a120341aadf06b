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
        var copy = text
        return copy.withUTF8 { scan(Array($0)[...], limit: limit) }
    }

    private static let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n"), hash = UInt8(ascii: "#")
    private static let dash = UInt8(ascii: "-"), doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")

    private static func scan(_ bytes: ArraySlice<UInt8>, limit: Int) -> (line: Int, column: Int)? {
        var indents: [Int] = []
        var flowDepth = 0
        var lineNumber = 0
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.endIndex, bytes[lineEnd] != newline { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var index = lineStart
            while index < lineEnd, bytes[index] == space { index += 1 }
            if index == lineEnd || bytes[index] == hash { continue }
            let indent = index - lineStart
            if flowDepth == 0 {
                while let last = indents.last, last > indent { indents.removeLast() }
                if indents.last != indent { indents.append(indent) }
            }
            var dashes = 0
            var probe = index
            while probe + 1 < lineEnd, bytes[probe] == dash, bytes[probe + 1] == space {
                dashes += 1
                probe += 2
                while probe < lineEnd, bytes[probe] == space { probe += 1 }
            }
            if indents.count + dashes > limit { return (lineNumber, indent + 1) }
            var quote: UInt8? = nil
            var position = lineStart
            scanLine: while position < lineEnd {
                let byte = bytes[position]
                defer { position += 1 }
                if let open = quote {
                    if byte == open { quote = nil }
                    continue
                }
                let previous: UInt8 = position > lineStart ? bytes[position - 1] : space
                switch byte {
                case doubleQuote, singleQuote:
                    if [space, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":")].contains(previous) {
                        quote = byte
                    }
                case hash where previous == space:
                    break scanLine
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1
                    if indents.count + dashes + flowDepth > limit { return (lineNumber, position - lineStart + 1) }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth = max(0, flowDepth - 1)
                default:
                    continue
                }
            }
        }
        return nil
    }
}
