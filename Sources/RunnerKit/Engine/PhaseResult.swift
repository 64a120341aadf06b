import Foundation

/// How a phase ended.
public enum PhaseStatus: String, Sendable, Codable, Hashable {
    /// Its last attempt succeeded.
    case succeeded
    /// Every attempt failed, or a non-retryable failure ended it.
    case failed
    /// Its `if` was false, or a phase it needs was skipped.
    case skipped
    /// It never started (the run failed or was cancelled first).
    case notRun = "not_run"
}

/// How one attempt ended (`run_phases.status`).
public enum AttemptStatus: String, Sendable, Codable, Hashable {
    case running, succeeded, failed
    case timedOut = "timed_out"
    case skipped
}

/// One attempt of a phase.
public struct AttemptRecord: Sendable, Hashable {
    /// 1-based attempt number.
    public var attempt: Int
    /// Wall-clock start (runner clock).
    public var startedAt: Date
    /// Measured on the monotonic clock.
    public var durationMs: Int
    /// How it ended.
    public var status: AttemptStatus
    /// Its failure, if any.
    public var failure: PhaseFailure?
}

/// The result of one phase: status, output, attempts and total duration.
public struct PhaseResult<Output: Sendable>: Sendable {
    /// The phase id.
    public var id: String
    /// Position in the pipeline file (0-based).
    public var ordinal: Int
    /// How it ended.
    public var status: PhaseStatus
    /// The step's output when it succeeded.
    public var output: Output?
    /// The failure that ended it, or why it was skipped is in `skipReason`.
    public var failure: PhaseFailure?
    /// Why it was skipped, when it was.
    public var skipReason: String?
    /// Every attempt, in order.
    public var attempts: [AttemptRecord]
    /// From the first attempt's start to the last one's end, backoff sleeps included.
    public var durationMs: Int

    /// Creates a result.
    public init(
        id: String, ordinal: Int, status: PhaseStatus, output: Output? = nil, failure: PhaseFailure? = nil,
        skipReason: String? = nil, attempts: [AttemptRecord] = [], durationMs: Int = 0
    ) {
        self.id = id
        self.ordinal = ordinal
        self.status = status
        self.output = output
        self.failure = failure
        self.skipReason = skipReason
        self.attempts = attempts
        self.durationMs = durationMs
    }
}

/// The result of a whole pipeline: every phase in file order and the failure that ended the run.
public struct PipelineOutcome<Output: Sendable>: Sendable {
    /// Every phase of the plan, in file order.
    public var phases: [PhaseResult<Output>]
    /// The failure that ended the run (a phase's, or DEADLINE_EXCEEDED / INTERRUPTED), nil on success.
    public var failure: PhaseFailure?
    /// The phase whose failure ended the run, when one did.
    public var failedPhase: String?
    /// Total measured duration.
    public var durationMs: Int

    /// The result of phase `id`.
    public func phase(_ id: String) -> PhaseResult<Output>? { phases.first { $0.id == id } }
}

/// What the interpreter reports as it goes, for `run_phases` rows and progress output.
public enum PhaseEvent: Sendable, Hashable {
    /// An attempt started.
    case attemptStarted(phase: String, ordinal: Int, attempt: Int, at: Date)
    /// An attempt ended.
    case attemptFinished(phase: String, ordinal: Int, record: AttemptRecord, finishedAt: Date)
    /// A phase was skipped without running.
    case skipped(phase: String, ordinal: Int, at: Date, reason: String)
}
