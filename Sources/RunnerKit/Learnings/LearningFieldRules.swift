import Foundation

/// Whether a tier field is required, optional or not allowed in a section (2.6).
public enum FieldRequirement: Sendable, Hashable {
    case required, optional, notAllowed
}

/// The tier-field table of learnings.md 2.6 and the value rules of 2.7.
public enum LearningFieldRules {
    /// The requirement of a tier field for an entry in a section (Superseded By is L041's concern).
    public static func requirement(_ field: String, in tier: LearningTier, source: String?) -> FieldRequirement {
        let validation = source == "validation"
        switch (field, tier) {
        case ("Pattern", .high), ("Pattern", .medium): return .required
        case ("Issue", .high), ("Correction", .high): return .required
        case ("Insight", .high): return .optional
        case ("Insight", .medium): return .required
        case ("Observation", .low), ("Hypothesis", .low): return .required
        case ("Original", .deprecated), ("Reason", .deprecated): return .required
        case ("Source", .deprecated): return .optional
        case ("Source", _): return .required
        case ("Violation Code", .high): return validation ? .required : .optional
        case ("Quality Score", .high): return .optional
        case ("Quality Score", .medium): return validation ? .required : .optional
        case ("Sample Size", .high): return .optional
        case ("Sample Size", .medium), ("Sample Size", .low): return .required
        case ("Applies To", .deprecated): return .optional
        case ("Applies To", _): return .required
        case ("Metric Impact", .high), ("Metric Impact", .low): return .optional
        case ("Metric Impact", .medium): return source == "performance" ? .required : .optional
        case ("Promote When", .high), ("Promote When", .medium): return .optional
        case ("Promote When", .low): return .required
        default: return .notAllowed
        }
    }

    /// Whether a scope value is valid: `all`, `tier:KNOWN`, or `creator:<valid id>`.
    public static func isValidScope(_ value: String) -> Bool {
        if value == "all" { return true }
        if value.hasPrefix("tier:") { return LearningsVocabulary.tiers.contains(String(value.dropFirst(5))) }
        if value.hasPrefix("creator:") { return isValidCreatorId(String(value.dropFirst(8))) }
        return false
    }

    /// The creator id rule: 2 to 100 letters, digits, `_` or `-`.
    public static func isValidCreatorId(_ id: String) -> Bool {
        (2...100).contains(id.count)
            && id.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-") }
    }

    /// Whether a Sample Size value is `N` or `N (note)` with N at least 1.
    public static func isValidSampleSize(_ value: String) -> Bool {
        matches(value, #"^[0-9]+( \([^()]*\))?$"#) && (Int(value.prefix { $0.isNumber }) ?? 0) >= 1
    }

    /// The integer of a Quality Score value (`89`, `89 avg`), nil when malformed or out of range.
    public static func qualityScore(_ value: String) -> Int? {
        guard matches(value, #"^[0-9]{1,3}( avg)?$"#), let n = Int(value.prefix { $0.isNumber }), n <= 100 else {
            return nil
        }
        return n
    }

    /// Whether a Metric Impact value is one or more `±N% metric` parts joined by `, `.
    public static func isValidMetricImpact(_ value: String) -> Bool {
        value.components(separatedBy: ", ").allSatisfy { matches($0, #"^[+-][0-9]+(\.[0-9]+)?% [^,\s].*$"#) }
    }

    /// Whether a Reason starts with Superseded, Invalidated or Expired.
    public static func isValidReason(_ value: String) -> Bool {
        ["Superseded", "Invalidated", "Expired"].contains { value.hasPrefix($0) }
    }

    /// Whether a field name is one the format knows (tier or extension field).
    public static func isKnown(_ name: String) -> Bool {
        LearningsVocabulary.tierFields.contains(name) || LearningsVocabulary.extensionFields.contains(name)
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }
}
