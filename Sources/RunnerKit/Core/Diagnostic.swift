/// Where a finding points: a file and, when known, a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// Path as shown to the user (relative to the config root when possible), or `env:` / `db:`.
    public var file: String
    /// 1-based line, nil for findings that have no position (environment, database).
    public var line: Int?
    /// 1-based column, nil when `line` is nil.
    public var column: Int?

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// How serious a finding is.
public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning, info

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .info: 0
        }
    }

    /// Errors sort above warnings above info.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding of `validate`, the learnings linter or a load step, with a stable rule id.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious the finding is.
    public var severity: Severity
    /// What is wrong, in one sentence, naming the key or value.
    public var message: String
    /// The stable rule id (`C008`, `L012`, ...).
    public var rule: String
    /// Where it is.
    public var location: SourceLocation
    /// Extra lines: suggestions ("did you mean ..."), related locations.
    public var notes: [String]

    /// Creates a finding.
    public init(
        severity: Severity, rule: String, message: String, location: SourceLocation, notes: [String] = []
    ) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// Shorthand for an error finding.
    public static func error(
        _ rule: String, _ message: String, at location: SourceLocation, notes: [String] = []
    ) -> Diagnostic {
        Diagnostic(severity: .error, rule: rule, message: message, location: location, notes: notes)
    }

    /// Shorthand for a warning finding.
    public static func warning(
        _ rule: String, _ message: String, at location: SourceLocation, notes: [String] = []
    ) -> Diagnostic {
        Diagnostic(severity: .warning, rule: rule, message: message, location: location, notes: notes)
    }
}

extension Array where Element == Diagnostic {
    /// Number of error findings.
    public var errorCount: Int { filter { $0.severity == .error }.count }
    /// Number of warning findings.
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}
