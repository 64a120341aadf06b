import Foundation

/// One physical line of LEARNINGS.md: its text and the exact line ending that followed it.
public struct LearningsLine: Sendable, Hashable {
    /// The line's text without its ending (a lone `\r` inside the text is kept as text).
    public var text: String
    /// `"\n"`, `"\r\n"`, or `""` for a last line without a final newline.
    public var ending: String

    /// Creates a line.
    public init(_ text: String, ending: String = "\n") {
        self.text = text
        self.ending = ending
    }
}

/// The lossless byte-level form of LEARNINGS.md: every line with its own ending.
public struct LearningsDocument: Sendable, Hashable {
    /// The lines in file order; joining text and ending reproduces the input bytes.
    public var lines: [LearningsLine]

    /// Creates a document from lines.
    public init(lines: [LearningsLine]) { self.lines = lines }

    /// Decodes bytes; nil when they are not valid UTF-8.
    public init?(data: Data) {
        let bytes = [UInt8](data)
        // Decoding repairs invalid sequences with U+FFFD, so a lossless round trip proves validity.
        guard Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes else { return nil }
        var result: [LearningsLine] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                var end = index
                var ending = "\n"
                if end > start, bytes[end - 1] == 0x0D {
                    end -= 1
                    ending = "\r\n"
                }
                result.append(LearningsLine(Self.decode(bytes[start..<end]), ending: ending))
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count {
            result.append(LearningsLine(Self.decode(bytes[start..<bytes.count]), ending: ""))
        }
        self.lines = result
    }

    /// Parses text that is already a Swift string (always valid UTF-8).
    public init(text: String) {
        self.init(data: Data(text.utf8))!
    }

    private static func decode(_ slice: ArraySlice<UInt8>) -> String {
        String(decoding: slice, as: UTF8.self)
    }

    /// The exact bytes of the document.
    public var data: Data { Data(text.utf8) }

    /// The document as one string.
    public var text: String {
        var out = ""
        for line in lines {
            out += line.text
            out += line.ending
        }
        return out
    }

    /// The line ending most lines use (LF when tied or when no line has one).
    public var dominantEnding: String {
        let crlf = lines.filter { $0.ending == "\r\n" }.count
        let lf = lines.filter { $0.ending == "\n" }.count
        return crlf > lf ? "\r\n" : "\n"
    }

    /// Replaces the text of one line, keeping its ending.
    public mutating func replaceText(at index: Int, with text: String) {
        lines[index].text = text
    }

    /// Inserts new lines before `index`, each ending with the dominant line ending.
    public mutating func insert(_ texts: [String], at index: Int) {
        let ending = dominantEnding
        if index == lines.count, let last = lines.indices.last, lines[last].ending.isEmpty {
            lines[last].ending = ending
        }
        lines.insert(contentsOf: texts.map { LearningsLine($0, ending: ending) }, at: index)
    }

    /// Replaces a range of lines with new lines in the dominant ending; the last replaced line's
    /// ending is kept for the last new line so a missing final newline stays missing.
    public mutating func replace(_ range: Range<Int>, with texts: [String]) {
        let ending = dominantEnding
        let lastEnding = range.isEmpty ? ending : lines[range.upperBound - 1].ending
        var newLines = texts.map { LearningsLine($0, ending: ending) }
        if !newLines.isEmpty { newLines[newLines.count - 1].ending = lastEnding }
        lines.replaceSubrange(range, with: newLines)
    }

    /// Removes a range of lines.
    public mutating func remove(_ range: Range<Int>) {
        lines.removeSubrange(range)
    }
}
