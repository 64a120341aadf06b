import Foundation

/// A JSON value as passed to and returned by the data tools, with canonical serialisation
/// (keys sorted, no whitespace, shortest round-trip numbers; data-model.md §1.4).
public enum ToolValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ToolValue])
    case object([String: ToolValue])

    /// Parses JSON text; nil when it is not valid JSON (malformed domain columns read as absent).
    public static func parse(_ text: String) -> ToolValue? {
        guard let data = text.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(ToolValue.self, from: data)
    }

    /// Encodes any Encodable value into a `ToolValue` tree.
    public static func encode(_ value: some Encodable) throws -> ToolValue {
        try ToolValueEncoder.encode(value)
    }

    /// The canonical JSON text of this value.
    public func canonicalJSON() -> String {
        var out = ""
        write(into: &out)
        return out
    }

    /// The object's members, or nil.
    public var objectValue: [String: ToolValue]? { if case .object(let o) = self { o } else { nil } }
    /// The array's elements, or nil.
    public var arrayValue: [ToolValue]? { if case .array(let a) = self { a } else { nil } }
    /// The string, or nil.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The number, or nil.
    public var numberValue: Double? { if case .number(let n) = self { n } else { nil } }
    /// The boolean, or nil.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// True for `.null`.
    public var isNull: Bool { self == .null }

    /// Member lookup on objects (nil for other kinds or a missing key).
    public subscript(key: String) -> ToolValue? { objectValue?[key] }

    /// The JSON type name used in "X must be <type>" messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "list"
        case .object: "object"
        }
    }

    private func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += ToolValue.formatNumber(n)
        case .string(let s): JSONString.append(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                JSONString.append(key, to: &out)
                out += ":"
                members[key]!.write(into: &out)
            }
            out += "}"
        }
    }

    /// Shortest round-trip decimal form; integral values print without a fraction (15 -> "15").
    public static func formatNumber(_ n: Double) -> String {
        if !n.isFinite { return "null" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

}

extension ToolValue: Codable {
    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([ToolValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: ToolValue].self))
        }
    }

    /// Encodes as the matching JSON value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { try c.encode(Int64(n)) } else { try c.encode(n) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

extension ToolValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral,
    ExpressibleByStringInterpolation
{
    public init(stringInterpolation: DefaultStringInterpolation) {
        self = .string(String(stringInterpolation: stringInterpolation))
    }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: ToolValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, ToolValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}
