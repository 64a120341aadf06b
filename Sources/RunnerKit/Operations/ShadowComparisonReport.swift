/// A written shadow comparison as `runner execute --format json` shows it (`shadow_comparison`):
/// every field of operations.md §5.3, snake_case, absent values null.
public struct ShadowComparisonReport: Sendable, Hashable, Encodable {
    /// The row id in `shadow_comparisons` (nil when writing it failed).
    public var comparisonId: Int64?
    /// The comparison.
    public var comparison: ShadowComparison

    /// Wraps a comparison and its row id.
    public init(comparisonId: Int64?, comparison: ShadowComparison) {
        self.comparisonId = comparisonId
        self.comparison = comparison
    }

    private enum CodingKeys: String, CodingKey {
        case comparisonId = "comparison_id", createdAt = "created_at", creatorId = "creator_id"
        case weekStart = "week_start", controlRunId = "control_run_id", candidateRunId = "candidate_run_id"
        case rolloutPhase = "rollout_phase", tier, controlStatus = "control_status"
        case candidateStatus = "candidate_status", controlDurationMs = "control_duration_ms"
        case candidateDurationMs = "candidate_duration_ms", controlQuality = "control_quality"
        case candidateQuality = "candidate_quality", qualityDiff = "quality_diff", controlItems = "control_items"
        case candidateItems = "candidate_items", itemsMatch = "items_match", categoryDiffs = "category_diffs"
        case sendTypeOverlap = "send_type_overlap", controlGateCodes = "control_gate_codes"
        case candidateGateCodes = "candidate_gate_codes", candidateTimedOut = "candidate_timed_out"
        case candidateErrorCode = "candidate_error_code", controlScheduleHash = "control_schedule_hash"
        case candidateScheduleHash = "candidate_schedule_hash", recommendation
    }

    /// Encodes every key, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        let c = comparison
        var out = encoder.container(keyedBy: CodingKeys.self)
        try out.encode(comparisonId, forKey: .comparisonId)
        try out.encode(c.createdAt, forKey: .createdAt)
        try out.encode(c.creatorId, forKey: .creatorId)
        try out.encode(c.weekStart, forKey: .weekStart)
        try out.encode(c.control.runId, forKey: .controlRunId)
        try out.encode(c.candidate.runId, forKey: .candidateRunId)
        try out.encode(c.rolloutPhase, forKey: .rolloutPhase)
        try out.encode(c.tier, forKey: .tier)
        try out.encode(c.control.status, forKey: .controlStatus)
        try out.encode(c.candidate.status, forKey: .candidateStatus)
        try out.encode(c.control.durationMs, forKey: .controlDurationMs)
        try out.encode(c.candidate.durationMs, forKey: .candidateDurationMs)
        try out.encode(c.control.quality, forKey: .controlQuality)
        try out.encode(c.candidate.quality, forKey: .candidateQuality)
        try out.encode(c.qualityDiff, forKey: .qualityDiff)
        try out.encode(c.controlItems, forKey: .controlItems)
        try out.encode(c.candidateItems, forKey: .candidateItems)
        try out.encode(c.itemsMatch, forKey: .itemsMatch)
        try out.encode(c.categoryDiffs, forKey: .categoryDiffs)
        try out.encode(c.sendTypeOverlap, forKey: .sendTypeOverlap)
        try out.encode(c.control.gateCodes, forKey: .controlGateCodes)
        try out.encode(c.candidate.gateCodes, forKey: .candidateGateCodes)
        try out.encode(c.candidateTimedOut, forKey: .candidateTimedOut)
        try out.encode(c.candidateErrorCode, forKey: .candidateErrorCode)
        try out.encode(c.control.scheduleHash, forKey: .controlScheduleHash)
        try out.encode(c.candidate.scheduleHash, forKey: .candidateScheduleHash)
        try out.encode(c.recommendation, forKey: .recommendation)
    }
}
