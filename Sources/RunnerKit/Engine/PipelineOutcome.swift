import Foundation

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
