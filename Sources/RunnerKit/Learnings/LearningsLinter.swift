import Foundation

/// Checks a parsed LEARNINGS.md against every rule of learnings.md section 7 (not the `--git` ones).
public struct LearningsLinter: Sendable {
    /// The path shown in findings.
    public var path: String
    /// Today's date (`YYYY-MM-DD`): no date in the file may be later.
    public var today: String

    /// Creates a linter.
    public init(path: String, today: String) {
        self.path = path
        self.today = today
    }

    /// All findings, sorted by line, column and rule id.
    public func lint(_ file: LearningsFile) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        findings += structureFindings(file)
        findings += entryFindings(file)
        findings += derivedFindings(file)
        findings += changelogFindings(file)
        return Self.sorted(findings)
    }

    /// Lints raw bytes; nil when they are not UTF-8.
    public func lint(data: Data) -> [Diagnostic]? {
        LearningsParser.parse(data: data).map(lint)
    }

    /// Sorts findings by line, column, rule id (positionless findings first).
    public static func sorted(_ findings: [Diagnostic]) -> [Diagnostic] {
        findings.sorted { a, b in
            let la = a.location.line ?? 0, lb = b.location.line ?? 0
            if la != lb { return la < lb }
            let ca = a.location.column ?? 0, cb = b.location.column ?? 0
            if ca != cb { return ca < cb }
            return a.rule < b.rule
        }
    }

    // MARK: - Helpers for the rule files

    /// A location for a 0-based line index and a 1-based column.
    func at(_ index: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: path, line: index + 1, column: column)
    }

    /// An error at a 0-based line.
    func error(_ rule: String, _ message: String, _ index: Int, column: Int = 1) -> Diagnostic {
        .error(rule, message, at: at(index, column: column))
    }

    /// A warning at a 0-based line.
    func warning(_ rule: String, _ message: String, _ index: Int, column: Int = 1) -> Diagnostic {
        .warning(rule, message, at: at(index, column: column))
    }

    /// An info finding at a 0-based line.
    func info(_ rule: String, _ message: String, _ index: Int, column: Int = 1) -> Diagnostic {
        Diagnostic(severity: .info, rule: rule, message: message, location: at(index, column: column))
    }

    /// The column (1-based, Unicode scalars) of a substring's first occurrence in a line.
    static func column(of needle: String, in text: String) -> Int {
        guard let range = text.range(of: needle) else { return 1 }
        return text[..<range.lowerBound].unicodeScalars.count + 1
    }
}
