import Foundation
import Testing

@testable import RunnerCLI
@testable import RunnerKit

/// Golden-file support for learnings command output (record with RECORD_SNAPSHOTS=1 or when missing).
enum LearningsSnapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/learnings")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RunnerKitTests/Fixtures/learnings")

    /// A temp dir with a fixture copied to LEARNINGS.md (nil: empty dir).
    static func tempCopy(_ fixture: String?) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("learnings-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("LEARNINGS.md")
        if let fixture { try FileManager.default.copyItem(at: fixtures.appendingPathComponent(fixture), to: url) }
        return url
    }

    /// The transcript of one command: arguments, exit status, both streams and the file diff.
    static func transcript(_ args: [String], _ output: LearningsOutput, before: Data?, after: Data?, tempDir: URL) -> String {
        var text = "$ runner learnings " + args.joined(separator: " ") + "\n"
        text += "exit: \(output.status.rawValue)\n--- stdout\n\(output.stdout)--- stderr\n\(output.stderr)"
        if let before, let after, let a = LearningsDocument(data: before), let b = LearningsDocument(data: after) {
            let diff = LearningsDiff.lines(from: a, to: b)
            text += "--- file diff (\(diff.count) lines)\n" + diff.map { $0 + "\n" }.joined()
        }
        return text.replacingOccurrences(of: tempDir.path, with: "$TMP")
    }

    /// Compares with the golden file, recording it when missing or asked to (the recording run fails).
    static func assertMatches(_ name: String, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name + ".txt")
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        if record || !FileManager.default.fileExists(atPath: url.path) {
            try Data(text.utf8).write(to: url)
            Issue.record("recorded snapshot \(name).txt; run the tests again", sourceLocation: sourceLocation)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "snapshot \(name) differs", sourceLocation: sourceLocation)
    }
}
