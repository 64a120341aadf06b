import RunnerKit
import Foundation

/// A JSON value with ordered object keys, so learnings output keeps the documented key order.
indirect enum LearningsJSON: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([LearningsJSON])
    case object([(String, LearningsJSON)])

    /// A string, or null when nil.
    static func optional(_ value: String?) -> LearningsJSON { value.map { .string($0) } ?? .null }

    /// An int, or null when nil.
    static func optional(_ value: Int?) -> LearningsJSON { value.map { .int($0) } ?? .null }

    /// Pretty-printed text with two-space indentation.
    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .string(let s): return JSONString.quoted(s)
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n\(pad)]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { inner + JSONString.quoted($0.0) + ": " + $0.1.rendered(indent: indent + 1) }
                .joined(separator: ",\n") + "\n\(pad)}"
        }
    }

}
