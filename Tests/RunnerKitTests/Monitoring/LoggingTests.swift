import Foundation
import Logging
import Testing
@testable import RunnerKit

/// Collects lines written by the handler.
final class LineBuffer: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var stored: [String] = []
    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
    var sink: LogSink {
        LogSink { [self] line in
            lock.lock()
            stored.append(line)
            lock.unlock()
        }
    }
}

@Suite("Structured logging")
struct LoggingTests {
    static let clock = RunnerClock(startingAt: Timestamp.parse("2026-01-19T09:00:00Z")!)

    func logger(_ format: LogFormat, _ buffer: LineBuffer, level: Logger.Level = .info) -> Logger {
        Logger(label: "eros.monitoring") { label in
            ErosLogHandler(label: label, settings: LogSettings(level: level, format: format), command: "alerts check",
                           clock: Self.clock, sink: buffer.sink)
        }
    }

    @Test("text lines carry timestamp, level, label, message and sorted, quoted metadata")
    func textLines() {
        let buffer = LineBuffer()
        var log = logger(.text, buffer)
        log.info("alert changed", metadata: ["to_state": "firing", "alert": "V5_SUCCESS_LOW", "window": "20 runs"])
        log[metadataKey: "run_id"] = "r1"
        log.debug("hidden below info")
        log.warning("in a run")
        #expect(buffer.lines.count == 2)
        let line = buffer.lines[0]
        #expect(line.hasPrefix("2026-01-19T09:00:00."))
        #expect(line.contains(" info eros.monitoring: alert changed alert=V5_SUCCESS_LOW command=\"alerts check\" to_state=firing window=\"20 runs\"\n"))
        #expect(buffer.lines[1].contains("warning eros.monitoring: in a run run_id=r1\n"))
        #expect(!buffer.lines[1].contains("command="))
    }

    @Test("JSON lines hold ts, level, logger, msg and the metadata at top level")
    func jsonLines() throws {
        let buffer = LineBuffer()
        logger(.json, buffer).error("boom", metadata: ["alert": "A", "msg": "clash"])
        let object = try #require(ToolValue.parse(buffer.lines[0]))
        #expect(object["level"] == "error")
        #expect(object["logger"] == "eros.monitoring")
        #expect(object["msg"] == "boom")
        #expect(object["alert"] == "A")
        #expect(object["meta_msg"] == "clash")
        #expect(object["ts"]?.stringValue?.count == 24)
    }

    @Test("levels and formats come from options, then the environment; bad values are C018 findings")
    func settings() {
        let (fromEnv, none) = LogSettings.resolve(level: nil, format: nil, environment: ["EROS_LOG_LEVEL": " DEBUG ", "EROS_LOG_FORMAT": "json"])
        #expect(fromEnv == LogSettings(level: .debug, format: .json))
        #expect(none.isEmpty)
        let (flagWins, _) = LogSettings.resolve(level: "error", format: "text", environment: ["EROS_LOG_LEVEL": "debug"])
        #expect(flagWins == LogSettings(level: .error, format: .text))
        let (fallback, findings) = LogSettings.resolve(level: nil, format: nil, environment: ["EROS_LOG_LEVEL": "loud", "EROS_LOG_FORMAT": "xml"])
        #expect(fallback == LogSettings())
        #expect(findings.map(\.rule) == ["C018", "C018"])
        #expect(findings.map(\.location.file) == ["env:EROS_LOG_LEVEL", "env:EROS_LOG_FORMAT"])
    }
}
