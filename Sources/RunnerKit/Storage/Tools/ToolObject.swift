/// A tool result held as a JSON object, for tools whose key set varies by case.
public struct ToolObject: Encodable, Sendable, Equatable {
    /// The result's members.
    public var members: [String: ToolValue]

    /// Wraps members.
    public init(_ members: [String: ToolValue]) { self.members = members }

    /// Member lookup.
    public subscript(key: String) -> ToolValue? { members[key] }

    /// Encodes as the object.
    public func encode(to encoder: any Encoder) throws { try ToolValue.object(members).encode(to: encoder) }
}
