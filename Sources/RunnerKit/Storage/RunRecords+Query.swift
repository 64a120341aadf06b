import Foundation
import GRDB

/// A recorded run as `runner runs` shows it.
public struct RunRecord: Sendable, Hashable, Codable {
    public var runId: String
    public var creatorId: String
    public var weekStart: String
    public var pipeline: String
    public var role: String
    public var decisionJSON: String
    public var decisionReason: String
    public var rolloutPhase: String?
    public var readOnly: Bool
    public var status: String
    public var startedAt: String
    public var finishedAt: String?
    public var heartbeatAt: String?
    public var durationMs: Int?
    public var validationStatus: String?
    public var qualityScore: Double?
    public var gateCodesJSON: String
    public var totalItems: Int?
    public var scheduleId: Int64?
    public var scheduleHash: String?
    public var errorCode: String?
    public var errorMessage: String?
    public var fallbackRunId: String?
    public var fallbackOfRunId: String?
    public var shadowOfRunId: String?
    public var ownerPid: Int?
    public var ownerHost: String

    enum CodingKeys: String, CodingKey {
        case runId = "run_id", creatorId = "creator_id", weekStart = "week_start", pipeline, role
        case decisionJSON = "decision_json", decisionReason = "decision_reason", rolloutPhase = "rollout_phase"
        case readOnly = "read_only", status, startedAt = "started_at", finishedAt = "finished_at"
        case heartbeatAt = "heartbeat_at", durationMs = "duration_ms", validationStatus = "validation_status"
        case qualityScore = "quality_score", gateCodesJSON = "gate_codes_json", totalItems = "total_items"
        case scheduleId = "schedule_id", scheduleHash = "schedule_hash", errorCode = "error_code"
        case errorMessage = "error_message", fallbackRunId = "fallback_run_id"
        case fallbackOfRunId = "fallback_of_run_id", shadowOfRunId = "shadow_of_run_id", ownerPid = "owner_pid"
        case ownerHost = "owner_host"
    }

    /// Encodes every column, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(runId, forKey: .runId)
        try c.encode(creatorId, forKey: .creatorId)
        try c.encode(weekStart, forKey: .weekStart)
        try c.encode(pipeline, forKey: .pipeline)
        try c.encode(role, forKey: .role)
        try c.encode(decisionJSON, forKey: .decisionJSON)
        try c.encode(decisionReason, forKey: .decisionReason)
        try c.encode(rolloutPhase, forKey: .rolloutPhase)
        try c.encode(readOnly, forKey: .readOnly)
        try c.encode(status, forKey: .status)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(finishedAt, forKey: .finishedAt)
        try c.encode(heartbeatAt, forKey: .heartbeatAt)
        try c.encode(durationMs, forKey: .durationMs)
        try c.encode(validationStatus, forKey: .validationStatus)
        try c.encode(qualityScore, forKey: .qualityScore)
        try c.encode(gateCodesJSON, forKey: .gateCodesJSON)
        try c.encode(totalItems, forKey: .totalItems)
        try c.encode(scheduleId, forKey: .scheduleId)
        try c.encode(scheduleHash, forKey: .scheduleHash)
        try c.encode(errorCode, forKey: .errorCode)
        try c.encode(errorMessage, forKey: .errorMessage)
        try c.encode(fallbackRunId, forKey: .fallbackRunId)
        try c.encode(fallbackOfRunId, forKey: .fallbackOfRunId)
        try c.encode(shadowOfRunId, forKey: .shadowOfRunId)
        try c.encode(ownerPid, forKey: .ownerPid)
        try c.encode(ownerHost, forKey: .ownerHost)
    }

    /// The gate codes as a list.
    public var gateCodes: [String] {
        (try? JSONDecoder().decode([String].self, from: Data(gateCodesJSON.utf8))) ?? []
    }
}

/// One `run_phases` row.
public struct RunPhaseRecord: Sendable, Hashable, Codable {
    public var phase: String
    public var attempt: Int
    public var ordinal: Int
    public var startedAt: String
    public var finishedAt: String?
    public var status: String
    public var durationMs: Int?
    public var errorCode: String?
    public var errorMessage: String?

    enum CodingKeys: String, CodingKey {
        case phase, attempt, ordinal, startedAt = "started_at", finishedAt = "finished_at", status
        case durationMs = "duration_ms", errorCode = "error_code", errorMessage = "error_message"
    }

    /// Encodes every column, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(phase, forKey: .phase)
        try c.encode(attempt, forKey: .attempt)
        try c.encode(ordinal, forKey: .ordinal)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(finishedAt, forKey: .finishedAt)
        try c.encode(status, forKey: .status)
        try c.encode(durationMs, forKey: .durationMs)
        try c.encode(errorCode, forKey: .errorCode)
        try c.encode(errorMessage, forKey: .errorMessage)
    }
}

/// Filters of `runner runs list`; nil means no filter.
public struct RunFilter: Sendable, Hashable {
    public var pipeline: String?
    public var role: String?
    public var status: String?
    public var creatorId: String?
    /// Runs started at or after this timestamp text.
    public var since: String?
    public var limit: Int

    /// Creates a filter.
    public init(
        pipeline: String? = nil, role: String? = nil, status: String? = nil, creatorId: String? = nil,
        since: String? = nil, limit: Int = 50
    ) {
        self.pipeline = pipeline
        self.role = role
        self.status = status
        self.creatorId = creatorId
        self.since = since
        self.limit = limit
    }
}

extension Storage {
    private static let runColumns = """
        run_id, creator_id, week_start, pipeline, role, decision, decision_reason, rollout_phase, read_only,
        status, started_at, finished_at, heartbeat_at, duration_ms, validation_status, quality_score, gate_codes,
        total_items, schedule_id, schedule_hash, error_code, error_message, fallback_run_id, fallback_of_run_id,
        shadow_of_run_id, owner_pid, owner_host
        """

    /// Recorded runs, newest first.
    public func listRuns(_ filter: RunFilter) throws -> [RunRecord] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.runColumns) FROM runs
                    WHERE (? IS NULL OR pipeline = ?) AND (? IS NULL OR role = ?) AND (? IS NULL OR status = ?)
                      AND (? IS NULL OR creator_id = ?) AND (? IS NULL OR started_at >= ?)
                    ORDER BY started_at DESC, run_id DESC LIMIT ?
                    """,
                arguments: [
                    filter.pipeline, filter.pipeline, filter.role, filter.role, filter.status, filter.status,
                    filter.creatorId, filter.creatorId, filter.since, filter.since, max(1, filter.limit),
                ]
            ).map(Self.runRecord)
        }
    }

    /// One run, or nil.
    public func run(_ runId: String) throws -> RunRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.runColumns) FROM runs WHERE run_id = ?", arguments: [runId])
                .map(Self.runRecord)
        }
    }

    /// The attempt rows of the given runs, by run id, in (ordinal, attempt) order.
    public func phases(ofRuns runIds: [String]) throws -> [String: [RunPhaseRecord]] {
        guard !runIds.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: runIds.count).joined(separator: ", ")
        return try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT run_id, phase, attempt, ordinal, started_at, finished_at, status, duration_ms, error_code,
                      error_message FROM run_phases WHERE run_id IN (\(placeholders)) ORDER BY ordinal, attempt
                    """, arguments: StatementArguments(runIds))
            var result: [String: [RunPhaseRecord]] = [:]
            for row in rows {
                result[row["run_id"], default: []].append(
                    RunPhaseRecord(
                        phase: row["phase"], attempt: row["attempt"], ordinal: row["ordinal"],
                        startedAt: row["started_at"], finishedAt: row["finished_at"], status: row["status"],
                        durationMs: row["duration_ms"], errorCode: row["error_code"],
                        errorMessage: row["error_message"]))
            }
            return result
        }
    }

    private static func runRecord(_ row: Row) -> RunRecord {
        RunRecord(
            runId: row["run_id"], creatorId: row["creator_id"], weekStart: row["week_start"],
            pipeline: row["pipeline"], role: row["role"], decisionJSON: row["decision"],
            decisionReason: row["decision_reason"], rolloutPhase: row["rollout_phase"], readOnly: row["read_only"],
            status: row["status"], startedAt: row["started_at"], finishedAt: row["finished_at"],
            heartbeatAt: row["heartbeat_at"], durationMs: row["duration_ms"],
            validationStatus: row["validation_status"], qualityScore: row["quality_score"],
            gateCodesJSON: row["gate_codes"], totalItems: row["total_items"], scheduleId: row["schedule_id"],
            scheduleHash: row["schedule_hash"], errorCode: row["error_code"], errorMessage: row["error_message"],
            fallbackRunId: row["fallback_run_id"], fallbackOfRunId: row["fallback_of_run_id"],
            shadowOfRunId: row["shadow_of_run_id"], ownerPid: row["owner_pid"], ownerHost: row["owner_host"])
    }
}
