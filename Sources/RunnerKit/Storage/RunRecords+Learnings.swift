import Foundation
import GRDB

/// What a run row records of the learnings it applied (data-model.md §3.1).
public struct RunLearningsRecord: Sendable, Hashable {
    /// `learning_ids`: the selection in order, even when empty.
    public var ids: [String]
    /// `learnings_version`: the metadata Version of the file read (nil when none was read).
    public var version: String?
    /// `learnings_sha256`: SHA-256 of the bytes read (nil when none was read).
    public var sha256: String?

    /// Creates a record (no file read by default).
    public init(ids: [String] = [], version: String? = nil, sha256: String? = nil) {
        self.ids = ids
        self.version = version
        self.sha256 = sha256
    }

    /// The ids as the JSON array stored in `learning_ids`.
    func idsJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: try encoder.encode(ids), as: UTF8.self)
    }
}

extension Storage {
    /// Records a finishing run's signals in a savepoint of the finishing transaction. Returns the
    /// `signals_count` to write and, when recording failed (only the savepoint is rolled back),
    /// the failure: the run still finishes, with no signals recorded.
    func recordSignals(_ db: Database, _ finish: RunFinish) throws -> (count: Int, failure: String?) {
        guard !finish.signals.isEmpty else { return (finish.signalsCount, nil) }
        do {
            try db.inSavepoint {
                try LearningSignalDatabaseStore.record(finish.signals, in: db)
                return .commit
            }
            return (finish.signalsCount, nil)
        } catch {
            return (0, "learning signals not recorded: \(error)")
        }
    }
}
