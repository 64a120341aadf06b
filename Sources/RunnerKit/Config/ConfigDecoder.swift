/// Reads typed values out of `ConfigNode`s and collects a finding for every problem.
///
/// Each accessor returns nil when the value is missing or wrong and records why (C003 unknown
/// key, C004 wrong type, C005 missing key), so a decoder reports every mistake of a file in one
/// pass and never stops at the first.
struct ConfigDecoder {
    /// The findings so far.
    var diagnostics: [Diagnostic] = []

    /// Records an error.
    mutating func error(_ rule: String, _ message: String, at location: SourceLocation, notes: [String] = []) {
        diagnostics.append(.error(rule, message, at: location, notes: notes))
    }

    /// Records a warning.
    mutating func warning(_ rule: String, _ message: String, at location: SourceLocation, notes: [String] = []) {
        diagnostics.append(.warning(rule, message, at: location, notes: notes))
    }

    /// Opens a mapping and reports its unknown keys (C003, with a suggestion).
    mutating func mapping(_ node: ConfigNode, known: [String], in what: String, unknownRule: String = "C003")
        -> Fields?
    {
        guard let entries = node.entries else {
            error("C004", "expected a mapping for \(what), got \(node.typeDescription)", at: node.location)
            return nil
        }
        var byKey: [String: ConfigEntry] = [:]
        for entry in entries {
            guard known.contains(entry.key) else {
                let notes = Suggestion.closest(to: entry.key, among: known).map { ["did you mean '\($0)'?"] } ?? []
                error(unknownRule, "unknown key '\(entry.key)' in \(what)", at: entry.keyLocation, notes: notes)
                continue
            }
            if byKey[entry.key] == nil { byKey[entry.key] = entry }
        }
        return Fields(entries: byKey, location: node.location, what: what)
    }

    /// The value of a key that must be present (C005 when absent).
    mutating func required(_ fields: Fields, _ key: String) -> ConfigNode? {
        guard let node = fields[key] else {
            error("C005", "missing required key '\(key)' in \(fields.what)", at: fields.location)
            return nil
        }
        return node
    }

    private mutating func typeError(_ node: ConfigNode, expected: String, key: String, notes: [String] = []) {
        error("C004", "expected \(expected) for '\(key)', got \(node.typeDescription)", at: node.location, notes: notes)
    }

    /// Any scalar as text (numbers and words included, null refused).
    mutating func string(_ node: ConfigNode, key: String) -> String? {
        guard let text = node.scalarText, !node.isNull else {
            typeError(node, expected: "a string", key: key)
            return nil
        }
        return text
    }

    /// A scalar with its location.
    mutating func locatedString(_ node: ConfigNode, key: String) -> Located<String>? {
        string(node, key: key).map { Located($0, at: node.location) }
    }

    /// A name following a pattern (ids, alert names); reports C004 when it does not match.
    mutating func name(_ node: ConfigNode, key: String, pattern: NamePattern) -> Located<String>? {
        guard let text = string(node, key: key) else { return nil }
        guard pattern.matches(text) else {
            error("C004", "'\(text)' is not a valid \(key): \(pattern.rule)", at: node.location)
            return Located(text, at: node.location)
        }
        return Located(text, at: node.location)
    }

    /// Strictly `true` or `false`; YAML 1.1 spellings are refused with a hint.
    mutating func bool(_ node: ConfigNode, key: String) -> Bool? {
        if case .scalar(let text, true) = node.content {
            if text == "true" { return true }
            if text == "false" { return false }
            let lower = text.lowercased()
            if ["yes", "y", "on", "true"].contains(lower) {
                typeError(node, expected: "true or false", key: key, notes: ["write 'true' (YAML 1.1 spellings are not accepted)"])
                return nil
            }
            if ["no", "n", "off", "false"].contains(lower) {
                typeError(node, expected: "true or false", key: key, notes: ["write 'false' (YAML 1.1 spellings are not accepted)"])
                return nil
            }
        }
        typeError(node, expected: "true or false", key: key)
        return nil
    }

    /// A plain integer, optionally within a range.
    mutating func int(_ node: ConfigNode, key: String, range: ClosedRange<Int>? = nil, rule: String = "C004") -> Int? {
        guard case .scalar(let text, true) = node.content, let value = Int(text) else {
            typeError(node, expected: "an integer", key: key)
            return nil
        }
        if let range, !range.contains(value) {
            error(rule, "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), got \(value)", at: node.location)
            return nil
        }
        return value
    }

    /// A plain number (integer or decimal).
    mutating func number(_ node: ConfigNode, key: String) -> Double? {
        guard case .scalar(let text, true) = node.content, let value = Double(text), value.isFinite,
            !text.lowercased().contains("n"), !text.lowercased().contains("x")
        else {
            typeError(node, expected: "a number", key: key)
            return nil
        }
        return value
    }

    /// A duration such as `90s` or `1h30m`; bare numbers are refused.
    mutating func duration(_ node: ConfigNode, key: String) -> ConfigDuration? {
        guard let text = node.scalarText, !node.isNull, let value = ConfigDuration.parse(text) else {
            let hint = node.scalarText.flatMap { Int($0) }.map { ["add a unit, such as \($0)s"] } ?? []
            typeError(node, expected: "a duration such as 90s, 5m or 1h30m", key: key, notes: hint)
            return nil
        }
        return value
    }

    /// A window: `N runs` or a duration.
    mutating func window(_ node: ConfigNode, key: String) -> MetricWindow? {
        guard let text = node.scalarText, !node.isNull, let value = MetricWindow.parse(text) else {
            typeError(node, expected: "a window such as '20 runs' or '15m'", key: key)
            return nil
        }
        return value
    }

    /// One of the raw values of a closed set.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ node: ConfigNode, key: String, as type: E.Type) -> E?
    where E.RawValue == String {
        guard let text = string(node, key: key) else { return nil }
        if let value = E(rawValue: text) { return value }
        let names = E.allCases.map(\.rawValue)
        let notes = Suggestion.closest(to: text, among: names).map { ["did you mean '\($0)'?"] } ?? []
        error("C004", "'\(text)' is not a valid \(key) (expected one of: \(names.joined(separator: ", ")))",
              at: node.location, notes: notes)
        return nil
    }

    /// A list whose items are decoded by `item`; a single scalar is refused.
    mutating func list<T>(_ node: ConfigNode, key: String, item: (inout ConfigDecoder, ConfigNode) -> T?) -> [T]? {
        guard let items = node.items else {
            typeError(node, expected: "a list", key: key)
            return nil
        }
        var values: [T] = []
        values.reserveCapacity(items.count)
        for element in items {
            if let value = item(&self, element) { values.append(value) }
        }
        return values
    }

    /// A list of strings with their locations.
    mutating func stringList(_ node: ConfigNode, key: String) -> [Located<String>]? {
        list(node, key: key) { decoder, element in decoder.locatedString(element, key: key) }
    }
}

/// The known keys of one mapping, looked up by name.
struct Fields {
    let entries: [String: ConfigEntry]
    /// Where the mapping starts.
    let location: SourceLocation
    /// What the mapping is, for messages ("phase 'save'").
    let what: String

    /// The value of a key, nil when absent.
    subscript(key: String) -> ConfigNode? { entries[key]?.value }

    /// Whether the key is present.
    func has(_ key: String) -> Bool { entries[key] != nil }

    /// Where a key was written, or the mapping's location when absent.
    func keyLocation(_ key: String) -> SourceLocation { entries[key]?.keyLocation ?? location }
}
