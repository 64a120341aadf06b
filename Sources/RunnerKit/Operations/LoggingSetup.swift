import Foundation
import Logging

/// `text` or `json` log lines (operations.md §10).
public enum LogFormat: String, Sendable, Hashable, CaseIterable {
    case text, json
}

/// The resolved logging settings of one process.
public struct LogSettings: Sendable, Hashable {
    /// The minimum level written.
    public var level: Logger.Level
    /// The line format.
    public var format: LogFormat

    /// Creates settings.
    public init(level: Logger.Level = .info, format: LogFormat = .text) {
        self.level = level
        self.format = format
    }

    /// `--log-level`/`--log-format` first, else `EROS_LOG_LEVEL`/`EROS_LOG_FORMAT`, else info/text.
    /// Invalid values fall back to the default and are returned as C018 findings (the command
    /// decides whether to refuse).
    public static func resolve(level: String?, format: String?, environment: [String: String]) -> (
        settings: LogSettings, diagnostics: [Diagnostic]
    ) {
        var settings = LogSettings()
        var diagnostics: [Diagnostic] = []
        let levelText = level ?? environment["EROS_LOG_LEVEL"]
        if let raw = levelText {
            let value = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if let parsed = Logger.Level(rawValue: value) {
                settings.level = parsed
            } else {
                let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                diagnostics.append(.error(
                    "C018", "log level '\(raw)' is not one of \(names)",
                    at: SourceLocation(file: level != nil ? "--log-level" : "env:EROS_LOG_LEVEL")))
            }
        }
        let formatText = format ?? environment["EROS_LOG_FORMAT"]
        if let raw = formatText {
            if let parsed = LogFormat(rawValue: raw.trimmingCharacters(in: .whitespaces).lowercased()) {
                settings.format = parsed
            } else {
                diagnostics.append(.error(
                    "C018", "log format '\(raw)' is not text or json",
                    at: SourceLocation(file: format != nil ? "--log-format" : "env:EROS_LOG_FORMAT")))
            }
        }
        return (settings, diagnostics)
    }
}

/// Installs the runner's log handler for the whole process (call once, from the CLI).
public enum ErosLogging {
    /// Bootstraps swift-log with `ErosLogHandler` writing to stderr; `command` is added to lines
    /// logged outside runs, the run fields (`RunLogContext`) to lines logged inside one.
    public static func bootstrap(settings: LogSettings, command: String, clock: RunnerClock) {
        LoggingSystem.bootstrap(
            { label, provider in
                var handler = ErosLogHandler(
                    label: label, settings: settings, command: command, clock: clock, sink: .standardError)
                handler.metadataProvider = provider
                return handler
            }, metadataProvider: RunLogContext.provider)
    }
}

/// Remembers whether swift-log was bootstrapped: `LoggingSystem.bootstrap` may run only once per
/// process, and tests run several commands in one process.
private final class BootstrapOnce: @unchecked Sendable {
    // Safe: every access to `done` holds `lock`.
    private let lock = NSLock()
    private var done = false

    /// Runs `body` the first time only.
    func run(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        body()
    }
}

extension ErosLogging {
    private static let once = BootstrapOnce()

    /// Like `bootstrap`, but a no-op after the first call in this process.
    public static func bootstrapOnce(settings: LogSettings, command: String, clock: RunnerClock) {
        once.run { bootstrap(settings: settings, command: command, clock: clock) }
    }
}
