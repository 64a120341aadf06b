/// The name patterns of config.md §1.
enum NamePattern {
    /// `^[a-z][a-z0-9_-]*$`: pipelines, phases, agents, rollout phases, triggers, notifiers.
    case id
    /// `^[A-Z][A-Z0-9_]*$`: alert rule names.
    case alertName

    /// Whether the text follows the pattern.
    func matches(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return false }
        switch self {
        case .id:
            guard (97...122).contains(first) else { return false }
            return bytes.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 95 || $0 == 45 }
        case .alertName:
            guard (65...90).contains(first) else { return false }
            return bytes.allSatisfy { (65...90).contains($0) || (48...57).contains($0) || $0 == 95 }
        }
    }

    /// The rule in words, for messages.
    var rule: String {
        switch self {
        case .id: "must match ^[a-z][a-z0-9_-]*$"
        case .alertName: "must match ^[A-Z][A-Z0-9_]*$"
        }
    }

    /// The creator id rule of data-model.md §4.1 applied to page names: 2–100 of A–Z a–z 0–9 _ -.
    static func isValidPageName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (2...100).contains(bytes.count) else { return false }
        return bytes.allSatisfy {
            (97...122).contains($0) || (65...90).contains($0) || (48...57).contains($0) || $0 == 95 || $0 == 45
        }
    }
}
