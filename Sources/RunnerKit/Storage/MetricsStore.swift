import Foundation
import GRDB

/// One counted run of a metric window, read from the covering index `runs_pipeline_finished`.
struct WindowRunRow: Sendable, Hashable {
    var runId: String
    var role: String
    var status: String
    var durationMs: Int64?
    var qualityScore: Double?
    var hardGateViolation: Bool
    var fallbackRunId: String?
}

/// The bounds of a window query, already resolved to timestamps (data-model.md §3.9).
struct WindowBounds: Sendable, Hashable {
    /// `IN (...)` role list; never empty.
    var roles: [String]
    /// Runs started before this are ignored (candidate epoch), nil for none.
    var startedAtOrAfter: String?
    /// Runs finished after this (the evaluation time) are not yet visible.
    var finishedAtOrBefore: String
    /// Duration windows: runs finished at or after this.
    var finishedAtOrAfter: String?
    /// Run-count windows: the N most recently finished runs.
    var limit: Int?
}

/// The SQL of the monitoring metrics (operations.md §6), answered from covering indexes.
extension Storage {
    /// The SELECT for one window of counted runs; exposed for EXPLAIN QUERY PLAN checks.
    static func windowRunsSQL(_ bounds: WindowBounds) -> String {
        let roles = bounds.roles.map { _ in "?" }.joined(separator: ", ")
        var sql = """
            SELECT run_id, role, status, duration_ms, quality_score, hard_gate_violation, fallback_run_id
            FROM runs INDEXED BY runs_pipeline_finished
            WHERE pipeline = ? AND finished_at IS NOT NULL AND finished_at <= ?
              AND read_only = 0 AND role IN (\(roles)) AND status <> 'blocked' AND status <> 'running'
            """
        if bounds.finishedAtOrAfter != nil { sql += " AND finished_at >= ?" }
        if bounds.startedAtOrAfter != nil { sql += " AND started_at >= ?" }
        sql += " ORDER BY finished_at DESC, run_id DESC"
        if bounds.limit != nil { sql += " LIMIT ?" }
        return sql
    }

    static func windowRunsArguments(pipeline: String, _ bounds: WindowBounds) -> StatementArguments {
        var values: [(any DatabaseValueConvertible)?] = [pipeline, bounds.finishedAtOrBefore]
        values += bounds.roles.map { $0 as (any DatabaseValueConvertible)? }
        if let after = bounds.finishedAtOrAfter { values.append(after) }
        if let started = bounds.startedAtOrAfter { values.append(started) }
        if let limit = bounds.limit { values.append(limit) }
        return StatementArguments(values)
    }

    /// The counted runs of one pipeline's window, most recently finished first.
    static func fetchWindowRuns(_ db: Database, pipeline: String, bounds: WindowBounds) throws -> [WindowRunRow] {
        let rows = try Row.fetchAll(
            db, sql: windowRunsSQL(bounds), arguments: windowRunsArguments(pipeline: pipeline, bounds))
        return rows.map { row in
            WindowRunRow(
                runId: row["run_id"], role: row["role"], status: row["status"], durationMs: row["duration_ms"],
                qualityScore: row["quality_score"], hardGateViolation: (row["hard_gate_violation"] as Int? ?? 0) == 1,
                fallbackRunId: row["fallback_run_id"])
        }
    }

    /// Per-run duration of one phase (first attempt start to last attempt finish; the sum of the
    /// attempt durations when a finish time is missing), for the given runs that ran it.
    static func fetchPhaseDurations(_ db: Database, phase: String, runIds: [String]) throws -> [Int64] {
        guard !runIds.isEmpty else { return [] }
        var durations: [Int64] = []
        // Chunks keep the statement under SQLite's bound-parameter limit.
        for start in stride(from: 0, to: runIds.count, by: 500) {
            let chunk = Array(runIds[start..<min(start + 500, runIds.count)])
            let marks = chunk.map { _ in "?" }.joined(separator: ", ")
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT run_id, MIN(started_at) AS first_start, MAX(finished_at) AS last_finish,
                      SUM(duration_ms) AS total, COUNT(*) AS attempts, COUNT(finished_at) AS finished
                    FROM run_phases WHERE phase = ? AND run_id IN (\(marks)) AND status <> 'skipped'
                    GROUP BY run_id
                    """,
                arguments: StatementArguments([phase] + chunk))
            for row in rows {
                let attempts: Int = row["attempts"], finished: Int = row["finished"]
                if attempts == finished, let first = (row["first_start"] as String?).flatMap(Timestamp.parse),
                    let last = (row["last_finish"] as String?).flatMap(Timestamp.parse)
                {
                    durations.append(Int64((last.timeIntervalSince(first) * 1000).rounded()))
                } else if let total = row["total"] as Int64? {
                    durations.append(total)
                }
            }
        }
        return durations
    }

    /// The SELECT of a comparison window; exposed for EXPLAIN QUERY PLAN checks.
    static func comparisonsSQL(after: Bool, limit: Bool) -> String {
        var sql = """
            SELECT recommendation FROM shadow_comparisons INDEXED BY shadow_comparisons_report
            WHERE created_at <= ? AND created_at >= ? AND recommendation <> 'control_failed'
            """
        if after { sql += " AND created_at >= ?" }
        sql += " ORDER BY created_at DESC"
        if limit { sql += " LIMIT ?" }
        return sql
    }

    /// Recommendations of the evaluated comparisons (control_failed excluded) of a window.
    static func fetchComparisonRecommendations(
        _ db: Database, notBefore epoch: String, bounds: WindowBounds
    ) throws -> [String] {
        var values: [(any DatabaseValueConvertible)?] = [bounds.finishedAtOrBefore, epoch]
        if let after = bounds.finishedAtOrAfter { values.append(after) }
        if let limit = bounds.limit { values.append(limit) }
        return try String.fetchAll(
            db, sql: comparisonsSQL(after: bounds.finishedAtOrAfter != nil, limit: bounds.limit != nil),
            arguments: StatementArguments(values))
    }

    /// `rollback_state.epoch_started_at`, nil when the row is missing.
    static func fetchEpochStartedAt(_ db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT epoch_started_at FROM rollback_state WHERE id = 1"))
    }

    /// Runs `body` in one read transaction (for Operations code that measures several metrics).
    func readSnapshot<T>(_ body: (Database) throws -> T) throws -> T { try read(body) }

    /// The query plan of a statement (one `detail` line per step), for index checks and benchmarks.
    public func explainQueryPlan(_ sql: String, arguments: [String] = []) throws -> [String] {
        try read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(arguments))
                .map { $0["detail"] as String? ?? "" }
        }
    }
}
