import Foundation
import Logging
import Testing

@testable import RunnerKit

@Suite("Run log context")
struct RunLogContextTests {
    let row = RunStart(
        runId: "run-1", creatorId: "cr_1", weekStart: "2026-01-05", pipeline: "v5", role: .shadow, decisionJSON: "{}",
        decisionTarget: "shadow", decisionReason: "shadow_mode", rolloutPhase: nil, appliedConfigId: 1, readOnly: true)

    func handler(_ buffer: LineBuffer) -> ErosLogHandler {
        var handler = ErosLogHandler(
            label: "eros.adapters", settings: LogSettings(level: .debug, format: .json), command: "execute",
            clock: RunnerClock(startingAt: Timestamp.parse("2026-01-01T09:00:00Z")!),
            sink: buffer.sink)
        handler.metadataProvider = RunLogContext.provider
        return handler
    }

    @Test("a line logged inside a run's task carries the five run fields and no command")
    func insideRun() async throws {
        let buffer = LineBuffer()
        let handler = handler(buffer)
        let logger = Logger(label: "eros.adapters", factory: { _ in handler })
        await RunLogContext.$metadata.withValue(RunLogContext.metadata(of: row)) {
            await Task { logger.debug("call", metadata: ["tool": "get_vault"]) }.value
        }
        logger.info("outside")
        let inside = try #require(buffer.lines.first.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any])
        #expect(inside["run_id"] as? String == "run-1")
        #expect(inside["creator_id"] as? String == "cr_1")
        #expect(inside["week_start"] as? String == "2026-01-05")
        #expect(inside["pipeline"] as? String == "v5")
        #expect(inside["role"] as? String == "shadow")
        #expect(inside["tool"] as? String == "get_vault")
        #expect(inside["command"] == nil)
        let outside = try #require(buffer.lines.last.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any])
        #expect(outside["run_id"] == nil)
        #expect(outside["command"] as? String == "execute")
    }
}
