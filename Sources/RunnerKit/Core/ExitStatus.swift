/// The process exit statuses of cli.md, shared by every command.
public enum ExitStatus: Int32, Sendable {
    /// Success, or a check that found nothing wrong.
    case success = 0
    /// The command worked and the answer is negative (failed run, validation errors, unhealthy).
    case negative = 1
    /// Bad input or refused request; nothing was done.
    case badInput = 2
    /// The configuration (YAML or `EROS_*` environment) is invalid.
    case invalidConfig = 3
    /// The database is unavailable.
    case databaseUnavailable = 4
    /// Usage error reported by argument-parser.
    case usage = 64
}

/// A domain error that knows its stable code and the exit status class it maps to.
public protocol RunnerError: Error, CustomStringConvertible, Sendable {
    /// Stable upper-snake-case code (`CREATOR_NOT_FOUND`, `SCHEMA_TOO_NEW`, ...).
    var code: String { get }
    /// The exit status a command ending on this error returns.
    var exitStatus: ExitStatus { get }
}
