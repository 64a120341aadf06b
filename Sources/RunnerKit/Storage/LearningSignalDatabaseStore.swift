import Foundation
import GRDB

/// The `LearningSignalStore` over the runner database's `learning_signals` table (learnings.md §5.2).
/// Each method is one immediate write transaction (or one read transaction).
public struct LearningSignalDatabaseStore: LearningSignalStore {
    /// The open database.
    public let storage: Storage

    /// A store over an open database.
    public init(storage: Storage) {
        self.storage = storage
    }

    /// Records a run's observations inside the caller's open write transaction (the run's finishing
    /// transaction, data-model.md §3.7): they commit or roll back with it. Returns, per observation,
    /// the id of the row it was added to, or nil when its run already counted for that key.
    @discardableResult
    public static func record(_ observations: [SignalObservation], in db: Database) throws -> [Int64?] {
        try LearningSignalTable.record(observations, in: db)
    }

    /// Upserts observations per §5.2 in one immediate transaction.
    public func record(_ observations: [SignalObservation]) throws {
        _ = try write { db in try LearningSignalTable.record(observations, in: db) }
    }

    /// Pending signals in reflect order (HIGH, MEDIUM, LOW, first_seen_at, id).
    public func pendingSignals() throws -> [LearningSignal] {
        try read { db in try LearningSignalTable.pending(in: db) }
    }

    /// One signal by id, any status.
    public func signal(id: Int64) throws -> LearningSignal? {
        try read { db in try LearningSignalTable.signal(id: id, in: db) }
    }

    /// Every signal, any status, by id.
    public func allSignals() throws -> [LearningSignal] {
        try read { db in try LearningSignalTable.all(in: db) }
    }

    /// Marks all resolutions consumed in one transaction; none is when any is missing or not pending.
    public func consume(_ resolutions: [SignalResolution], at timestamp: String) throws {
        try write { db in try LearningSignalTable.consume(resolutions, at: timestamp, in: db) }
    }

    /// Marks one pending signal dismissed with a note.
    public func dismiss(id: Int64, note: String, at timestamp: String) throws {
        try write { db in try LearningSignalTable.dismiss(id: id, note: note, at: timestamp, in: db) }
    }

    /// One read transaction; GRDB errors become `StorageError`.
    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try storage.pool.read(body) } catch { throw Self.mapped(error) }
    }

    /// One immediate write transaction, rolled back when `body` throws.
    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try storage.pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.mapped(error)
        }
    }

    /// Keeps the store's own errors; anything else is `DATABASE_BUSY` or `DATABASE_ERROR`.
    private static func mapped(_ error: any Error) -> any Error {
        switch error {
        case let error as SignalStoreError: error
        case let error as LearningSignalStoreFailure: error
        default: StorageError.wrap(error)
        }
    }
}
