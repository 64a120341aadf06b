/// Reads one tool's parameter object with the common rules of data-model.md §4.1: unknown names
/// and wrong JSON types are VALIDATION_ERROR.
struct ToolParameters {
    let tool: String
    let values: [String: ToolValue]

    /// Fails with "Unknown parameter '<name>' for <tool>" for the first unknown name (sorted).
    func checkKnown(_ allowed: Set<String>) -> ToolFailure? {
        guard let unknown = values.keys.sorted().first(where: { !allowed.contains($0) }) else { return nil }
        return ToolFailure(code: "VALIDATION_ERROR", message: "Unknown parameter '\(unknown)' for \(tool)")
    }

    /// The value, treating JSON null like an omitted parameter.
    func value(_ name: String) -> ToolValue? {
        guard let v = values[name], !v.isNull else { return nil }
        return v
    }

    /// An optional boolean with a default.
    func bool(_ name: String, default fallback: Bool) throws(ToolFailure) -> Bool {
        guard let v = value(name) else { return fallback }
        guard let b = v.boolValue else { throw typeError(name, "boolean") }
        return b
    }

    /// An optional string.
    func string(_ name: String) throws(ToolFailure) -> String? {
        guard let v = value(name) else { return nil }
        guard let s = v.stringValue else { throw typeError(name, "string") }
        return s
    }

    /// An optional integer; `lenient` accepts integral strings and maps other values to nil.
    func int(_ name: String, lenient: Bool = false) throws(ToolFailure) -> Int? {
        guard let v = value(name) else { return nil }
        if let n = v.numberValue, n == n.rounded(), abs(n) < 1e15 { return Int(n) }
        if lenient {
            if let s = v.stringValue, let n = Int(s.trimmingCharacters(in: .whitespaces)) { return n }
            return nil
        }
        throw typeError(name, "integer")
    }

    /// An optional number.
    func number(_ name: String) throws(ToolFailure) -> Double? {
        guard let v = value(name) else { return nil }
        guard let n = v.numberValue else { throw typeError(name, "number") }
        return n
    }

    /// "<name> must be <type>".
    func typeError(_ name: String, _ type: String) -> ToolFailure {
        ToolFailure(code: "VALIDATION_ERROR", message: "\(name) must be \(type)")
    }
}
