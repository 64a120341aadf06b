import Foundation
import GRDB

extension Storage {
    /// Inserts the comparison of a shadow pair (data-model.md §3.3); returns its comparison_id.
    /// Allowed in read-only mode: `shadow_comparisons` is an operational table (operations.md §5.2).
    @discardableResult
    public func insertShadowComparison(_ c: ShadowComparison) throws -> Int64 {
        func json(_ value: some Encodable) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        }
        return try writeRunRecords { db in
            try db.executeCached(
                sql: """
                    INSERT INTO shadow_comparisons (created_at, creator_id, week_start, control_run_id,
                      candidate_run_id, rollout_phase, tier, control_status, candidate_status, control_duration_ms,
                      candidate_duration_ms, control_quality, candidate_quality, quality_diff, control_items,
                      candidate_items, items_match, category_diffs, send_type_overlap, control_gate_codes,
                      candidate_gate_codes, candidate_timed_out, candidate_error_code, control_schedule_hash,
                      candidate_schedule_hash, recommendation)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    c.createdAt, c.creatorId, c.weekStart, c.control.runId, c.candidate.runId, c.rolloutPhase, c.tier,
                    c.control.status.rawValue, c.candidate.status.rawValue, c.control.durationMs,
                    c.candidate.durationMs, c.control.quality, c.candidate.quality, c.qualityDiff, c.controlItems,
                    c.candidateItems, c.itemsMatch, c.categoryDiffs.map(json), c.sendTypeOverlap,
                    json(c.control.gateCodes), json(c.candidate.gateCodes), c.candidateTimedOut,
                    c.candidateErrorCode, c.control.scheduleHash, c.candidate.scheduleHash,
                    c.recommendation.rawValue,
                ])
            return db.lastInsertedRowID
        }
    }
}
