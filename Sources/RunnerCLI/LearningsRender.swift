import Foundation
import RunnerKit

/// Renders learnings findings in the compiler-style text format and the `validate` JSON shape.
enum LearningsRender {
    /// `file:line:col: severity: message [RULE]`, the source line and a caret, then a count line.
    static func text(_ diagnostics: [Diagnostic], lines: [String], summary: Bool = true) -> String {
        var out = ""
        for d in diagnostics {
            out += headline(d) + "\n"
            if let line = d.location.line, line >= 1, line <= lines.count {
                let source = lines[line - 1]
                out += source + "\n"
                let column = max(1, d.location.column ?? 1)
                let lead = source.unicodeScalars.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
                out += lead + "^\n"
            }
            for note in d.notes { out += "  note: \(note)\n" }
        }
        if summary { out += countLine(diagnostics) + "\n" }
        return out
    }

    /// The first line of a finding.
    static func headline(_ d: Diagnostic) -> String {
        var place = d.location.file
        if let line = d.location.line { place += ":\(line):\(d.location.column ?? 1)" }
        return "\(place): \(d.severity.rawValue): \(d.message) [\(d.rule)]"
    }

    /// `N errors, M warnings, K infos`.
    static func countLine(_ diagnostics: [Diagnostic]) -> String {
        let infos = diagnostics.filter { $0.severity == .info }.count
        return "\(diagnostics.errorCount) errors, \(diagnostics.warningCount) warnings, \(infos) infos"
    }

    /// The `validate` JSON shape: files, diagnostics, errors, warnings (infos listed, not counted).
    static func json(_ diagnostics: [Diagnostic], files: [String]) -> LearningsJSON {
        .object([
            ("files", .array(files.map { .string($0) })),
            ("diagnostics", diagnosticsArray(diagnostics)),
            ("errors", .int(diagnostics.errorCount)),
            ("warnings", .int(diagnostics.warningCount)),
        ])
    }

    /// Findings as JSON objects with the validate keys.
    static func diagnosticsArray(_ diagnostics: [Diagnostic]) -> LearningsJSON {
        .array(diagnostics.map { d in
            .object([
                ("file", .string(d.location.file)),
                ("line", .optional(d.location.line)),
                ("column", .optional(d.location.column)),
                ("severity", .string(d.severity.rawValue)),
                ("rule", .string(d.rule)),
                ("message", .string(d.message)),
            ])
        })
    }
}
