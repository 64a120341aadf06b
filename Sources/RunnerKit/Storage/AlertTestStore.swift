import Foundation
import GRDB

/// SQL used only by `runner test alerts`, whose throwaway database stands in for the project's.
extension Storage {
    /// Sets the rollback controller row of a simulation database (the real controller writes it
    /// with its own audited transitions; a simulation only needs the state routing and event
    /// rules read).
    func setSimulatedRollbackState(
        _ state: String, at now: Date, reason: String, initiatedBy: String, trigger: String?, drainMs: Int?
    ) throws {
        try write { db in
            try db.executeCached(
                sql: """
                    UPDATE rollback_state SET state = ?, since = ?, reason = ?, initiated_by = ?, "trigger" = ?
                    WHERE id = 1
                    """,
                arguments: [state, Self.ts(now), reason, initiatedBy, trigger])
            if state == "DISABLED" {
                try db.executeCached(
                    sql: """
                        INSERT INTO rollback_events (at, event, from_state, to_state, reason, initiated_by, "trigger",
                          metrics_snapshot, drain_ms)
                        VALUES (?, 'disabled', 'DRAINING', 'DISABLED', ?, ?, ?, '{}', ?)
                        """,
                    arguments: [Self.ts(now), reason, initiatedBy, trigger, drainMs])
            }
        }
    }

    /// Moves the candidate epoch (simulation databases start their epoch before the test).
    func setSimulatedEpoch(_ epoch: Date) throws {
        try write { db in
            try db.executeCached(
                sql: "UPDATE rollback_state SET epoch_started_at = ?, since = ? WHERE id = 1",
                arguments: [Self.ts(epoch), Self.ts(epoch)])
        }
    }
}
