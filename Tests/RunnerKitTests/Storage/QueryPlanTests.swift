import Foundation
import GRDB
import Testing

@testable import RunnerKit

/// data-model.md §3.9: the monitoring queries are answered from a covering index, without a
/// temporary sort. The queries below are the shapes the operations code is expected to issue.
@Suite("Monitoring query plans")
struct QueryPlanTests {
    static let queries: [(String, String)] = [
        ("runs_pipeline_finished", """
            SELECT status, quality_score, hard_gate_violation, duration_ms, rollout_phase, fallback_run_id, finished_at, run_id
            FROM runs WHERE pipeline = 'v5' AND finished_at IS NOT NULL AND read_only = 0 AND role IN ('primary', 'fallback')
              AND started_at >= '2026-01-01T00:00:00.000Z'
            ORDER BY finished_at DESC, run_id DESC LIMIT 20
            """),
        ("runs_rollout_gate", """
            SELECT count(*), sum(status = 'succeeded') FROM runs
            WHERE pipeline = 'v5' AND rollout_phase = 'canary' AND role = 'primary' AND started_at >= '2026-01-01T00:00:00.000Z'
              AND read_only = 0 AND finished_at IS NOT NULL
            """),
        ("runs_finished", """
            SELECT finished_at, run_id, pipeline, role, read_only, started_at, status, quality_score, hard_gate_violation, duration_ms
            FROM runs WHERE finished_at >= '2026-01-01T00:00:00.000Z' ORDER BY finished_at, run_id
            """),
        ("shadow_comparisons_report", """
            SELECT recommendation, candidate_status, quality_diff, control_duration_ms, candidate_duration_ms, items_match,
              send_type_overlap FROM shadow_comparisons WHERE created_at >= '2026-01-01T00:00:00.000Z' AND rollout_phase = 'shadow'
            """),
    ]

    @Test("each monitoring query uses its covering index and no temporary sort", arguments: queries.map(\.0))
    func coveringIndex(index: String) throws {
        let dir = TempDirectory()
        let storage = try Storage.open(path: dir.path("plan.db"), create: true, clock: StorageFixture.clock)
        let sql = Self.queries.first { $0.0 == index }!.1
        let plan = try storage.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: " / ")
        }
        #expect(plan.contains("USING COVERING INDEX \(index)"), "\(plan)")
        #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
    }
}
