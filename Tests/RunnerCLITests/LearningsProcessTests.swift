import Foundation
import Testing

@testable import RunnerKit

#if canImport(Glibc)
import Glibc
#endif

@Suite("runner learnings as a real process")
struct LearningsProcessTests {
    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/runner")

    @Test("killing a writer between the temporary write and the rename leaves the original intact; the next write cleans up")
    func killBeforeRename() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the runner binary first")
        let url = try LearningsSnapshot.tempCopy("invalid/L054-hand-edited-window.md")
        let dir = url.deletingLastPathComponent()
        let before = try Data(contentsOf: url)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["learnings", "lint", "--fix", "--today", "2026-03-06", "--file", url.path]
        var environment = ProcessInfo.processInfo.environment
        environment["EROS_TEST_PAUSE_BEFORE_RENAME"] = "30"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let prefix = ".LEARNINGS.md.tmp."
        var temp: String?
        for _ in 0..<400 where temp == nil {
            temp = try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix(prefix) }
            if temp == nil { usleep(25_000) }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let stale = try #require(temp, "the writer never reached its temporary file")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try Data(contentsOf: url) == before)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(stale).path))

        let fixed = try LearningsWriter(url: url, displayPath: "LEARNINGS.md", today: "2026-03-06").fix()
        #expect(fixed.written)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(stale).path))
        let file = LearningsParser.parse(try #require(LearningsDocument(data: try Data(contentsOf: url))))
        #expect(LearningsLinter(path: "x", today: "2026-03-06").lint(file).isEmpty)
    }
}
