import RunnerKit

/// Renders findings for people (compiler format with source line and caret) and for scripts
/// (the `validate` JSON shape of cli.md).
public struct DiagnosticRenderer: Sendable {
    /// File texts by path, for source lines under each finding.
    public var sources: [String: String]

    /// Creates a renderer over the given file texts.
    public init(sources: [String: String] = [:]) { self.sources = sources }

    /// `file:line:col: error: message [C008]`, the source line, a caret, then `note:` lines.
    public func text(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        var position = location.file
        if let line = location.line {
            position += ":\(line):\(location.column ?? 1)"
        }
        var lines = ["\(position): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.rule)]"]
        if let line = location.line, let source = sourceLine(location.file, line) {
            let excerpt = Self.excerpt(source, column: max(1, location.column ?? 1))
            lines.append(excerpt.text)
            let prefix = excerpt.text.unicodeScalars.prefix(excerpt.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append(prefix + "^")
        }
        for note in diagnostic.notes { lines.append("note: \(note)") }
        return lines.joined(separator: "\n")
    }

    /// Every finding, then a summary line.
    public func text(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        var blocks = diagnostics.map(text)
        blocks.append(summary(diagnostics, fileCount: fileCount))
        return blocks.joined(separator: "\n") + "\n"
    }

    /// `2 errors, 1 warning in 7 files` or `no problems in 7 files`.
    public func summary(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        let files = "\(fileCount) file\(fileCount == 1 ? "" : "s")"
        if errors == 0 && warnings == 0 { return "no problems in \(files)" }
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(files)"
    }

    /// `{"files":[...],"diagnostics":[...],"errors":N,"warnings":N}`; notes are appended to the message.
    public func json(_ diagnostics: [Diagnostic], files: [String]) -> String {
        let items = diagnostics.map { diagnostic -> String in
            let location = diagnostic.location
            let message = ([diagnostic.message] + diagnostic.notes).joined(separator: "; ")
            let fields = [
                "\"file\":" + JSONString.quoted(location.file),
                "\"line\":" + (location.line.map(String.init) ?? "null"),
                "\"column\":" + (location.line == nil ? "null" : String(location.column ?? 1)),
                "\"severity\":" + JSONString.quoted(diagnostic.severity.rawValue),
                "\"rule\":" + JSONString.quoted(diagnostic.rule),
                "\"message\":" + JSONString.quoted(message),
            ]
            return "{" + fields.joined(separator: ",") + "}"
        }
        return "{\"files\":[" + files.map(JSONString.quoted).joined(separator: ",") + "],\"diagnostics\":["
            + items.joined(separator: ",") + "],\"errors\":\(diagnostics.errorCount),\"warnings\":\(diagnostics.warningCount)}\n"
    }

    /// The line, or a window of it around `column` when it is too long to show whole.
    static func excerpt(_ line: String, column: Int, width: Int = 120) -> (text: String, column: Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > width else { return (line, column) }
        let start = max(0, min(column - 1 - width / 2, scalars.count - width))
        let end = min(scalars.count, start + width)
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        var caret = column - start
        if start > 0 {
            text = "…" + text
            caret += 1
        }
        if end < scalars.count { text += "…" }
        return (text, caret)
    }

    private func sourceLine(_ file: String, _ number: Int) -> String? {
        guard let text = sources[file] else { return nil }
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number {
                return line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            }
            current += 1
        }
        return nil
    }
}
