/// Misuse or corruption found while reading or writing `learning_signals` (never bad user input).
public enum LearningSignalStoreFailure: RunnerError, Equatable {
    /// `record(_:in:)` was called on a connection outside a transaction: signals must commit with their run.
    case outsideTransaction
    /// A pending row read a moment ago in the same transaction was not updated.
    case rowVanished(Int64)
    /// A stored enumeration column holds a value this runner does not know.
    case invalidColumn(id: Int64, column: String, value: String)
    /// A seen or resolved time that is not an ISO-8601 instant.
    case invalidTimestamp(String)

    /// Every case is a storage failure.
    public var code: String { "DATABASE_ERROR" }
    /// The command's work failed: exit 1.
    public var exitStatus: ExitStatus { .negative }
    /// The message.
    public var description: String {
        switch self {
        case .outsideTransaction:
            "learning signals must be recorded inside the run's write transaction"
        case .rowVanished(let id):
            "pending learning signal #\(id) was not updated inside its own transaction"
        case .invalidColumn(let id, let column, let value):
            "learning signal #\(id) has an unknown \(column) '\(value)'"
        case .invalidTimestamp(let text):
            "learning signal time '\(text)' is not an ISO-8601 instant"
        }
    }
}
