import Foundation
import GRDB

@testable import RunnerKit

/// Builds operations state for the rollback and rollout tests: runs, comparisons, clocks and the
/// shipped configuration.
struct OpsFixture {
    let dir = TempDirectory()
    let storage: Storage
    /// T0 of the storage fixture (2026-01-05T12:00:00Z, also the migration's epoch).
    static let t0 = Timestamp.parse("2026-01-05T12:00:00Z")!

    /// A sample database (40 creators) in a fresh temp directory.
    init() throws {
        storage = try StorageFixture.sampleDatabase(dir)
        // The migration stamps the epoch with a clock that advanced in real time since T0; pin
        // it to T0 so runs started at T0 + 1 s count however slowly the database was created.
        try storage.write { db in
            try db.execute(
                sql: "UPDATE rollback_state SET epoch_started_at = ? WHERE id = 1", arguments: [Self.at(0)])
        }
    }

    /// A clock reading T0 + `seconds`.
    static func clock(_ seconds: TimeInterval) -> RunnerClock {
        RunnerClock(startingAt: t0.addingTimeInterval(seconds))
    }

    /// T0 + `seconds` as stored text.
    static func at(_ seconds: TimeInterval) -> String { Timestamp.string(t0.addingTimeInterval(seconds)) }

    /// The shipped `pipelines/` and `alerts/` of the repository.
    static func shippedConfig(environment: [String: String] = [:]) throws -> LoadedConfig {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try ConfigLoader.load(root: root, environment: environment)
    }

    /// Configuration loaded from the given files' text.
    static func config(_ files: [String: String]) -> LoadedConfig {
        ConfigLoader.load(sources: files.map { ConfigSource(path: $0.key, text: $0.value) }, environment: [:])
    }

    /// A controller for the candidate `v5` with `policy`, at T0 + `seconds`.
    func controller(
        _ seconds: TimeInterval, settings: RollbackSettings, poll: Duration = .milliseconds(20)
    ) -> RollbackController {
        RollbackController(storage: storage, settings: settings, clock: Self.clock(seconds), pollInterval: poll)
    }

    /// An applied_configs id to hang runs on (runs need one).
    func configId(phase: String = "canary") throws -> Int64 {
        try storage.rolloutTransaction { db in
            if let row = try db.latestAcceptedConfig() { return row.id }
            return try db.insertAppliedConfig(
                RolloutRoutingConfig(phase: phase, enabled: true, creators: ["alexia"]), status: .accepted,
                reason: "test", seenAt: Self.at(0), seenBy: "test"
            ).id
        }
    }

    /// Inserts one run. `finished` nil leaves it running (heartbeat at `heartbeat`).
    @discardableResult
    func run(
        pipeline: String = "v5", role: String = "primary", status: String = "succeeded", started: TimeInterval,
        finished: TimeInterval? = nil, durationMs: Int64 = 60_000, quality: Double? = 88, gates: [String] = [],
        phase: String? = "canary", readOnly: Bool = false, heartbeat: TimeInterval? = nil,
        pid: Int = Int(ProcessInfo.processInfo.processIdentifier), host: String = DatabaseOpener.hostName(),
        creator: String? = nil
    ) throws -> String {
        let id = UUID().uuidString.lowercased()
        let config = try configId()
        let running = finished == nil
        let hard = gates.contains { ["VAULT_VIOLATION", "AVOID_TIER_VIOLATION", "TIMING_COLLISION"].contains($0) }
        let creatorId = creator ?? "cr_" + id.prefix(12)
        try storage.write { db in
            try db.execute(
                sql: """
                    INSERT INTO runs (run_id, creator_id, week_start, pipeline, role, decision, decision_target,
                      decision_reason, rollout_phase, applied_config_id, read_only, status, started_at, finished_at,
                      heartbeat_at, duration_ms, quality_score, gate_codes, hard_gate_violation, owner_pid, owner_host,
                      runner_version, shadow_of_run_id, error_message)
                    VALUES (?, ?, '2026-01-12', ?, ?, '{}', 'candidate', 'allowlisted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                      ?, ?, 'test', NULL, ?)
                    """,
                arguments: [
                    id, creatorId, pipeline, role, phase, config, readOnly || role == "diagnostic" ? 1 : 0,
                    running ? "running" : status, Self.at(started), finished.map(Self.at),
                    Self.at(heartbeat ?? started), running ? nil : durationMs, quality,
                    "[" + gates.map { "\"\($0)\"" }.joined(separator: ",") + "]", hard ? 1 : 0, pid, host,
                    gates.isEmpty ? nil : "rejected: content_type lingerie " + gates.joined(separator: " "),
                ])
        }
        return id
    }

    /// Inserts one shadow comparison (with its two runs) created at T0 + `created`.
    func comparison(
        created: TimeInterval, recommendation: String, qualityDiff: Double?, phase: String = "shadow",
        tier: String = "STANDARD", controlMs: Int64 = 60_000, candidateMs: Int64 = 50_000,
        candidateGates: [String] = []
    ) throws {
        let control = try run(pipeline: "v4", started: created - 60, finished: created, phase: phase)
        let candidate = try run(pipeline: "v5", role: "primary", started: created - 60, finished: created, phase: phase, readOnly: true)
        try storage.write { db in
            try db.execute(
                sql: """
                    INSERT INTO shadow_comparisons (created_at, creator_id, week_start, control_run_id, candidate_run_id,
                      rollout_phase, tier, control_status, candidate_status, control_duration_ms, candidate_duration_ms,
                      control_quality, candidate_quality, quality_diff, items_match, category_diffs, send_type_overlap,
                      control_gate_codes, candidate_gate_codes, recommendation)
                    VALUES (?, 'cr_x', '2026-01-12', ?, ?, ?, ?, 'succeeded', ?, ?, ?, 80, ?, ?, 1, '{"revenue":1}', 0.5,
                      '[]', ?, ?)
                    """,
                arguments: [
                    Self.at(created), control, candidate, phase, tier,
                    recommendation == "v5_failed" ? "failed" : "succeeded", controlMs, candidateMs,
                    qualityDiff.map { 80 + $0 }, qualityDiff,
                    "[" + candidateGates.map { "\"\($0)\"" }.joined(separator: ",") + "]", recommendation,
                ])
        }
    }

    /// Number of rows of a table.
    func count(_ table: String) throws -> Int {
        try storage.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    /// The current rollback row.
    func state() throws -> RollbackStateRecord { try storage.rolloutSnapshot { try $0.rollbackState() } }
}

/// Settings with the shipped policy's shape but explicit values, for controller tests.
enum PolicyFixture {
    static let rollbackYAML = """
        version: 1
        kind: rollback
        pipeline: v5
        automatic: true
        drain_timeout: 1s
        cooldown: 1h
        restore_token: RESTORE_V5_CONFIRMED
        min_samples: 10
        triggers:
          - { name: success_rate_low,    metric: success_rate,   below: 0.85, window: 10 runs, for: 5m }
          - { name: hard_gate_rate_high, metric: hard_gate_rate, above: 0.10, window: 10 runs }
        """

    /// Settings from the YAML above (or another rollback file text).
    static func settings(_ yaml: String = rollbackYAML) -> RollbackSettings {
        RollbackSettings(config: OpsFixture.config(["alerts/rollback.yaml": yaml]))
    }
}
