/// Suggested commit messages of learnings.md section 10.
public enum LearningsCommitMessage {
    /// `HIGH: n corrections`-style tier line.
    public static func tierLine(_ tier: LearningTier, _ count: Int) -> String {
        let noun: String
        switch tier {
        case .high: noun = "correction"
        case .medium: noun = "pattern"
        default: noun = "observation"
        }
        return "\(tier.rawValue): \(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// add: subject plus one tier line.
    public static func add(title: String, tier: LearningTier) -> String {
        "docs(learnings): add learning - \(title)\n\n\(tierLine(tier, 1))"
    }

    /// promote: subject plus the transition and reason.
    public static func promote(entry: LearningEntry, from: LearningTier, to: LearningTier, reason: String?) -> String {
        var body = "Promoted: \(entry.label) \(from.rawValue) -> \(to.rawValue)"
        if let reason { body += "\nReason: \(reason)" }
        return "docs(learnings): promote learning - \(entry.title)\n\n\(body)"
    }

    /// deprecate: subject with the reason, body naming the entry.
    public static func deprecate(entry: LearningEntry, reason: String) -> String {
        "revert(eros): rollback learning - \(reason)\n\nReverted: \(entry.label)\nReason: \(reason)"
    }

    /// lint --fix.
    public static let fix = "fix(eros): correct learning - recompute statistics\n\nChange: statistics recomputed from entries"

    /// reflect --apply: counts of added entries per tier, updated count, one line per title.
    public static func reflect(added: [(tier: LearningTier, title: String)], updated: [String]) -> String {
        let n = added.count
        var subject = "chore(eros): reflect - \(n) learning\(n == 1 ? "" : "s") added"
        if !updated.isEmpty { subject += ", \(updated.count) updated" }
        var body = LearningTier.active.map { tier in tierLine(tier, added.filter { $0.tier == tier }.count) }
        body += added.map(\.title) + updated
        return subject + "\n\n" + body.joined(separator: "\n")
    }
}
