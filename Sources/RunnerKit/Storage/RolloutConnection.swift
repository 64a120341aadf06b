import Foundation
import GRDB

/// A connection lent for the length of one transaction, through which the rollback controller,
/// the rollout reconciler and the report commands read and change operational state.
///
/// It is only ever used inside the closure it was passed to, on the thread GRDB runs it on.
public struct RolloutConnection {
    let db: Database

    /// Appends one audit row in this transaction.
    func audit(
        at: String, actor: String, action: String, entityType: String, entityId: String, reason: String?,
        before: ToolValue?, after: ToolValue?, runId: String? = nil
    ) throws {
        try AuditLog.append(
            db, occurredAt: at, actor: actor, action: action, entityType: entityType, entityId: entityId,
            runId: runId, reason: reason, before: before, after: after)
    }
}

extension Storage {
    /// Runs `body` in one `BEGIN IMMEDIATE` transaction (operations.md §1.4), rolled back when it
    /// throws. Domain errors (`RunnerError`) thrown by `body` pass through unchanged; anything else
    /// becomes a `StorageError`.
    public func rolloutTransaction<T>(_ body: (RolloutConnection) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(RolloutConnection(db: db))
                    return .commit
                }
                return result!
            }
        } catch let error as StorageError {
            throw error
        } catch let error as any RunnerError {
            throw error
        } catch {
            throw StorageError.wrap(error)
        }
    }

    /// Runs `body` on one read snapshot.
    public func rolloutSnapshot<T>(_ body: (RolloutConnection) throws -> T) throws -> T {
        do {
            return try pool.read { db in try body(RolloutConnection(db: db)) }
        } catch let error as StorageError {
            throw error
        } catch let error as any RunnerError {
            throw error
        } catch {
            throw StorageError.wrap(error)
        }
    }
}
