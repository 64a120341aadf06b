/// Where a flag's value came from, highest precedence first (operations.md §2.2).
public enum FlagSource: String, Sendable, Codable, Hashable {
    /// The rollback state in the database turned the candidate off.
    case rollback
    /// An `EROS_<CANDIDATE>_*` variable of this process.
    case env
    /// The rollout file.
    case yaml
    /// The built-in safe default.
    case `default`
}

/// One flag's value with its source and origin (the variable, or the file and key path).
public struct ResolvedFlag<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// The value in force.
    public var value: Value
    /// Which source supplied it.
    public var source: FlagSource
    /// The variable name, the file and key path, or a description of the default.
    public var origin: String

    /// Creates a resolved flag.
    public init(value: Value, source: FlagSource, origin: String) {
        self.value = value
        self.source = source
        self.origin = origin
    }
}
