import Foundation
import GRDB

extension Storage {
    /// Inserts a fallback run for a finished candidate and links both rows in one immediate
    /// transaction (operations.md §4): the fallback's `fallback_of_run_id` and the candidate's
    /// `fallback_run_id`. Refuses with RUN_IN_PROGRESS when another served run of the
    /// creator-week started meanwhile.
    public func startFallbackRun(_ row: RunStart, candidateRunId: String, owner: RunOwner) throws {
        let now = Timestamp.string(clock.now())
        try writeRunRecords { db in
            if let running = try String.fetchOne(
                db.cachedStatement(
                sql: """
                    SELECT run_id FROM runs WHERE creator_id = ? AND week_start = ? AND status = 'running'
                      AND role IN ('primary', 'fallback') LIMIT 1
                    """), arguments: [row.creatorId, row.weekStart])
            {
                throw RunLifecycleError.runInProgress(creator: row.creatorId, week: row.weekStart, runId: running)
            }
            try insert(db, row, owner: owner, now: now)
            try db.executeCached(
                sql: "UPDATE runs SET fallback_run_id = ? WHERE run_id = ? AND status != 'running'",
                arguments: [row.runId, candidateRunId])
            guard db.changesCount == 1 else { throw RunLifecycleError.runNotFound(runId: candidateRunId) }
        }
    }
}
