import Foundation
import Testing

/// End-to-end runs of the built `runner` binary for db init, creators and diagnose db.
@Suite("Storage commands")
struct StorageCommandTests {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/runner")

    static func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["EROS_DB_PATH"] = nil
        environment["EROS_NOW"] = "2026-01-05T12:00:00Z"
        for (k, v) in extra { environment[k] = v }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func tempDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("eros-cli-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func json(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    @Test("two db init --sample runs with the same --as-of give identical contents")
    func deterministicInit() throws {
        let dir = try Self.tempDirectory()
        let a = try Self.run(["db", "init", "--db", "a.db", "--sample", "--as-of", "2026-01-05", "--format", "json"], in: dir)
        let b = try Self.run(["db", "init", "--db", "b.db", "--sample", "--as-of", "2026-01-05", "--format", "json"], in: dir)
        #expect(a.status == 0 && b.status == 0)
        let da = (Self.json(a.stdout)?["sample"] as? [String: Any])?["digest"] as? String
        let db = (Self.json(b.stdout)?["sample"] as? [String: Any])?["digest"] as? String
        #expect(da != nil && da == db)
        let again = try Self.run(["db", "init", "--db", "a.db", "--sample"], in: dir)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already has rows"))
    }

    @Test("db init refuses fewer than 40 creators and a bad --as-of with exit 2, creating nothing")
    func initBadArguments() throws {
        let dir = try Self.tempDirectory()
        #expect(try Self.run(["db", "init", "--db", "x.db", "--sample", "--creators", "39"], in: dir).status == 2)
        #expect(try Self.run(["db", "init", "--db", "x.db", "--sample", "--as-of", "2026-13-01"], in: dir).status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.db").path))
    }

    @Test("creators with a missing explicit --db exits 4 naming the path")
    func missingExplicitDatabase() throws {
        let dir = try Self.tempDirectory()
        let r = try Self.run(["creators", "--db", "typo.db"], in: dir)
        #expect(r.status == 4)
        #expect(r.stderr.contains("typo.db"))
        let env = try Self.run(["creators"], in: dir, environment: ["EROS_DB_PATH": "env.db"])
        #expect(env.status == 4)
        #expect(env.stderr.contains("env.db"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("creators lists the 37 active creators and validates --tier")
    func creatorsList() throws {
        let dir = try Self.tempDirectory()
        let r = try Self.run(["creators", "--format", "json"], in: dir)
        #expect(r.status == 0)
        #expect(Self.json(r.stdout)?["count"] as? Int == 37)
        #expect(r.stderr.contains("created eros.db with the sample dataset"))
        let tier = try Self.run(["creators", "--tier", "premium", "--format", "json"], in: dir)
        #expect(Self.json(tier.stdout)?["count"] as? Int == 5)
        let bad = try Self.run(["creators", "--tier", "High"], in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("Invalid tier 'High'"))
        let free = try Self.run(["creators", "--page-type", "free", "--format", "json"], in: dir)
        #expect(Self.json(free.stdout)?["count"] as? Int == 6)
    }

    @Test("four commands started at once on a fresh directory create one database and say so once")
    func concurrentFirstRun() async throws {
        let dir = try Self.tempDirectory()
        let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
            for _ in 0..<4 { group.addTask { try Self.run(["creators", "--format", "json"], in: dir) } }
            var all: [Outcome] = []
            for try await o in group { all.append(o) }
            return all
        }
        #expect(outcomes.allSatisfy { $0.status == 0 })
        #expect(outcomes.filter { $0.stderr.contains("created") }.count == 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
        #expect(names == ["eros.db"])
    }

    @Test("diagnose db reports a healthy database and exits 4 on a file that is not SQLite")
    func diagnose() throws {
        let dir = try Self.tempDirectory()
        let r = try Self.run(["diagnose", "db", "--format", "json"], in: dir)
        #expect(r.status == 0)
        let report = Self.json(r.stdout)
        #expect(report?["ok"] as? Bool == true)
        #expect(report?["journal_mode"] as? String == "wal")
        #expect(report?["schema_version"] as? Int == 2)
        #expect((report?["row_counts"] as? [String: Int])?["creators"] == 40)
        try Data("not a database at all".utf8).write(to: dir.appendingPathComponent("bad.db"))
        let bad = try Self.run(["diagnose", "db", "--db", "bad.db"], in: dir)
        #expect(bad.status == 4)
        #expect(bad.stderr.contains("bad.db"))
    }
}
