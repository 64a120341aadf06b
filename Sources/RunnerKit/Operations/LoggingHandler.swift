import Foundation
import Logging

/// Where formatted log lines go: stderr in the runner, a buffer in tests.
public struct LogSink: Sendable {
    /// Writes one complete line (with its newline).
    public var write: @Sendable (String) -> Void

    /// Creates a sink.
    public init(write: @escaping @Sendable (String) -> Void) { self.write = write }

    /// Standard error; one `write(2)` per line so concurrent lines do not interleave.
    public static let standardError = LogSink { line in FileHandle.standardError.write(Data(line.utf8)) }
}

/// A swift-log handler writing the runner's text or JSON lines (operations.md §10): text
/// `<timestamp> <level> <label>: <message> key=value ...` with sorted, quoted metadata; JSON one
/// object per line with `ts`, `level`, `logger`, `msg` and the metadata at top level.
public struct ErosLogHandler: LogHandler {
    /// The logger label (`eros.monitoring`).
    public let label: String
    /// Line format.
    public let format: LogFormat
    /// The command name added to lines that carry no `run_id`.
    public let command: String?
    /// Timestamps come from the runner clock (EROS_NOW aware).
    public let clock: RunnerClock
    /// Destination.
    public let sink: LogSink
    /// The minimum level.
    public var logLevel: Logger.Level
    /// Metadata set on the logger (run fields during a run).
    public var metadata: Logger.Metadata = [:]
    /// Contextual metadata (the run fields of `RunLogContext` while a run executes).
    public var metadataProvider: Logger.MetadataProvider?

    static let reservedKeys: Set<String> = ["ts", "level", "logger", "msg"]

    /// Creates a handler.
    public init(label: String, settings: LogSettings, command: String?, clock: RunnerClock, sink: LogSink) {
        self.label = label
        self.format = settings.format
        self.command = command
        self.clock = clock
        self.sink = sink
        self.logLevel = settings.level
    }

    /// Metadata lookup by key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Formats and writes one line.
    public func log(event: LogEvent) {
        var merged = metadataProvider?.get() ?? [:]
        merged.merge(metadata) { _, own in own }
        if let explicit = event.metadata { merged.merge(explicit) { _, new in new } }
        if let error = event.error { merged["error"] = "\(error)" }
        if merged["run_id"] == nil, let command { merged["command"] = merged["command"] ?? "\(command)" }
        sink.write(format(level: event.level, message: "\(event.message)", metadata: merged) + "\n")
    }

    /// One line without its newline.
    public func format(level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        let ts = Timestamp.string(clock.now())
        let flat = metadata.mapValues(Self.flatten)
        switch format {
        case .text:
            var line = "\(ts) \(level.rawValue) \(label): \(message)"
            for key in flat.keys.sorted() { line += " \(key)=\(Self.quoted(flat[key]!))" }
            return line
        case .json:
            var object: [String: ToolValue] = [
                "ts": .string(ts), "level": .string(level.rawValue), "logger": .string(label), "msg": .string(message),
            ]
            for (key, value) in flat {
                object[Self.reservedKeys.contains(key) ? "meta_" + key : key] = .string(value)
            }
            return ToolValue.object(object).canonicalJSON()
        }
    }

    static func flatten(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let s): s
        case .stringConvertible(let c): c.description
        case .array(let items): "[" + items.map(flatten).joined(separator: ",") + "]"
        case .dictionary(let d): "{" + d.keys.sorted().map { "\($0):\(flatten(d[$0]!))" }.joined(separator: ",") + "}"
        }
    }

    /// Values containing spaces, quotes or `=` are double-quoted with escapes.
    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\n" }) else {
            return value
        }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"" + escaped + "\""
    }
}
