import Foundation
import GRDB

/// A finished run written directly, without executing a pipeline: the runs of `runner test
/// alerts`, of metric tests and of the status benchmark. Real runs are written by the engine.
public struct SyntheticRun: Sendable, Hashable {
    /// The run id (a UUID string).
    public var runId: String
    /// The pipeline.
    public var pipeline: String
    /// `primary`, `fallback`, `shadow` or `diagnostic`.
    public var role: String
    /// `succeeded`, `rejected`, `failed`, `abandoned`, `blocked` or `running`.
    public var status: String
    /// Start instant.
    public var startedAt: Date
    /// Finish instant; nil for a `running` run.
    public var finishedAt: Date?
    /// Quality score.
    public var qualityScore: Double?
    /// Validator gate codes.
    public var gateCodes: [String]
    /// Whether the run is read-only.
    public var readOnly: Bool
    /// The creator.
    public var creatorId: String
    /// The applied rollout phase.
    public var rolloutPhase: String?
    /// Whether this candidate primary run started a fallback (a linked fallback row is written).
    public var startedFallback: Bool

    /// Creates a synthetic run.
    public init(
        runId: String = UUID().uuidString.lowercased(), pipeline: String, role: String = "primary",
        status: String, startedAt: Date, finishedAt: Date?, qualityScore: Double? = nil, gateCodes: [String] = [],
        readOnly: Bool = false, creatorId: String = "synthetic", rolloutPhase: String? = nil,
        startedFallback: Bool = false
    ) {
        self.runId = runId
        self.pipeline = pipeline
        self.role = role
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.qualityScore = qualityScore
        self.gateCodes = gateCodes
        self.readOnly = readOnly
        self.creatorId = creatorId
        self.rolloutPhase = rolloutPhase
        self.startedFallback = startedFallback
    }
}

extension Storage {
    /// Inserts synthetic runs (and a per-phase row set when `phases` is given) in one transaction.
    /// A run with `startedFallback` gets a linked finished fallback row on `fallbackPipeline`.
    public func insertSyntheticRuns(
        _ runs: [SyntheticRun], phases: [String: [(phase: String, durationMs: Int64)]] = [:],
        fallbackPipeline: String = "v4"
    ) throws {
        try write { db in
            let configId = try Self.syntheticConfigId(db)
            var week = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0
            for run in runs {
                week += 1
                var parent: String?
                if run.role == "fallback" {
                    // A fallback row must name the candidate run it replaces; a read-only
                    // diagnostic stand-in keeps that parent out of every metric.
                    let stand = SyntheticRun(
                        runId: run.runId + "-of", pipeline: run.pipeline, role: "diagnostic", status: "failed",
                        startedAt: run.startedAt, finishedAt: run.startedAt, readOnly: true, creatorId: run.creatorId)
                    try Self.insert(db, stand, configId: configId, week: week)
                    parent = stand.runId
                }
                try Self.insert(db, run, configId: configId, week: week, fallbackOf: parent)
                if run.startedFallback, let finished = run.finishedAt {
                    var fallback = SyntheticRun(
                        pipeline: fallbackPipeline, role: "fallback", status: "succeeded", startedAt: finished,
                        finishedAt: finished, creatorId: run.creatorId)
                    fallback.runId = run.runId + "-fb"
                    try Self.insert(db, fallback, configId: configId, week: week, fallbackOf: run.runId)
                    try db.execute(
                        sql: "UPDATE runs SET fallback_run_id = ? WHERE run_id = ?", arguments: [fallback.runId, run.runId])
                }
                var offset: TimeInterval = 0
                for (ordinal, entry) in (phases[run.runId] ?? []).enumerated() {
                    let start = run.startedAt.addingTimeInterval(offset)
                    let end = start.addingTimeInterval(Double(entry.durationMs) / 1000)
                    offset += Double(entry.durationMs) / 1000
                    try db.execute(
                        sql: """
                            INSERT INTO run_phases (run_id, phase, attempt, ordinal, started_at, finished_at, status,
                              duration_ms)
                            VALUES (?, ?, 1, ?, ?, ?, 'succeeded', ?)
                            """,
                        arguments: [
                            run.runId, entry.phase, ordinal, Timestamp.string(start), Timestamp.string(end),
                            entry.durationMs,
                        ])
                }
            }
        }
    }

    /// Inserts one finished shadow comparison with the given recommendation (synthetic pair).
    public func insertSyntheticComparison(createdAt: Date, recommendation: String, pipelines: (String, String)) throws {
        let control = SyntheticRun(
            pipeline: pipelines.0, role: "primary", status: "succeeded", startedAt: createdAt, finishedAt: createdAt,
            creatorId: "synthetic-shadow")
        try insertSyntheticRuns([control])
        try write { db in
            let configId = try Self.syntheticConfigId(db)
            let candidate = SyntheticRun(
                pipeline: pipelines.1, role: "shadow", status: "succeeded", startedAt: createdAt, finishedAt: createdAt,
                readOnly: true, creatorId: "synthetic-shadow")
            try Self.insert(db, candidate, configId: configId, week: 0, shadowOf: control.runId)
            try db.execute(
                sql: """
                    INSERT INTO shadow_comparisons (created_at, creator_id, week_start, control_run_id, candidate_run_id,
                      tier, control_status, candidate_status, control_duration_ms, candidate_duration_ms, recommendation)
                    VALUES (?, 'synthetic-shadow', '2026-01-05', ?, ?, 'unknown', 'succeeded', 'succeeded', 0, 0, ?)
                    """,
                arguments: [Timestamp.string(createdAt), control.runId, candidate.runId, recommendation])
        }
    }

    private static func syntheticConfigId(_ db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM applied_configs WHERE status = 'accepted' ORDER BY id DESC LIMIT 1")
        {
            return id
        }
        try db.execute(
            sql: """
                INSERT INTO applied_configs (seen_at, config_hash, phase, flags, salt, status, reason, seen_by)
                VALUES ('2000-01-01T00:00:00.000Z', 'sha256:synthetic', NULL, '{}', '', 'accepted', 'synthetic', 'synthetic')
                """)
        return db.lastInsertedRowID
    }

    private static func insert(
        _ db: Database, _ run: SyntheticRun, configId: Int64, week: Int, fallbackOf: String? = nil,
        shadowOf: String? = nil
    ) throws {
        let codes = run.gateCodes.sorted()
        let codesJSON = ToolValue.array(codes.map { .string($0) }).canonicalJSON()
        let duration = run.finishedAt.map { Int64(($0.timeIntervalSince(run.startedAt) * 1000).rounded()) }
        let weekStart = Timestamp.dateString(Date(timeIntervalSince1970: 1_767_571_200 + Double(week % 100_000) * 604_800))
        let target = run.role == "shadow" ? "shadow" : "candidate"
        try db.execute(
            sql: """
                INSERT INTO runs (run_id, creator_id, week_start, pipeline, role, decision, decision_target,
                  decision_reason, rollout_phase, applied_config_id, read_only, status, started_at, finished_at,
                  heartbeat_at, duration_ms, quality_score, gate_codes, hard_gate_violation, fallback_of_run_id,
                  shadow_of_run_id, owner_pid, owner_host, runner_version)
                VALUES (?, ?, ?, ?, ?, '{}', ?, 'default', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'synthetic', 'synthetic')
                """,
            arguments: [
                run.runId, run.creatorId, weekStart, run.pipeline, run.role, target, run.rolloutPhase, configId,
                run.readOnly || run.role == "shadow" || run.role == "diagnostic" ? 1 : 0, run.status,
                Timestamp.string(run.startedAt), run.finishedAt.map(Timestamp.string),
                Timestamp.string(run.finishedAt ?? run.startedAt), duration, run.qualityScore, codesJSON,
                MetricsCalculator.isHardGateViolation(codes) ? 1 : 0, fallbackOf, shadowOf,
            ])
    }
}
