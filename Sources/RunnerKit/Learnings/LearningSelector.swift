import Foundation

/// The creator facts a run knows once its context is built (section 9).
public struct CreatorLearningContext: Sendable, Hashable, Codable {
    /// The creator's page name (public handle).
    public var pageName: String
    /// The resolved canonical creator_id.
    public var creatorId: String
    /// The volume tier resolved for this run (MINIMAL, LITE, STANDARD, HIGH_VALUE, PREMIUM).
    public var tier: String

    /// Creates a context.
    public init(pageName: String, creatorId: String, tier: String) {
        self.pageName = pageName
        self.creatorId = creatorId
        self.tier = tier
    }
}

/// One learning as a generator agent receives it: `{id, confidence, title, fields}`.
public struct ApplicableLearning: Sendable, Hashable, Codable {
    /// The learning id.
    public var id: String
    /// HIGH (MUST follow) or MEDIUM (SHOULD follow).
    public var confidence: String
    /// The title.
    public var title: String
    /// Whichever of Pattern, Issue, Correction, Insight, Metric Impact and Applies To the entry has.
    public var fields: [String: String]
}

/// The selection a run records: ids in order, file version and hash, and whether it degraded.
public struct LearningSelection: Sendable, Hashable, Codable {
    /// The applicable learnings in section 9 order.
    public var learnings: [ApplicableLearning]
    /// Entries skipped because of their own lint errors.
    public var skippedEntries: Int
    /// Metadata Version (nil when missing or unparsable).
    public var version: String?
    /// SHA-256 (hex) of the bytes read, nil when the file is missing.
    public var sha256: String?
    /// Set when the file is missing, unreadable or has lint errors: the run records `learnings_degraded`.
    public var degradedReason: String?

    /// The learning ids in order (the run's `learning_ids`).
    public var ids: [String] { learnings.map(\.id) }
}

/// Selects the learnings that apply to a creator in a pipeline run (section 9); read-only, never fails.
public enum LearningSelector {
    /// Fields passed to agents.
    public static let agentFields = ["Pattern", "Issue", "Correction", "Insight", "Metric Impact", "Applies To"]

    /// HIGH and MEDIUM entries whose scope is `all`, `tier:<T>` or `creator:<page name or creator_id>`, ordered:
    /// HIGH before MEDIUM; creator, tier, all; newest first; file order. Entries with lint errors are skipped.
    public static func select(from file: LearningsFile, for creator: CreatorLearningContext, today: String)
        -> (learnings: [ApplicableLearning], skipped: Int)
    {
        let linter = LearningsLinter(path: "LEARNINGS.md", today: today)
        var chosen: [(entry: LearningEntry, scopeRank: Int, position: Int)] = []
        var skipped = 0
        for (position, entry) in file.entries.enumerated() where entry.tier == .high || entry.tier == .medium {
            if linter.findings(for: entry, in: file).contains(where: { $0.severity == .error }) {
                skipped += 1
                continue
            }
            let scope = entry.value("Applies To") ?? ""
            let rank: Int
            if scope == "creator:\(creator.pageName)" || scope == "creator:\(creator.creatorId)" {
                rank = 0
            } else if scope == "tier:\(creator.tier)" {
                rank = 1
            } else if scope == "all" {
                rank = 2
            } else {
                continue
            }
            chosen.append((entry, rank, position))
        }
        chosen.sort { a, b in
            let ta = a.entry.tier?.rank ?? 0, tb = b.entry.tier?.rank ?? 0
            if ta != tb { return ta > tb }
            if a.scopeRank != b.scopeRank { return a.scopeRank < b.scopeRank }
            if a.entry.date != b.entry.date { return a.entry.date > b.entry.date }
            return a.position < b.position
        }
        let learnings = chosen.map { item in
            var fields: [String: String] = [:]
            for name in agentFields { if let v = item.entry.value(name) { fields[name] = v } }
            return ApplicableLearning(id: item.entry.id, confidence: item.entry.tier?.rawValue ?? "", title: item.entry.title,
                                      fields: fields)
        }
        return (learnings, skipped)
    }

    /// Reads the file without the lock and selects; a missing or broken file yields a degraded selection.
    public static func load(url: URL, for creator: CreatorLearningContext, today: String) -> LearningSelection {
        LearningsSnapshot.load(url: url, today: today).selection(for: creator)
    }
}
