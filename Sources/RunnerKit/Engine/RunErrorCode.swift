/// A run or phase error code of operations.md §1.3 (upper snake case everywhere).
///
/// A struct rather than an enum so codes reported by other layers (a save step's
/// `SAVE_FAILED`, a storage code) pass through unchanged.
public struct RunErrorCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code text.
    public let rawValue: String

    /// Wraps a code text.
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let runInProgress = RunErrorCode(rawValue: "RUN_IN_PROGRESS")
    public static let creatorNotFound = RunErrorCode(rawValue: "CREATOR_NOT_FOUND")
    public static let creatorInactive = RunErrorCode(rawValue: "CREATOR_INACTIVE")
    public static let validationError = RunErrorCode(rawValue: "VALIDATION_ERROR")
    public static let noEligibleContent = RunErrorCode(rawValue: "NO_ELIGIBLE_CONTENT")
    public static let readinessBlocked = RunErrorCode(rawValue: "READINESS_BLOCKED")
    public static let phaseTimeout = RunErrorCode(rawValue: "PHASE_TIMEOUT")
    public static let deadlineExceeded = RunErrorCode(rawValue: "DEADLINE_EXCEEDED")
    public static let agentFailed = RunErrorCode(rawValue: "AGENT_FAILED")
    public static let agentOutputInvalid = RunErrorCode(rawValue: "AGENT_OUTPUT_INVALID")
    public static let readOnlyViolation = RunErrorCode(rawValue: "READ_ONLY_VIOLATION")
    public static let saveFailed = RunErrorCode(rawValue: "SAVE_FAILED")
    public static let shadowDeadlineExceeded = RunErrorCode(rawValue: "SHADOW_DEADLINE_EXCEEDED")
    public static let interrupted = RunErrorCode(rawValue: "INTERRUPTED")
    public static let abandoned = RunErrorCode(rawValue: "ABANDONED")
    public static let databaseBusy = RunErrorCode(rawValue: "DATABASE_BUSY")
    public static let databaseError = RunErrorCode(rawValue: "DATABASE_ERROR")
    /// An unexpected error inside a step (a bug, not a domain outcome).
    public static let internalError = RunErrorCode(rawValue: "INTERNAL_ERROR")

    /// Only timeouts, agent process failures and a busy database are retried (config.md §2).
    public var isRetryable: Bool {
        [.phaseTimeout, .agentFailed, .agentOutputInvalid, .databaseBusy].contains(self)
    }

    /// The codes that mean the creator's data allows no schedule: the run ends `blocked`.
    public var isBlocking: Bool {
        [.creatorInactive, .noEligibleContent, .readinessBlocked].contains(self)
    }
}

/// A failed phase attempt (or run): a code and a message naming what broke.
public struct PhaseFailure: RunnerError, Hashable {
    /// The typed code.
    public var errorCode: RunErrorCode
    /// What broke, for people.
    public var message: String

    /// Creates a failure.
    public init(_ errorCode: RunErrorCode, _ message: String) {
        self.errorCode = errorCode
        self.message = message
    }

    public var code: String { errorCode.rawValue }
    public var exitStatus: ExitStatus { .negative }
    public var description: String { message }

    /// Maps any error a step threw to a failure, keeping a `RunnerError`'s own code.
    public init(wrapping error: any Error) {
        switch error {
        case let failure as PhaseFailure: self = failure
        case let runnerError as any RunnerError:
            self.init(RunErrorCode(rawValue: runnerError.code), runnerError.description)
        default:
            self.init(.internalError, "unexpected error: \(error)")
        }
    }
}
