import Foundation
import Testing

/// `execute`'s log lines (operations.md §10) through the built binary: stderr only, run fields on
/// every line logged during a run, stdout one JSON document.
@Suite("Execute logging", .serialized)
struct ExecuteLoggingTests {
    typealias CLI = StorageCommandTests

    /// The JSON log lines of a stderr text (other stderr lines, like "created eros.db", skipped).
    static func logLines(_ stderr: String) -> [[String: Any]] {
        stderr.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("{") else { return nil }
            return CLI.json(String(line))
        }
    }

    @Test("JSON log lines go to stderr and every run line carries run_id, creator_id, week_start, pipeline and role")
    func jsonLinesCarryRunFields() throws {
        let dir = try ExecuteCommandTests.checkout()
        let r = try CLI.run(
            ["execute", "--creator", "alexia", "--week", "2026-01-05", "--format", "json", "--log-format", "json",
             "--log-level", "debug"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let report = try #require(CLI.json(r.stdout), "stdout is exactly one JSON document")
        let runId = try #require(report["run_id"] as? String)
        #expect(!r.stdout.contains("\"logger\""), "no log line on stdout")
        let lines = Self.logLines(r.stderr)
        let labels = Set(lines.compactMap { $0["logger"] as? String })
        #expect(labels.isSuperset(of: ["eros.router", "eros.orchestrator"]), "\(labels)")
        let runLines = lines.filter { ($0["logger"] as? String).map(["eros.router", "eros.orchestrator", "eros.learnings"].contains) ?? false }
        #expect(runLines.count >= 4)
        for line in runLines {
            #expect(line["run_id"] as? String == runId, "\(line)")
            #expect(line["week_start"] as? String == "2026-01-05")
            #expect(line["pipeline"] as? String == "v5")
            #expect(line["role"] as? String == "primary")
            #expect((line["creator_id"] as? String)?.hasPrefix("cr_") == true)
            #expect(line["ts"] != nil && line["level"] != nil && line["msg"] != nil)
        }
        #expect(runLines.contains { $0["msg"] as? String == "run started" })
        #expect(runLines.contains { ($0["msg"] as? String)?.hasPrefix("phase preflight") == true && $0["level"] as? String == "debug" })
        #expect(runLines.contains { $0["logger"] as? String == "eros.orchestrator" && $0["status"] as? String == "succeeded" })
    }

    @Test("the default info level hides phase lines; an invalid --log-level refuses execute with exit 3")
    func levels() throws {
        let dir = try ExecuteCommandTests.checkout()
        let week = ["--week", "2026-01-05"]
        let r = try CLI.run(["execute", "--creator", "alexia", "--log-format", "json"] + week, in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = Self.logLines(r.stderr)
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0["level"] as? String != "debug" })
        let bad = try CLI.run(["execute", "--creator", "alexia", "--log-level", "loud"] + week, in: dir)
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("loud"))
    }
}
