import ArgumentParser
import Foundation
import Testing

@testable import RunnerCLI
@testable import RunnerKit

/// `runner learnings reflect` over a real temporary database: the same goldens as the in-memory store.
@Suite("runner learnings reflect (database signal store)")
struct LearningsReflectDatabaseTests {
    static let now = "2026-03-07T09:00:00.000Z"
    static let binary = LearningsProcessTests.binary

    /// A temp database seeded with the observations of `LearningsReflectCommandTests.store()`.
    static func seededDatabase() throws -> (dir: URL, path: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reflect-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("signals.db").path
        let clock = RunnerClock(startingAt: Timestamp.parse("2026-03-07T09:00:00Z")!)
        let storage = try Storage.open(path: path, create: true, clock: clock)
        let store = LearningSignalDatabaseStore(storage: storage)
        try seed(store)
        try storage.close()
        return (dir, path)
    }

    /// The same runs, in the same order, as `LearningsReflectCommandTests.store()`, so ids match its goldens.
    static func seed(_ store: any LearningSignalStore) throws {
        func record(_ outcome: ValidatorOutcome, _ run: String, _ page: String, _ day: Int) throws {
            try store.record(SignalProducer.observations(for: [outcome], run: SignalRunContext(
                runId: run, pageName: page, finishedAt: "2026-03-0\(day)T10:00:00.000Z", countsForLearning: true)))
        }
        let timing = ValidatorOutcome(status: "REJECTED", violations: [.init(code: "TIMING_COLLISION", subjects: ["ppv_unlock", "bundle"])])
        try record(timing, "run-1", "alexia", 1)
        try record(timing, "run-2", "alexia", 2)
        try record(ValidatorOutcome(status: "REJECTED", violations: [.init(code: "FLYER_REQUIREMENT_VIOLATION")]), "run-3", "ivy_lane", 3)
        try record(ValidatorOutcome(status: "APPROVED", qualityScore: 90, distinctSendTypes: 12), "run-4", "alexia", 4)
        try record(ValidatorOutcome(status: "APPROVED", qualityScore: 87, distinctSendTypes: 13), "run-5", "alexia", 5)
        try record(timing, "run-6", "x", 6)
    }

    static func command(_ args: [String], db: String, file: URL) throws -> LearningsReflectCommand {
        try LearningsReflectCommand.parse(Array(args.dropFirst()) + ["--file", file.path, "--db", db])
    }

    @Test("the dry run over the database prints exactly the in-memory golden and changes nothing", arguments: [
        ("reflect-dry-run", ["reflect", "--today", "2026-03-07"]),
        ("reflect-dry-run-json", ["reflect", "--today", "2026-03-07", "--format", "json"]),
    ])
    func dryRun(golden: String, args: [String]) throws {
        let (_, db) = try Self.seededDatabase()
        let url = try LearningsSnapshot.tempCopy("valid/example.md")
        let before = try Data(contentsOf: url)
        let command = try Self.command(args, db: db, file: url)
        let store = try LearningsSignalStoreProvider.open(command.options.global, clock: try command.options.global.clock())
        defer { try? store.storage.close() }
        let output = command.output(store: ReflectConsumeGuard(base: store), now: Self.now)
        let text = LearningsSnapshot.transcript(args, output, before: before, after: try? Data(contentsOf: url),
                                                tempDir: url.deletingLastPathComponent())
        try LearningsSnapshot.assertMatches(golden, text)
        #expect(try store.pendingSignals().count == 4)
    }

    @Test("apply over the database prints the in-memory golden and consumes the three applied signals")
    func apply() throws {
        let args = ["reflect", "--today", "2026-03-07", "--apply"]
        let (_, db) = try Self.seededDatabase()
        let url = try LearningsSnapshot.tempCopy("valid/example.md")
        let before = try Data(contentsOf: url)
        let command = try Self.command(args, db: db, file: url)
        let store = try LearningsSignalStoreProvider.open(command.options.global, clock: try command.options.global.clock())
        defer { try? store.storage.close() }
        let output = command.output(store: ReflectConsumeGuard(base: store), now: Self.now)
        let text = LearningsSnapshot.transcript(args, output, before: before, after: try? Data(contentsOf: url),
                                                tempDir: url.deletingLastPathComponent())
        try LearningsSnapshot.assertMatches("reflect-apply", text)
        let rows = try store.allSignals()
        #expect(rows.filter { $0.status == .consumed }.map(\.id) == [1, 2, 3])
        #expect(rows.filter { $0.status == .consumed }.allSatisfy { $0.resolvedAt == Self.now && $0.learningId != nil })
        #expect(try store.pendingSignals().map(\.pageName) == ["x"])
    }

    @Test("a consume failure after the write says the file was written and how the signals recover")
    func consumeFailure() throws {
        let (_, db) = try Self.seededDatabase()
        let url = try LearningsSnapshot.tempCopy("valid/example.md")
        let before = try Data(contentsOf: url)
        let command = try Self.command(["reflect", "--today", "2026-03-07", "--apply"], db: db, file: url)
        let store = try LearningsSignalStoreProvider.open(command.options.global, clock: try command.options.global.clock())
        defer { try? store.storage.close() }
        let output = command.output(store: ReflectConsumeGuard(base: BusyOnConsume(base: store)), now: Self.now)
        #expect(output.status == .databaseUnavailable)
        #expect(output.stderr.contains("marking 3 signal(s) consumed failed"))
        #expect(output.stderr.contains("[DATABASE_BUSY]"))
        #expect(try Data(contentsOf: url) != before)
        #expect(try store.pendingSignals().count == 4)
        let retry = command.output(store: ReflectConsumeGuard(base: store), now: Self.now)
        #expect(retry.status == .success)
        #expect(retry.stdout.components(separatedBy: "RECOVER ").count - 1 == 3)
        #expect(try store.pendingSignals().count == 1)
    }

    @Test("a missing explicit --db path exits 4 and creates nothing")
    func missingExplicit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reflect-missing-\(UUID().uuidString)")
        let db = dir.appendingPathComponent("none.db").path
        let command = try LearningsReflectCommand.parse(["--db", db, "--today", "2026-03-07"])
        #expect(throws: LearningsSignalStoreProvider.Missing.self) {
            _ = try LearningsSignalStoreProvider.open(command.options.global, clock: try command.options.global.clock())
        }
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test("as a process: reflect never creates the default ./eros.db (exit 4; a bad option value is still 2); with --db it previews, applies and dismisses")
    func process() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the runner binary first")
        let (dir, db) = try Self.seededDatabase()
        let url = try LearningsSnapshot.tempCopy("valid/example.md")
        let missing = try Self.run(["learnings", "reflect", "--today", "2026-03-07", "--file", url.path], in: dir)
        #expect(missing.status == 4)
        #expect(missing.stderr.contains("[DATABASE_MISSING]"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("eros.db").path))
        let badValue = try Self.run(["learnings", "reflect", "--limit", "0", "--file", url.path], in: dir)
        #expect(badValue.status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("eros.db").path))
        let preview = try Self.run(["learnings", "reflect", "--today", "2026-03-07", "--file", url.path, "--db", db], in: dir)
        #expect(preview.status == 0)
        #expect(preview.stdout.hasPrefix("Found: 3 HIGH, 1 MEDIUM, 0 LOW signals\n"))
        #expect(preview.stdout.hasSuffix("Dry run: nothing written (use --apply)\nRemaining pending: 4\n"))
        let applied = try Self.run(["learnings", "reflect", "--today", "2026-03-07", "--file", url.path, "--db", db, "--apply"], in: dir)
        #expect(applied.status == 0)
        #expect(applied.stdout.contains("3 signal(s) consumed"))
        let dismissed = try Self.run(["learnings", "reflect", "--file", url.path, "--db", db, "--dismiss", "4", "--note", "noise"], in: dir)
        #expect(dismissed.status == 0)
        let reopened = LearningSignalDatabaseStore(storage: try Storage.open(path: db, create: false, clock: RunnerClock(startingAt: Timestamp.parse("2026-03-07T09:00:00Z")!)))
        defer { try? reopened.storage.close() }
        #expect(try reopened.allSignals().map(\.status) == [.consumed, .consumed, .consumed, .dismissed])
    }

    /// Runs the binary in `dir` without EROS_DB_PATH; returns exit status and both streams.
    static func run(_ args: [String], in dir: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = args
        process.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment["EROS_DB_PATH"] = nil
        environment["EROS_NOW"] = "2026-03-07T09:00:00Z"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}

/// A store whose consume fails like a locked database.
struct BusyOnConsume: LearningSignalStore {
    let base: any LearningSignalStore
    func record(_ observations: [SignalObservation]) throws { try base.record(observations) }
    func pendingSignals() throws -> [LearningSignal] { try base.pendingSignals() }
    func signal(id: Int64) throws -> LearningSignal? { try base.signal(id: id) }
    func consume(_ resolutions: [SignalResolution], at timestamp: String) throws { throw StorageError.busy }
    func dismiss(id: Int64, note: String, at timestamp: String) throws { try base.dismiss(id: id, note: note, at: timestamp) }
}
