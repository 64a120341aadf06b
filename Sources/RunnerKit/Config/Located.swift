/// A configuration value together with where it was written, for diagnostics that point at it.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where the value was written (file, line, column).
    public var location: SourceLocation

    /// Creates a located value.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

extension SourceLocation {
    /// A placeholder location for values built in code rather than read from a file.
    public static let builtIn = SourceLocation(file: "<built-in>")

    /// The `file:line:col` form used in notes.
    public var shortDescription: String {
        guard let line else { return file }
        return "\(file):\(line):\(column ?? 1)"
    }
}
