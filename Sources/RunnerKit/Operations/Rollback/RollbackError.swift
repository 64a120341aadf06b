/// Why a rollback command refused to act (nothing changed).
public enum RollbackError: RunnerError, Equatable {
    /// `--reason` missing or blank.
    case missingReason(command: String)
    /// `--confirm` missing or blank.
    case missingToken
    /// `--confirm` does not match the rollback file's `restore_token`.
    case wrongToken
    /// A restore while the controller is DRAINING.
    case drainInProgress
    /// `--drain-timeout` is not a positive duration.
    case invalidDrainTimeout(String)

    public var code: String {
        switch self {
        case .missingReason, .invalidDrainTimeout: "VALIDATION_ERROR"
        case .missingToken, .wrongToken: "CONFIRMATION_REQUIRED"
        case .drainInProgress: "DRAIN_IN_PROGRESS"
        }
    }

    public var exitStatus: ExitStatus { .badInput }

    public var description: String {
        switch self {
        case .missingReason(let command):
            "`runner rollback \(command)` needs --reason TEXT (a non-blank reason); nothing changed"
        case .missingToken:
            "`runner rollback restore` needs --confirm TOKEN (the rollback file's restore_token); nothing changed"
        case .wrongToken:
            "the confirmation token does not match the rollback file's restore_token (exact, case-sensitive); nothing changed"
        case .drainInProgress:
            "drain in progress, retry when DISABLED; nothing changed"
        case .invalidDrainTimeout(let text):
            "--drain-timeout must be a positive duration such as 10s or 1m, got: \(text)"
        }
    }
}
