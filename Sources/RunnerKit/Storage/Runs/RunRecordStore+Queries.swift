import Foundation
import GRDB

extension RunRecordStore {
    /// One run by id.
    public func run(id: String) throws -> RunRecord? {
        try storage.read { db in try Self.fetchRun(db, id) }
    }

    /// The phase attempts of a run, in pipeline order then attempt.
    public func phases(runID: String) throws -> [PhaseRecord] {
        try storage.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM run_phases WHERE run_id = ? ORDER BY ordinal, phase, attempt", arguments: [runID]
            ).map { row in
                PhaseRecord(
                    run_id: row["run_id"], phase: row["phase"], attempt: row["attempt"], ordinal: row["ordinal"],
                    started_at: row["started_at"], finished_at: row["finished_at"], status: row["status"],
                    duration_ms: row["duration_ms"], error_code: row["error_code"], error_message: row["error_message"],
                    data_calls: row["data_calls"])
            }
        }
    }

    /// Recorded runs, newest first, with optional equality filters and a started_at lower bound.
    public func listRuns(
        creatorID: String? = nil, pipeline: String? = nil, role: String? = nil, status: String? = nil,
        startedSince: String? = nil, limit: Int = 100
    ) throws -> [RunRecord] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        for (column, value) in [("creator_id", creatorID), ("pipeline", pipeline), ("role", role), ("status", status)] {
            if let value { conditions.append("\(column) = ?"); arguments.append(value) }
        }
        if let startedSince { conditions.append("started_at >= ?"); arguments.append(startedSince) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try storage.read { db in
            try String.fetchAll(
                db, sql: "SELECT run_id FROM runs \(whereClause) ORDER BY started_at DESC, run_id DESC LIMIT ?",
                arguments: StatementArguments(arguments + [max(1, limit)])
            ).compactMap { try Self.fetchRun(db, $0) }
        }
    }

    /// Reads one run row inside a transaction.
    static func fetchRun(_ db: Database, _ id: String) throws -> RunRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE run_id = ?", arguments: [id]) else { return nil }
        func list(_ column: String) -> [String] {
            (row[column] as String?).flatMap(ToolValue.parse)?.arrayValue?.compactMap(\.stringValue) ?? []
        }
        return RunRecord(
            run_id: row["run_id"], creator_id: row["creator_id"], week_start: row["week_start"], pipeline: row["pipeline"],
            role: row["role"], decision: (row["decision"] as String?).flatMap(ToolValue.parse) ?? .null,
            decision_target: row["decision_target"], decision_reason: row["decision_reason"], rollout_phase: row["rollout_phase"],
            applied_config_id: row["applied_config_id"], read_only: (row["read_only"] as Int) == 1, status: row["status"],
            started_at: row["started_at"], finished_at: row["finished_at"], heartbeat_at: row["heartbeat_at"],
            duration_ms: row["duration_ms"], validation_status: row["validation_status"], quality_score: row["quality_score"],
            gate_codes: list("gate_codes"), hard_gate_violation: (row["hard_gate_violation"] as Int) == 1,
            total_items: row["total_items"], schedule_id: row["schedule_id"], schedule_hash: row["schedule_hash"],
            signals_count: row["signals_count"], learning_ids: list("learning_ids"), learnings_version: row["learnings_version"],
            learnings_sha256: row["learnings_sha256"], error_code: row["error_code"], error_message: row["error_message"],
            fallback_run_id: row["fallback_run_id"], fallback_of_run_id: row["fallback_of_run_id"],
            shadow_of_run_id: row["shadow_of_run_id"], owner_pid: row["owner_pid"], owner_host: row["owner_host"],
            runner_version: row["runner_version"])
    }
}
