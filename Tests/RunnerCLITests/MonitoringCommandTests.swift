import Foundation
import RunnerKit
import Testing

/// Runs the built `runner` binary (end-to-end: separate processes, real exit codes).
enum RunnerBinary {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let path = root.appendingPathComponent(".build/debug/runner").path

    /// Starts the binary; returns the process and its stdout pipe.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("EROS_") }
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, out)
    }

    /// Runs the binary to completion: exit status and stdout. The blocking waits run on a GCD
    /// thread so they never hold a thread of the shared cooperative pool.
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> (Int32, String) {
        let child = Child(try start(arguments, environment: environment))
        return await child.finish()
    }
}

/// A started process whose completion is awaited off the cooperative pool.
struct Child: @unchecked Sendable {
    // Safe: after start, only this value reads the pipe and waits for the process.
    let process: Process
    let out: Pipe

    init(_ started: (Process, Pipe)) {
        process = started.0
        out = started.1
    }

    func finish() async -> (Int32, String) {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let data = out.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, String(decoding: data, as: UTF8.self)))
            }
        }
    }
}

@Suite("Monitoring commands end to end", .enabled(if: FileManager.default.isExecutableFile(atPath: RunnerBinary.path)))
struct MonitoringCommandTests {
    static let now = "2026-01-19T09:00:00Z"

    func emptyDatabase() async throws -> (URL, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eros-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = dir.appendingPathComponent("eros.db").path
        // Migrated on 2026-01-01, so the candidate epoch starts before every run of the tests.
        let (status, _) = try await RunnerBinary.run(["db", "init", "--db", db], environment: ["EROS_NOW": "2026-01-01T00:00:00Z"])
        #expect(status == 0)
        return (dir, db)
    }

    @Test("status --format json has every top-level key on an empty database and exits 0")
    func statusOnEmptyDatabase() async throws {
        let (dir, db) = try await emptyDatabase()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, output) = try await RunnerBinary.run(["status", "--db", db, "--format", "json"], environment: ["EROS_NOW": Self.now])
        #expect(status == 0)
        let json = try #require(ToolValue.parse(output))
        for key in ["schema_version", "generated_at", "config", "flags", "rollback", "rollout", "health", "alerts", "last_runs"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["generated_at"]?.stringValue?.hasPrefix("2026-01-19T09:0") == true)
    }

    @Test("health exits 0 on insufficient data and 1 when unhealthy; an unknown pipeline without slo exits 1")
    func healthExitCodes() async throws {
        let (dir, db) = try await emptyDatabase()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await RunnerBinary.run(["health", "--db", db], environment: ["EROS_NOW": Self.now]).0 == 0)
        #expect(try await RunnerBinary.run(["health", "--db", db, "--pipeline", "v4"], environment: ["EROS_NOW": Self.now]).0 == 1)
        let storage = try Storage.open(path: db, create: false, clock: .system)
        let end = Timestamp.parse(Self.now)!
        var runs: [SyntheticRun] = []
        for i in 0..<10 {
            let finished = end.addingTimeInterval(Double(i - 10) * 60)
            runs.append(SyntheticRun(
                pipeline: "v5", status: i < 2 ? "failed" : "succeeded", startedAt: finished.addingTimeInterval(-30),
                finishedAt: finished, qualityScore: 90))
        }
        try storage.insertSyntheticRuns(runs)
        let (status, output) = try await RunnerBinary.run(["health", "--db", db, "--format", "json"], environment: ["EROS_NOW": Self.now])
        #expect(status == 1)
        #expect(ToolValue.parse(output)?["status"] == "unhealthy")
        #expect(try await RunnerBinary.run(["health", "--db", db, "--fail-on", "unhealthy"], environment: ["EROS_NOW": Self.now]).0 == 1)
    }

    @Test("two alerts check processes at once commit each state change once")
    func concurrentChecks() async throws {
        let (dir, db) = try await emptyDatabase()
        defer { try? FileManager.default.removeItem(at: dir) }
        let storage = try Storage.open(path: db, create: false, clock: .system)
        let end = Timestamp.parse(Self.now)!
        var runs: [SyntheticRun] = []
        for i in 0..<20 {
            let finished = end.addingTimeInterval(Double(i - 20) * 60)
            runs.append(SyntheticRun(
                pipeline: "v5", status: "failed", startedAt: finished.addingTimeInterval(-30), finishedAt: finished))
        }
        try storage.insertSyntheticRuns(runs)
        let first = Child(try RunnerBinary.start(["alerts", "check", "--db", db], environment: ["EROS_NOW": Self.now]))
        let second = Child(try RunnerBinary.start(["alerts", "check", "--db", db], environment: ["EROS_NOW": Self.now]))
        #expect(await first.finish().0 == 0)
        #expect(await second.finish().0 == 0)
        let events = try storage.alertEvents(since: nil, rule: nil)
        #expect(events.map(\.ruleName).sorted() == ["V5_SUCCESS_CRITICAL", "V5_SUCCESS_LOW"])
        #expect(events.allSatisfy { $0.toState == .pending })
        // Five minutes later (a new invocation, EROS_NOW moved) both fire.
        let (status, output) = try await RunnerBinary.run(
            ["alerts", "check", "--db", db, "--format", "json"], environment: ["EROS_NOW": "2026-01-19T09:05:10Z"])
        #expect(status == 0)
        #expect(ToolValue.parse(output)?["changes"]?.arrayValue?.count == 2)
    }

    @Test("test alerts runs the shipped tests and exits 0")
    func shippedAlertTests() async throws {
        let (status, output) = try await RunnerBinary.run(["test", "alerts", "alerts/tests/v5.yaml"])
        #expect(status == 0)
        #expect(output.contains("PASS sustained failures fire and roll back"))
    }
}
