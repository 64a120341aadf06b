import ArgumentParser
import Foundation
import RunnerKit

/// Opens the learning-signal store of the runner database (cli.md: reflect opens the database but
/// never creates it, exit 4 when it is missing or unusable).
enum LearningsSignalStoreProvider {
    /// The store over the database the global options name; `StorageError` (exit 4) when it cannot be opened.
    static func open(_ global: GlobalOptions, clock: RunnerClock) throws -> LearningSignalDatabaseStore {
        do {
            return LearningSignalDatabaseStore(storage: try global.openDatabase(mayCreate: false, clock: clock))
        } catch StorageError.databaseMissing(let path) {
            throw Missing(path: path)
        }
    }

    /// The database file does not exist; reflect never creates one, not even the default ./eros.db.
    struct Missing: RunnerError {
        let path: String
        var code: String { "DATABASE_MISSING" }
        var exitStatus: ExitStatus { .databaseUnavailable }
        var description: String {
            "database not found: \(path) (`runner learnings reflect` never creates a database; create one with `runner db init --db \(path)`)"
        }
    }
}

/// `runner learnings reflect`: preview (default) or apply proposals from pending signals.
struct LearningsReflectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reflect", abstract: "Propose entries from pending learning signals; --apply writes them.",
        discussion: "Example: runner learnings reflect --limit 10 --apply")

    @OptionGroup var options: LearningsOptions
    @Flag(help: "Write the unblocked proposals and mark their signals consumed.") var apply = false
    @Option(help: "At most N signals (default 20).") var limit: String?
    @Option(name: .customLong("signal"), help: "Only this signal id (repeatable).") var signals: [String] = []
    @Option(help: "Skip signals with a smaller sample.") var minSample: String?
    @Option(help: "Dismiss this pending signal (with --note) without touching the file.") var dismiss: String?
    @Option(help: "Why the signal is dismissed.") var note: String?

    func run() async throws {
        let out = LearningsOutput.catching {
            let clock = try options.global.clock()
            try checkInputs()
            let store = try LearningsSignalStoreProvider.open(options.global, clock: clock)
            defer { try? store.storage.close() }
            return output(store: ReflectConsumeGuard(base: store), now: Timestamp.string(clock.now()))
        }
        try out.emit()
    }

    /// Checks option values before the database is opened, so a bad value is exit 2 with or without a database.
    func checkInputs() throws {
        _ = try options.resolveToday()
        _ = try limit.map { try Self.number($0, "--limit") }
        _ = try signals.map { try Self.number($0, "--signal") }
        _ = try minSample.map { try Self.number($0, "--min-sample") }
        if let dismiss {
            _ = try Self.number(dismiss, "--dismiss")
            guard let note, !note.isEmpty else { throw LearningsError.refused("--dismiss needs --note TEXT") }
        }
    }

    /// A positive integer option value; anything else is bad input (exit 2).
    static func number(_ text: String, _ option: String) throws -> Int {
        guard let n = Int(text), n >= 1 else { throw LearningsError.refused("\(option) must be a positive integer, got '\(text)'") }
        return n
    }

    /// Runs the command against a store and returns what it prints.
    func output(store: any LearningSignalStore, now: String) -> LearningsOutput {
        LearningsOutput.catching {
            let (url, display) = options.location()
            let today = try options.resolveToday()
            if let dismiss {
                let id = try Self.number(dismiss, "--dismiss")
                guard let note, !note.isEmpty else { throw LearningsError.refused("--dismiss needs --note TEXT") }
                try store.dismiss(id: Int64(id), note: note, at: now)
                return LearningsOutput(stdout: "Dismissed signal #\(id): \(note)\n", stderr: "", status: .success)
            }
            let selection = ReflectOptions(
                limit: try limit.map { try Self.number($0, "--limit") } ?? 20,
                signalIds: try signals.map { Int64(try Self.number($0, "--signal")) },
                minSample: try minSample.map { try Self.number($0, "--min-sample") })
            let writer = options.writer(url, display, today)
            let reflector = LearningsReflector(store: store, writer: writer, options: selection)
            let outcome = try reflector.run(apply: apply, now: now)
            var out = LearningsOutput()
            out.stdout = options.format == .json
                ? LearningsReflectRender.json(outcome, apply: apply)
                : LearningsReflectRender.text(outcome, display: display, apply: apply)
            return out
        }
    }
}
