import Foundation

/// Why a run exists (`runs.role`).
public enum ExecutionRole: String, Sendable, Codable, Hashable, CaseIterable {
    case primary, fallback, shadow, diagnostic

    /// Primary and fallback runs are served; at most one runs per creator-week.
    public var isServed: Bool { self == .primary || self == .fallback }
}

/// A run's status (`runs.status`); every status but `running` is final.
public enum RunStatus: String, Sendable, Codable, Hashable, CaseIterable {
    case running, succeeded, rejected, failed, abandoned, blocked
}

/// A run row to insert with status `running` inside the routing transaction.
public struct RunStart: Sendable, Hashable {
    public var runId: String
    public var creatorId: String
    public var weekStart: String
    public var pipeline: String
    public var role: ExecutionRole
    /// The decision JSON (cli.md's `decision` object).
    public var decisionJSON: String
    public var decisionTarget: String
    public var decisionReason: String
    public var rolloutPhase: String?
    public var appliedConfigId: Int64
    public var readOnly: Bool
    public var fallbackOfRunId: String?
    public var shadowOfRunId: String?

    /// Creates a row description.
    public init(
        runId: String, creatorId: String, weekStart: String, pipeline: String, role: ExecutionRole, decisionJSON: String,
        decisionTarget: String, decisionReason: String, rolloutPhase: String?, appliedConfigId: Int64,
        readOnly: Bool, fallbackOfRunId: String? = nil, shadowOfRunId: String? = nil
    ) {
        self.runId = runId
        self.creatorId = creatorId
        self.weekStart = weekStart
        self.pipeline = pipeline
        self.role = role
        self.decisionJSON = decisionJSON
        self.decisionTarget = decisionTarget
        self.decisionReason = decisionReason
        self.rolloutPhase = rolloutPhase
        self.appliedConfigId = appliedConfigId
        self.readOnly = readOnly
        self.fallbackOfRunId = fallbackOfRunId
        self.shadowOfRunId = shadowOfRunId
    }
}

/// How a run ended, written by `finishRun` (conditional on the row still running).
public struct RunFinish: Sendable, Hashable {
    public var status: RunStatus
    public var validationStatus: String?
    public var qualityScore: Double?
    public var gateCodes: [String]
    public var hardGateViolation: Bool
    public var totalItems: Int?
    public var scheduleId: Int64?
    public var scheduleHash: String?
    public var errorCode: String?
    public var errorMessage: String?
    /// The run's learning selection (learnings.md §9): ids in order, file Version and SHA-256.
    public var learnings = RunLearningsRecord()
    /// Signals to record inside the finishing transaction (empty for read-only runs).
    public var signals: [SignalObservation] = []
    /// `runs.signals_count`: signals captured (recorded, or withheld when read-only).
    public var signalsCount = 0

    /// Creates a finish record.
    public init(
        status: RunStatus, validationStatus: String? = nil, qualityScore: Double? = nil, gateCodes: [String] = [],
        hardGateViolation: Bool = false, totalItems: Int? = nil, scheduleId: Int64? = nil,
        scheduleHash: String? = nil, errorCode: String? = nil, errorMessage: String? = nil
    ) {
        self.status = status
        self.validationStatus = validationStatus
        self.qualityScore = qualityScore
        self.gateCodes = gateCodes.sorted()
        self.hardGateViolation = hardGateViolation
        self.totalItems = totalItems
        self.scheduleId = scheduleId
        self.scheduleHash = scheduleHash
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }
}

/// The process that owns the runs it starts (abandonment rule, data-model.md §3.1).
public struct RunOwner: Sendable, Hashable {
    /// Process id.
    public var pid: Int32
    /// Host name.
    public var host: String
    /// Recorded in `runs.runner_version`.
    public var runnerVersion: String

    /// Creates an owner.
    public init(pid: Int32, host: String, runnerVersion: String) {
        self.pid = pid
        self.host = host
        self.runnerVersion = runnerVersion
    }

    /// The actor string of audit rows: `runner@<host>:<pid>`.
    public var actor: String { "runner@\(host):\(pid)" }
}

/// Refusals and failures of run bookkeeping.
public enum RunLifecycleError: RunnerError, Equatable {
    /// A served run for the creator-week is running already.
    case runInProgress(creator: String, week: String, runId: String)
    /// A status update found the row no longer running.
    case notRunning(runId: String)
    /// No run has this id.
    case runNotFound(runId: String)

    public var code: String {
        switch self {
        case .runInProgress: "RUN_IN_PROGRESS"
        case .notRunning: "DATABASE_ERROR"
        case .runNotFound: "RUN_NOT_FOUND"
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .runInProgress, .runNotFound: .badInput
        case .notRunning: .negative
        }
    }

    public var description: String {
        switch self {
        case .runInProgress(let creator, let week, let runId):
            "A run for \(creator) week \(week) is already running: \(runId)"
        case .notRunning(let runId):
            "run \(runId) is no longer running; its final status was kept"
        case .runNotFound(let runId):
            "no run with id \(runId)"
        }
    }
}
