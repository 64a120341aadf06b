/// One `runs` row (data-model.md §3.1), with JSON columns decoded.
public struct RunRecord: Codable, Sendable, Equatable {
    public var run_id: String
    public var creator_id: String
    public var week_start: String
    public var pipeline: String
    public var role: String
    public var decision: ToolValue
    public var decision_target: String
    public var decision_reason: String
    @Nullable public var rollout_phase: String?
    public var applied_config_id: Int
    public var read_only: Bool
    public var status: String
    public var started_at: String
    @Nullable public var finished_at: String?
    @Nullable public var heartbeat_at: String?
    @Nullable public var duration_ms: Int?
    @Nullable public var validation_status: String?
    @Nullable public var quality_score: Double?
    public var gate_codes: [String]
    public var hard_gate_violation: Bool
    @Nullable public var total_items: Int?
    @Nullable public var schedule_id: Int?
    @Nullable public var schedule_hash: String?
    public var signals_count: Int
    public var learning_ids: [String]
    @Nullable public var learnings_version: String?
    @Nullable public var learnings_sha256: String?
    @Nullable public var error_code: String?
    @Nullable public var error_message: String?
    @Nullable public var fallback_run_id: String?
    @Nullable public var fallback_of_run_id: String?
    @Nullable public var shadow_of_run_id: String?
    @Nullable public var owner_pid: Int?
    public var owner_host: String
    public var runner_version: String
}

/// One `run_phases` row (data-model.md §3.2).
public struct PhaseRecord: Codable, Sendable, Equatable {
    public var run_id: String
    public var phase: String
    public var attempt: Int
    public var ordinal: Int
    public var started_at: String
    @Nullable public var finished_at: String?
    public var status: String
    @Nullable public var duration_ms: Int?
    @Nullable public var error_code: String?
    @Nullable public var error_message: String?
    public var data_calls: Int
}

/// What starting a run records.
public struct NewRun: Sendable {
    public var runID: String
    public var creatorID: String
    public var weekStart: String
    public var pipeline: String
    public var role: String
    public var decision: ToolValue
    public var decisionTarget: String
    public var decisionReason: String
    public var rolloutPhase: String?
    public var appliedConfigID: Int
    public var readOnly: Bool
    public var fallbackOfRunID: String?
    public var shadowOfRunID: String?
    public var ownerPID: Int
    public var ownerHost: String
    public var runnerVersion: String
    public var learningIDs: [String] = []
    public var learningsVersion: String?
    public var learningsSHA256: String?

    /// A run with the required fields; optional links default to nil.
    public init(
        runID: String, creatorID: String, weekStart: String, pipeline: String, role: String, decision: ToolValue,
        decisionTarget: String, decisionReason: String, rolloutPhase: String? = nil, appliedConfigID: Int, readOnly: Bool,
        fallbackOfRunID: String? = nil, shadowOfRunID: String? = nil, ownerPID: Int, ownerHost: String, runnerVersion: String
    ) {
        self.runID = runID
        self.creatorID = creatorID
        self.weekStart = weekStart
        self.pipeline = pipeline
        self.role = role
        self.decision = decision
        self.decisionTarget = decisionTarget
        self.decisionReason = decisionReason
        self.rolloutPhase = rolloutPhase
        self.appliedConfigID = appliedConfigID
        self.readOnly = readOnly
        self.fallbackOfRunID = fallbackOfRunID
        self.shadowOfRunID = shadowOfRunID
        self.ownerPID = ownerPID
        self.ownerHost = ownerHost
        self.runnerVersion = runnerVersion
    }
}

/// How a run ended.
public struct RunOutcome: Sendable {
    public var status: String
    public var validationStatus: String?
    public var qualityScore: Double?
    public var gateCodes: [String] = []
    public var totalItems: Int?
    public var scheduleID: Int?
    public var scheduleHash: String?
    public var signalsCount = 0
    public var errorCode: String?
    public var errorMessage: String?
    public var fallbackRunID: String?

    /// An outcome with a terminal status (succeeded, rejected, failed, blocked).
    public init(status: String) { self.status = status }
}

/// Run-record failures: RUN_IN_PROGRESS (exit 2) and updates of a run that is no longer running.
public enum RunRecordError: RunnerError, Equatable {
    case runInProgress(creatorID: String, weekStart: String, runID: String)
    case notRunning(runID: String)

    public var code: String {
        switch self {
        case .runInProgress: "RUN_IN_PROGRESS"
        case .notRunning: "RUN_NOT_RUNNING"
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .runInProgress: .badInput
        case .notRunning: .negative
        }
    }

    public var description: String {
        switch self {
        case .runInProgress(let creator, let week, let id): "A run for \(creator) week \(week) is already running: \(id)"
        case .notRunning(let id): "Run \(id) is not running; its terminal status is final"
        }
    }
}
