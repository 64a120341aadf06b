import ArgumentParser
import Foundation
import RunnerKit

/// Opens the learning-signal store of the runner database; the Storage layer provides the GRDB conformance.
enum LearningsSignalStoreProvider {
    /// Errors when no database-backed store is available.
    enum Unavailable: RunnerError {
        case noStorage(String)
        var code: String { "DB_UNAVAILABLE" }
        var exitStatus: ExitStatus { .databaseUnavailable }
        var description: String {
            switch self {
            case .noStorage(let path):
                "no usable database at \(path): the learning_signals store is not available in this build (reflect never creates a database)"
            }
        }
    }

    /// The store for the database the global options name; exit 4 when it cannot be opened.
    static func open(_ global: GlobalOptions) throws -> any LearningSignalStore {
        throw Unavailable.noStorage(global.databasePath.path)
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
            output(store: try LearningsSignalStoreProvider.open(options.global), now: Timestamp.string(try options.global.clock().now()))
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
