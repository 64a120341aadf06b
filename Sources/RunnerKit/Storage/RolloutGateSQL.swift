import Foundation
import GRDB

/// What the rollout gates measure in one phase (operations.md §9.3), read from covering indexes.
public struct RolloutPhaseMeasures: Sendable, Hashable {
    /// Finished candidate primary runs of the phase (blocked runs excluded).
    public var finishedRuns: Int
    /// Of those, succeeded.
    public var succeededRuns: Int
    /// Shadow comparisons of the phase that are not `control_failed`.
    public var evaluatedComparisons: Int
    /// Of those, `v5_failed`.
    public var failedComparisons: Int
    /// Mean quality diff over evaluated comparisons whose candidate did not fail (nil: none).
    public var averageQualityDiff: Double?

    /// Creates measures.
    public init(
        finishedRuns: Int = 0, succeededRuns: Int = 0, evaluatedComparisons: Int = 0, failedComparisons: Int = 0,
        averageQualityDiff: Double? = nil
    ) {
        self.finishedRuns = finishedRuns
        self.succeededRuns = succeededRuns
        self.evaluatedComparisons = evaluatedComparisons
        self.failedComparisons = failedComparisons
        self.averageQualityDiff = averageQualityDiff
    }
}

extension RolloutConnection {
    /// The run gates' aggregate, answered from the covering index runs_rollout_gate (§3.9).
    static let phaseRunsSQL = """
        SELECT count(*) AS finished, coalesce(sum(status = 'succeeded'), 0) AS succeeded FROM runs
        WHERE pipeline = ? AND rollout_phase = ? AND role = 'primary' AND started_at >= ?
          AND read_only = 0 AND finished_at IS NOT NULL AND status <> 'blocked'
        """

    /// The shadow gates' aggregate, answered from the covering index shadow_comparisons_report.
    static let phaseComparisonsSQL = """
        SELECT coalesce(sum(recommendation <> 'control_failed'), 0) AS evaluated,
          coalesce(sum(recommendation = 'v5_failed'), 0) AS failed,
          avg(CASE WHEN recommendation NOT IN ('control_failed', 'v5_failed') THEN quality_diff END) AS diff
        FROM shadow_comparisons WHERE created_at >= ? AND rollout_phase = ?
        """

    /// Aggregates for the gates of `phase`: candidate runs that are not read-only, recorded in this
    /// phase and started at or after `since` (the later of phase entry and last restore), and the
    /// phase's comparisons created since then.
    public func phaseMeasures(candidate: String, phase: String, since: String) throws -> RolloutPhaseMeasures {
        let runs = try Row.fetchOne(db, sql: Self.phaseRunsSQL, arguments: [candidate, phase, since])
        let comparisons = try Row.fetchOne(db, sql: Self.phaseComparisonsSQL, arguments: [since, phase])
        return RolloutPhaseMeasures(
            finishedRuns: runs?["finished"] ?? 0, succeededRuns: runs?["succeeded"] ?? 0,
            evaluatedComparisons: comparisons?["evaluated"] ?? 0, failedComparisons: comparisons?["failed"] ?? 0,
            averageQualityDiff: comparisons?["diff"])
    }
}
