import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RunRecordStore {
    /// Heartbeats older than this abandon a running run (data-model.md §3.1).
    public static let heartbeatTimeout: TimeInterval = 30

    /// Marks abandoned the running served runs of a creator-week whose owner process on this
    /// host is gone or whose heartbeat is older than 30 s; returns their ids.
    @discardableResult
    public func abandonStaleRuns(creatorID: String, weekStart: String, host: String, actor: String) throws -> [String] {
        try storage.write { db in try abandonStale(db, creatorID: creatorID, weekStart: weekStart, host: host, actor: actor) }
    }

    /// The abandonment rule inside the caller's transaction.
    func abandonStale(_ db: Database, creatorID: String, weekStart: String, host: String, actor: String) throws -> [String] {
        let now = storage.clock.now()
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT run_id, started_at, heartbeat_at, owner_pid, owner_host FROM runs
                WHERE creator_id = ? AND week_start = ? AND status = 'running' AND role IN ('primary', 'fallback')
                """,
            arguments: [creatorID, weekStart])
        var abandoned: [String] = []
        for row in rows {
            let started: String = row["started_at"]
            let heartbeat: String? = row["heartbeat_at"]
            let pid: Int? = row["owner_pid"]
            let owner: String = row["owner_host"]
            var message: String?
            if owner == host, let pid, kill(pid_t(pid), 0) != 0, errno == ESRCH {
                message = "Owner process \(pid) on \(owner) is gone"
            } else if let last = Timestamp.parse(heartbeat ?? started), now.timeIntervalSince(last) > Self.heartbeatTimeout {
                message = "No heartbeat since \(heartbeat ?? started)"
            }
            guard let message else { continue }
            let finished = heartbeat ?? started
            let duration = zip(Timestamp.parse(started), Timestamp.parse(finished)).map { Int(($1.timeIntervalSince($0) * 1000).rounded()) }
            let id: String = row["run_id"]
            try db.execute(
                sql: """
                    UPDATE runs SET status = 'abandoned', finished_at = ?, duration_ms = ?, error_code = 'ABANDONED',
                      error_message = ? WHERE run_id = ? AND status = 'running'
                    """,
                arguments: [finished, duration, message, id])
            try AuditLog.append(
                db, occurredAt: Timestamp.string(now), actor: actor, action: "run.abandoned", entityType: "runs", entityId: id,
                runId: id, reason: message, before: ["status": "running"], after: ["status": "abandoned"])
            abandoned.append(id)
        }
        return abandoned
    }
}

/// Pairs two optionals.
private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
