/// One side of a shadow pair as the comparison sees it (operations.md §5.3).
public struct ShadowSide: Sendable, Hashable {
    /// The run id.
    public var runId: String
    /// The run's final status.
    public var status: RunStatus
    /// Wall-clock duration, failures included.
    public var durationMs: Int
    /// The validator's quality score; nil without a verdict.
    public var quality: Double?
    /// The validator's structured codes, sorted.
    public var gateCodes: [String]
    /// The run's error code, if it failed.
    public var errorCode: String?
    /// The schedule hash from the save step (real or dry run).
    public var scheduleHash: String?
    /// The send-type key of every entry (items, then follow-ups); nil when it produced no schedule.
    public var entryKeys: [String]?

    /// Creates a side.
    public init(
        runId: String, status: RunStatus, durationMs: Int, quality: Double? = nil, gateCodes: [String] = [],
        errorCode: String? = nil, scheduleHash: String? = nil, entryKeys: [String]? = nil
    ) {
        self.runId = runId
        self.status = status
        self.durationMs = durationMs
        self.quality = quality
        self.gateCodes = gateCodes.sorted()
        self.errorCode = errorCode
        self.scheduleHash = scheduleHash
        self.entryKeys = entryKeys
    }

    /// Whether the run ended failed, rejected, abandoned or blocked (§5.4 rules 1 and 2).
    var didNotSucceed: Bool { [.failed, .rejected, .abandoned, .blocked].contains(status) }
}

/// The recommendation of one shadow pair (operations.md §5.4).
public enum ShadowRecommendation: String, Sendable, Hashable, Codable, CaseIterable {
    case controlFailed = "control_failed"
    case v5Failed = "v5_failed"
    case v5Better = "v5_better"
    case v4Better = "v4_better"
    case equivalent
}

/// The comparison of a shadow pair: every field of operations.md §5.3, computed from both sides.
public struct ShadowComparison: Sendable, Hashable {
    /// `created_at`, `creator_id`, `week_start`, `rollout_phase`.
    public var createdAt: String
    public var creatorId: String
    public var weekStart: String
    public var rolloutPhase: String?
    /// The control run's volume tier, or `unknown`.
    public var tier: String
    public var control: ShadowSide
    public var candidate: ShadowSide
    /// candidate − control; nil when either side failed or has no verdict.
    public var qualityDiff: Double?
    /// Items plus follow-ups; nil when a side produced no schedule.
    public var controlItems: Int?
    public var candidateItems: Int?
    /// |candidate − control| ≤ 10 % of control (0 control items: only 0 matches); nil without both schedules.
    public var itemsMatch: Bool?
    /// candidate − control per category (follow-ups count as retention); nil without both schedules.
    public var categoryDiffs: [String: Int]?
    /// Jaccard index of the distinct send-type keys; 1.0 when both are empty; nil without both schedules.
    public var sendTypeOverlap: Double?
    /// True when the candidate was cancelled at its deadline.
    public var candidateTimedOut: Bool
    /// The candidate's error code.
    public var candidateErrorCode: String?
    /// §5.4, first match wins.
    public var recommendation: ShadowRecommendation

    /// Compares two finished runs.
    public init(
        createdAt: String, creatorId: String, weekStart: String, rolloutPhase: String?, tier: String?,
        control: ShadowSide, candidate: ShadowSide, category: (String) -> String?
    ) {
        self.createdAt = createdAt
        self.creatorId = creatorId
        self.weekStart = weekStart
        self.rolloutPhase = rolloutPhase
        self.tier = tier ?? "unknown"
        self.control = control
        self.candidate = candidate
        let failed: Set<RunStatus> = [.failed, .abandoned, .blocked]
        if let c = candidate.quality, let k = control.quality, !failed.contains(control.status),
            !failed.contains(candidate.status)
        {
            qualityDiff = c - k
        }
        controlItems = control.entryKeys?.count
        candidateItems = candidate.entryKeys?.count
        if let controlKeys = control.entryKeys, let candidateKeys = candidate.entryKeys {
            let k = controlKeys.count
            let c = candidateKeys.count
            itemsMatch = k == 0 ? c == 0 : Double(abs(c - k)) <= 0.1 * Double(k)
            var diffs = ["revenue": 0, "engagement": 0, "retention": 0]
            for key in candidateKeys { if let name = category(key) { diffs[name, default: 0] += 1 } }
            for key in controlKeys { if let name = category(key) { diffs[name, default: 0] -= 1 } }
            categoryDiffs = diffs
            let a = Set(controlKeys)
            let b = Set(candidateKeys)
            let union = a.union(b)
            sendTypeOverlap = union.isEmpty ? 1.0 : Double(a.intersection(b).count) / Double(union.count)
        }
        candidateTimedOut = [RunErrorCode.shadowDeadlineExceeded.rawValue, RunErrorCode.deadlineExceeded.rawValue]
            .contains(candidate.errorCode ?? "")
        candidateErrorCode = candidate.errorCode
        recommendation = Self.recommend(
            control: control, candidate: candidate, timedOut: candidateTimedOut, qualityDiff: qualityDiff,
            itemsMatch: itemsMatch)
    }

    /// §5.4, first match wins.
    static func recommend(
        control: ShadowSide, candidate: ShadowSide, timedOut: Bool, qualityDiff: Double?, itemsMatch: Bool?
    ) -> ShadowRecommendation {
        if control.didNotSucceed { return .controlFailed }
        if candidate.didNotSucceed || timedOut { return .v5Failed }
        if let diff = qualityDiff, diff >= 5, itemsMatch == true { return .v5Better }
        if let diff = qualityDiff, diff <= -5 { return .v4Better }
        return .equivalent
    }
}
