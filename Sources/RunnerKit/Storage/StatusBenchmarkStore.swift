import Foundation
import GRDB

/// Bulk synthetic runs for the `runner bench status` benchmark (never used by real commands).
extension Storage {
    /// Inserts `count` finished runs alternating between `pipelines`, one every 30 s ending at
    /// `end`, in batches of `batch` rows per transaction; a few fail or carry a hard-gate code.
    public func insertBenchmarkRuns(count: Int, pipelines: [String], endingAt end: Date, batch: Int = 50_000) throws {
        let configId = try write { db in try Self.benchmarkConfigId(db) }
        var inserted = 0
        while inserted < count {
            let upTo = min(count, inserted + batch)
            try write { db in
                let statement = try db.cachedStatement(sql: """
                    INSERT INTO runs (run_id, creator_id, week_start, pipeline, role, decision, decision_target,
                      decision_reason, rollout_phase, applied_config_id, read_only, status, started_at, finished_at,
                      heartbeat_at, duration_ms, quality_score, gate_codes, hard_gate_violation, owner_pid, owner_host,
                      runner_version)
                    VALUES (?, ?, '2026-01-05', ?, ?, '{}', 'control', 'default', 'canary', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0,
                      'bench', 'bench')
                    """)
                for i in inserted..<upTo {
                    let finished = end.addingTimeInterval(-Double(count - i) * 30)
                    let durationMs = 30_000 + (i * 7_919) % 90_000
                    let started = finished.addingTimeInterval(-Double(durationMs) / 1000)
                    let status = i % 50 == 0 ? "failed" : i % 97 == 0 ? "rejected" : "succeeded"
                    let gate = status == "rejected"
                    let readOnly = i % 13 == 0
                    try statement.execute(arguments: [
                        String(format: "bench-%010d", i), "bench-creator-\(i % 40)", pipelines[i % pipelines.count],
                        readOnly ? "diagnostic" : "primary", configId, readOnly ? 1 : 0, status,
                        Timestamp.string(started), Timestamp.string(finished), Timestamp.string(finished), durationMs,
                        status == "failed" ? nil : Double(70 + i % 30), gate ? "[\"VAULT_VIOLATION\"]" : "[]", gate ? 1 : 0,
                    ])
                }
            }
            inserted = upTo
        }
    }

    /// Rows in `runs`.
    public func runCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0 }
    }

    /// The SQL of the queries `runner status` issues, with example arguments, for EXPLAIN QUERY PLAN.
    public static func statusQueriesForPlan() -> [(name: String, sql: String, arguments: [String])] {
        let bounds = WindowBounds(
            roles: ["primary", "fallback"], startedAtOrAfter: "2000-01-01T00:00:00.000Z",
            finishedAtOrBefore: "2100-01-01T00:00:00.000Z", finishedAtOrAfter: nil, limit: 100)
        return [
            ("health window (100 runs)", windowRunsSQL(bounds),
             ["v5", "2100-01-01T00:00:00.000Z", "primary", "fallback", "2000-01-01T00:00:00.000Z", "100"]),
            ("shadow comparisons window", comparisonsSQL(after: false, limit: true),
             ["2100-01-01T00:00:00.000Z", "2000-01-01T00:00:00.000Z", "100"]),
            ("last runs", "SELECT run_id FROM runs ORDER BY started_at DESC, run_id DESC LIMIT ?", ["10"]),
        ]
    }

    private static func benchmarkConfigId(_ db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO applied_configs (seen_at, config_hash, phase, flags, salt, status, reason, seen_by)
                VALUES ('2026-01-01T00:00:00.000Z', 'sha256:bench', 'canary', '{}', '', 'accepted', 'bench', 'bench')
                """)
        return db.lastInsertedRowID
    }
}
