/// The result of one `runner execute` run: cli.md's `execute` JSON shape.
public struct RunReport: Sendable, Encodable {
    public var runId: String
    public var creatorId: String
    public var weekStart: String
    public var pipeline: String
    public var role: ExecutionRole
    public var decision: RoutingDecision
    public var status: RunStatus
    public var validationStatus: String?
    public var qualityScore: Double?
    public var totalItems: Int?
    public var scheduleId: Int64?
    public var scheduleHash: String?
    public var durationMs: Int
    public var phases: [PhaseReport]
    public var violations: [ViolationReport]
    public var fallbackRunId: String?
    public var errors: [RunErrorReport]
    /// Things the caller should tell the user (shadow executed as control only, abandoned runs).
    public var notices: [String]
    /// The page name, for text output.
    public var pageName: String
    /// The comparison written for a shadow pair (operations.md §5.3), on the control's report.
    public var shadowComparison: ShadowComparisonReport? = nil

    private enum CodingKeys: String, CodingKey {
        case runId = "run_id", creatorId = "creator_id", weekStart = "week_start", pipeline, role, decision, status
        case validationStatus = "validation_status", qualityScore = "quality_score", totalItems = "total_items"
        case scheduleId = "schedule_id", scheduleHash = "schedule_hash", durationMs = "duration_ms", phases
        case violations, fallbackRunId = "fallback_run_id", shadowComparison = "shadow_comparison", errors
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(runId, forKey: .runId)
        try c.encode(creatorId, forKey: .creatorId)
        try c.encode(weekStart, forKey: .weekStart)
        try c.encode(pipeline, forKey: .pipeline)
        try c.encode(role, forKey: .role)
        try c.encode(decision, forKey: .decision)
        try c.encode(status, forKey: .status)
        try c.encode(validationStatus, forKey: .validationStatus)
        try c.encode(qualityScore, forKey: .qualityScore)
        try c.encode(totalItems, forKey: .totalItems)
        try c.encode(scheduleId, forKey: .scheduleId)
        try c.encode(scheduleHash, forKey: .scheduleHash)
        try c.encode(durationMs, forKey: .durationMs)
        try c.encode(phases, forKey: .phases)
        try c.encode(violations, forKey: .violations)
        try c.encode(fallbackRunId, forKey: .fallbackRunId)
        try c.encode(shadowComparison, forKey: .shadowComparison)
        try c.encode(errors, forKey: .errors)
    }

    /// Whether the served result is negative (exit 1): failed or rejected. Blocked is the
    /// creator's data, reported separately, and also ends non-zero for a single run.
    public var isNegative: Bool { status != .succeeded }
}

/// One phase in `execute` output: status, attempt count, total duration, last error.
public struct PhaseReport: Sendable, Encodable, Hashable {
    public var id: String
    public var status: PhaseStatus
    public var attempts: Int
    public var durationMs: Int
    public var error: RunErrorReport?

    private enum CodingKeys: String, CodingKey {
        case id, status, attempts, durationMs = "duration_ms", error
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(status, forKey: .status)
        try c.encode(attempts, forKey: .attempts)
        try c.encode(durationMs, forKey: .durationMs)
        try c.encode(error, forKey: .error)
    }
}

/// An error in `execute` output.
public struct RunErrorReport: Sendable, Encodable, Hashable {
    /// The operations.md §1.3 code.
    public var code: String
    /// What broke.
    public var message: String
    /// The phase it happened in, if any.
    public var phase: String?

    private enum CodingKeys: String, CodingKey { case code, message, phase }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message)
        try c.encode(phase, forKey: .phase)
    }
}
