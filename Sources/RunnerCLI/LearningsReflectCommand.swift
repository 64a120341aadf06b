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

/// Wraps the store so a failed consume after the file step says what happened and how it heals: the file
/// is written first and signals are consumed after the rename (6.3), so a failure here leaves them pending
/// and the next reflect finds their ids in Evidence and marks them consumed without touching the file (5.3).
struct ReflectConsumeGuard: LearningSignalStore {
    /// The wrapped store.
    let base: any LearningSignalStore

    /// Raised when consuming failed after the file step.
    struct ConsumeFailed: RunnerError {
        let underlying: any RunnerError
        let count: Int
        var code: String { underlying.code }
        var exitStatus: ExitStatus { underlying.exitStatus }
        var description: String {
            "the learnings file step completed, but marking \(count) signal(s) consumed failed: \(underlying.description). "
                + "They stay pending; the next `runner learnings reflect --apply` finds their ids in Evidence and marks them consumed without changing the file."
        }
    }

    func record(_ observations: [SignalObservation]) throws { try base.record(observations) }
    func pendingSignals() throws -> [LearningSignal] { try base.pendingSignals() }
    func signal(id: Int64) throws -> LearningSignal? { try base.signal(id: id) }
    func dismiss(id: Int64, note: String, at timestamp: String) throws { try base.dismiss(id: id, note: note, at: timestamp) }

    func consume(_ resolutions: [SignalResolution], at timestamp: String) throws {
        do {
            try base.consume(resolutions, at: timestamp)
        } catch let error as any RunnerError {
            throw ConsumeFailed(underlying: error, count: resolutions.count)
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
            let store = try LearningsSignalStoreProvider.open(options.global, clock: clock)
            defer { try? store.storage.close() }
            return output(store: ReflectConsumeGuard(base: store), now: Timestamp.string(clock.now()))
        }
        try out.emit()
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
