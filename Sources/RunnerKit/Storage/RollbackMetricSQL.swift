import Foundation
import GRDB

/// One counted run of a metric window, as the rollback triggers need it.
public struct RollbackWindowRun: Sendable, Hashable {
    /// succeeded, rejected, failed or abandoned.
    public var status: String
    /// primary or fallback.
    public var role: String
    /// Wall-clock duration.
    public var durationMs: Int64?
    /// Validator score.
    public var qualityScore: Double?
    /// At least one hard-gate code.
    public var hardGateViolation: Bool
    /// A fallback was started for it.
    public var startedFallback: Bool
}

extension RolloutConnection {
    /// The finished, counted runs of a pipeline's window (operations.md §6.1, §6.3): not read-only,
    /// role in `roles`, not blocked, started at or after `epoch`; the last `count` runs or those
    /// finished at or after `finishedSince`.
    public func windowRuns(
        pipeline: String, roles: [String], epoch: String, lastCount: Int?, finishedSince: String?
    ) throws -> [RollbackWindowRun] {
        let marks = Array(repeating: "?", count: max(roles.count, 1)).joined(separator: ", ")
        var arguments: [any DatabaseValueConvertible] = [pipeline]
        arguments += roles.isEmpty ? ["primary"] : roles
        arguments.append(epoch)
        var sql = """
            SELECT status, role, duration_ms, quality_score, hard_gate_violation, fallback_run_id FROM runs
            WHERE pipeline = ? AND finished_at IS NOT NULL AND read_only = 0 AND role IN (\(marks))
              AND started_at >= ? AND status <> 'blocked'
            """
        if let finishedSince {
            sql += " AND finished_at >= ?"
            arguments.append(finishedSince)
        }
        sql += " ORDER BY finished_at DESC, run_id DESC"
        if let lastCount {
            sql += " LIMIT ?"
            arguments.append(lastCount)
        }
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            RollbackWindowRun(
                status: row["status"], role: row["role"], durationMs: row["duration_ms"],
                qualityScore: row["quality_score"], hardGateViolation: (row["hard_gate_violation"] as Int?) == 1,
                startedFallback: (row["fallback_run_id"] as String?) != nil)
        }
    }

    /// Recommendations of the comparisons in a window (newest first), for `shadow_mismatch_rate`.
    public func windowRecommendations(lastCount: Int?, createdSince: String?, epoch: String) throws -> [String] {
        var sql = "SELECT recommendation FROM shadow_comparisons WHERE created_at >= ?"
        var arguments: [any DatabaseValueConvertible] = [epoch]
        if let createdSince {
            sql += " AND created_at >= ?"
            arguments.append(createdSince)
        }
        sql += " ORDER BY created_at DESC, comparison_id DESC"
        if let lastCount {
            sql += " LIMIT ?"
            arguments.append(lastCount)
        }
        return try String.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
    }
}
