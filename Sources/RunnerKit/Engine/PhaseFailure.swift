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
