import Foundation

/// Encodes an `Encodable` value straight into a `ToolValue` tree, with the same result as
/// `JSONEncoder` followed by decoding the JSON as a `ToolValue` (default strategies: `Data` as
/// base64, `URL` as its absolute string, `Decimal` as a number, non-finite numbers refused), but
/// without producing and re-parsing JSON text. Saving a schedule converts every item this way.
enum ToolValueEncoder {
    static func encode(_ value: some Encodable) throws -> ToolValue {
        let node = try ToolValueNode.encoding(value, codingPath: [])
        return node.resolved()
    }
}

/// One value under construction: a scalar, or an object or array whose children may still change.
private final class ToolValueNode {
    var scalar: ToolValue?
    var object: [String: ToolValueNode]?
    var array: [ToolValueNode]?

    init(_ scalar: ToolValue? = nil) { self.scalar = scalar }

    /// The finished value; a value that encoded nothing is an empty object, as in JSON.
    func resolved() -> ToolValue {
        if let array { return .array(array.map { $0.resolved() }) }
        if let object { return .object(object.mapValues { $0.resolved() }) }
        return scalar ?? .object([:])
    }

    /// The node of a value, with fast paths for the scalar types and the types `JSONEncoder`
    /// treats specially.
    static func encoding<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> ToolValueNode {
        switch value {
        case let v as String: return ToolValueNode(.string(v))
        case let v as Bool: return ToolValueNode(.bool(v))
        case let v as Int: return ToolValueNode(.number(Double(v)))
        case let v as Double: return ToolValueNode(try number(v, codingPath))
        case let v as ToolValue: return ToolValueNode(v)
        case let v as Data: return ToolValueNode(.string(v.base64EncodedString()))
        case let v as URL: return ToolValueNode(.string(v.absoluteString))
        case let v as Decimal: return ToolValueNode(.number(NSDecimalNumber(decimal: v).doubleValue))
        default:
            let node = ToolValueNode()
            try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
            return node
        }
    }

    static func number(_ value: Double, _ codingPath: [any CodingKey]) throws -> ToolValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath, debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        return .number(value)
    }

    /// A Float goes through its shortest text, as JSON would carry it.
    static func number(_ value: Float, _ codingPath: [any CodingKey]) throws -> ToolValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: codingPath, debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        return .number(Double(value.description) ?? Double(value))
    }
}

private struct NodeEncoder: Encoder {
    let node: ToolValueNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.object == nil { node.object = [:] }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.array == nil { node.array = [] }
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: ToolValueNode
    let codingPath: [any CodingKey]

    private func set(_ child: ToolValueNode, _ key: Key) { node.object![key.stringValue] = child }

    mutating func encodeNil(forKey key: Key) throws { set(ToolValueNode(.null), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(ToolValueNode(.bool(value)), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(ToolValueNode(.string(value)), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        set(ToolValueNode(try ToolValueNode.number(value, codingPath + [key])), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        set(ToolValueNode(try ToolValueNode.number(value, codingPath + [key])), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(ToolValueNode(.number(Double(value))), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(ToolValueNode(.number(Double(value))), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(ToolValueNode(.number(Double(value))), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(ToolValueNode(.number(Double(value))), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(ToolValueNode(.number(Double(value))), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(ToolValueNode(.number(Double(value))), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(ToolValueNode(.number(Double(value))), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(ToolValueNode(.number(Double(value))), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(ToolValueNode(.number(Double(value))), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(ToolValueNode(.number(Double(value))), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try ToolValueNode.encoding(value, codingPath: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = ToolValueNode()
        set(child, key)
        return NodeEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = ToolValueNode()
        set(child, key)
        return NodeEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = ToolValueNode()
        set(child, key)
        return NodeEncoder(node: child, codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: ToolValueNode
    let codingPath: [any CodingKey]
    var count: Int { node.array?.count ?? 0 }

    private struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }
        init(_ value: Int) { intValue = value }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    private func append(_ child: ToolValueNode) { node.array!.append(child) }

    mutating func encodeNil() throws { append(ToolValueNode(.null)) }
    mutating func encode(_ value: Bool) throws { append(ToolValueNode(.bool(value))) }
    mutating func encode(_ value: String) throws { append(ToolValueNode(.string(value))) }
    mutating func encode(_ value: Double) throws {
        append(ToolValueNode(try ToolValueNode.number(value, codingPath + [Index(count)])))
    }
    mutating func encode(_ value: Float) throws {
        append(ToolValueNode(try ToolValueNode.number(value, codingPath + [Index(count)])))
    }
    mutating func encode(_ value: Int) throws { append(ToolValueNode(.number(Double(value)))) }
    mutating func encode(_ value: Int8) throws { append(ToolValueNode(.number(Double(value)))) }
    mutating func encode(_ value: Int16) throws { append(ToolValueNode(.number(Double(value)))) }
    mutating func encode(_ value: Int32) throws { append(ToolValueNode(.number(Double(value)))) }
    mutating func encode(_ value: Int64) throws { append(ToolValueNode(.number(Double(value)))) }
    mutating func encode(_ value: UInt) throws { append(ToolValueNode(.number(Double(value)))) }
    mutating func encode(_ value: UInt8) throws { append(ToolValueNode(.number(Double(value)))) }
    mutating func encode(_ value: UInt16) throws { append(ToolValueNode(.number(Double(value)))) }
    mutating func encode(_ value: UInt32) throws { append(ToolValueNode(.number(Double(value)))) }
    mutating func encode(_ value: UInt64) throws { append(ToolValueNode(.number(Double(value)))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        append(try ToolValueNode.encoding(value, codingPath: codingPath + [Index(count)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = ToolValueNode()
        let path = codingPath + [Index(count)]
        append(child)
        return NodeEncoder(node: child, codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = ToolValueNode()
        let path = codingPath + [Index(count)]
        append(child)
        return NodeEncoder(node: child, codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = ToolValueNode()
        let path = codingPath + [Index(count)]
        append(child)
        return NodeEncoder(node: child, codingPath: path)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: ToolValueNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.scalar = .null }
    mutating func encode(_ value: Bool) throws { node.scalar = .bool(value) }
    mutating func encode(_ value: String) throws { node.scalar = .string(value) }
    mutating func encode(_ value: Double) throws { node.scalar = try ToolValueNode.number(value, codingPath) }
    mutating func encode(_ value: Float) throws { node.scalar = try ToolValueNode.number(value, codingPath) }
    mutating func encode(_ value: Int) throws { node.scalar = .number(Double(value)) }
    mutating func encode(_ value: Int8) throws { node.scalar = .number(Double(value)) }
    mutating func encode(_ value: Int16) throws { node.scalar = .number(Double(value)) }
    mutating func encode(_ value: Int32) throws { node.scalar = .number(Double(value)) }
    mutating func encode(_ value: Int64) throws { node.scalar = .number(Double(value)) }
    mutating func encode(_ value: UInt) throws { node.scalar = .number(Double(value)) }
    mutating func encode(_ value: UInt8) throws { node.scalar = .number(Double(value)) }
    mutating func encode(_ value: UInt16) throws { node.scalar = .number(Double(value)) }
    mutating func encode(_ value: UInt32) throws { node.scalar = .number(Double(value)) }
    mutating func encode(_ value: UInt64) throws { node.scalar = .number(Double(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = try ToolValueNode.encoding(value, codingPath: codingPath)
        node.scalar = child.scalar
        node.object = child.object
        node.array = child.array
    }
}
