/// One invalid `EROS_<CANDIDATE>_*` variable: names the variable, the value and the accepted forms.
public enum FlagEnvironmentError: RunnerError, Hashable {
    /// A boolean variable holds something other than true/false/1/0/yes/no.
    case notBoolean(variable: String, value: String)
    /// The percentage variable is not decimal digits in 0...100.
    case notPercentage(variable: String, value: String)

    /// The variable at fault.
    public var variable: String {
        switch self {
        case .notBoolean(let variable, _), .notPercentage(let variable, _): variable
        }
    }

    public var code: String { "C018" }
    public var exitStatus: ExitStatus { .invalidConfig }
    public var description: String {
        switch self {
        case .notBoolean(let variable, let value):
            "\(variable)=\"\(value)\" is not a boolean (accepted: true, false, 1, 0, yes, no)"
        case .notPercentage(let variable, let value):
            "\(variable)=\"\(value)\" is not a percentage (accepted: decimal digits 0 to 100, such as 25)"
        }
    }

    /// The finding `runner validate` reports for it (file `env:VARIABLE`, rule C018).
    public var diagnostic: Diagnostic {
        .error("C018", description, at: SourceLocation(file: "env:\(variable)"))
    }
}

/// Every invalid variable of one environment, reported together.
public struct FlagEnvironmentErrors: RunnerError, Hashable {
    /// The invalid variables, in a stable order.
    public let errors: [FlagEnvironmentError]

    /// Wraps the errors.
    public init(errors: [FlagEnvironmentError]) { self.errors = errors }

    public var code: String { "C018" }
    public var exitStatus: ExitStatus { .invalidConfig }
    public var description: String {
        errors.map(\.description).joined(separator: "; ")
    }
}

/// A finding about the environment that does not stop anything.
public enum FlagEnvironmentWarning: Sendable, Hashable, CustomStringConvertible {
    /// The creators list names a page more than once.
    case duplicateCreators(variable: String, names: [String])

    public var description: String {
        switch self {
        case .duplicateCreators(let variable, let names):
            "\(variable) lists \(names.joined(separator: ", ")) more than once"
        }
    }

    /// The finding `runner validate` reports for it (file `env:VARIABLE`, rule C018).
    public var diagnostic: Diagnostic {
        switch self {
        case .duplicateCreators(let variable, _):
            .warning("C018", description, at: SourceLocation(file: "env:\(variable)"))
        }
    }
}
