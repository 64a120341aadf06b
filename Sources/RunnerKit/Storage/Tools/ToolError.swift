/// A data tool failure surfaced to a command: bad input exits 2, storage failures 4.
public struct ToolError: RunnerError, Equatable {
    /// The tool's error code.
    public var code: String
    /// The tool's message.
    public var message: String

    /// A failure with a code and message.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// DATABASE_* codes mean the database is unavailable; every other code is refused input.
    public var exitStatus: ExitStatus {
        code.hasPrefix("DATABASE_") ? .databaseUnavailable : code == "INTERNAL_ERROR" ? .negative : .badInput
    }

    /// The message.
    public var description: String { message }
}
