import Foundation

/// A conflicting pair of active entries (section 8) and which one to keep.
public struct LearningConflict: Sendable, Hashable {
    /// The entry suggested for removal (nil when no suggestion: "review manually").
    public var remove: LearningEntry?
    /// The entry suggested to keep (nil when no suggestion).
    public var keep: LearningEntry?
    /// Both entries, in file order.
    public var pair: (LearningEntry, LearningEntry) { (first, second) }
    /// First entry in file order.
    public var first: LearningEntry
    /// Second entry in file order.
    public var second: LearningEntry

    /// Pairs are equal when they hold the same two entries.
    public static func == (a: LearningConflict, b: LearningConflict) -> Bool {
        a.first == b.first && a.second == b.second
    }

    /// Hashes both entries.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(first)
        hasher.combine(second)
    }
}

/// Conflict detection and resolution of learnings.md section 8.
public enum LearningConflicts {
    static let negative: Set<String> = ["never", "avoid", "no", "not", "without", "skip", "drop", "stop", "exclude",
                                        "forbid", "dont"]
    static let positive: Set<String> = ["always", "must", "should", "use", "keep", "prefer", "require"]
    static let stopWords: Set<String> = ["a", "an", "the", "as", "to", "of", "for", "on", "in", "at", "by", "with",
                                         "and", "or", "every", "all", "any", "may"]

    /// Tokens of a title: lowercased, apostrophes deleted, split at non-letter/digit/underscore.
    static func tokens(_ title: String) -> [String] {
        let cleaned = title.lowercased().replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
        return cleaned.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
    }

    /// Whether the title's directive is negative.
    public static func isNegative(_ title: String) -> Bool {
        tokens(title).contains { negative.contains($0) }
    }

    /// The subject token set of a title.
    public static func subject(_ title: String) -> Set<String> {
        Set(tokens(title).filter { !negative.contains($0) && !positive.contains($0) && !stopWords.contains($0) }
            .map { $0.count > 3 && $0.hasSuffix("s") ? String($0.dropLast()) : $0 })
    }

    /// Whether two titles' subjects match (both at least 2 tokens, Jaccard at least 0.75).
    public static func subjectsMatch(_ a: String, _ b: String) -> Bool {
        let sa = subject(a), sb = subject(b)
        guard sa.count >= 2, sb.count >= 2 else { return false }
        return Double(sa.intersection(sb).count) / Double(sa.union(sb).count) >= 0.75
    }

    /// Whether two active entries conflict: same scope and (same Violation Code, or same subject, opposite directive).
    public static func conflict(_ a: LearningEntry, _ b: LearningEntry) -> Bool {
        guard a.id != b.id, let scope = a.value("Applies To"), scope == b.value("Applies To") else { return false }
        if let code = a.value("Violation Code"), code == b.value("Violation Code") { return true }
        return isNegative(a.title) != isNegative(b.title) && subjectsMatch(a.title, b.title)
    }

    /// Every conflicting pair among the file's active entries, with the keep/remove suggestion.
    public static func find(in file: LearningsFile) -> [LearningConflict] {
        let active = file.activeEntries
        var out: [LearningConflict] = []
        for i in active.indices {
            for j in active.indices where j > i && conflict(active[i], active[j]) {
                let (keep, remove) = resolve(active[i], active[j])
                out.append(LearningConflict(remove: remove, keep: keep, first: active[i], second: active[j]))
            }
        }
        return out
    }

    /// Which to keep: higher confidence, then larger sample (missing = 1), then newer date; nil when tied.
    public static func resolve(_ a: LearningEntry, _ b: LearningEntry) -> (keep: LearningEntry?, remove: LearningEntry?) {
        let ra = a.tier?.rank ?? 0, rb = b.tier?.rank ?? 0
        if ra != rb { return ra > rb ? (a, b) : (b, a) }
        let sa = a.sampleSize ?? 1, sb = b.sampleSize ?? 1
        if sa != sb { return sa > sb ? (a, b) : (b, a) }
        if a.date != b.date { return a.date > b.date ? (a, b) : (b, a) }
        return (nil, nil)
    }
}
