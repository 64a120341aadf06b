/// `runner learnings promote ID --to MEDIUM|HIGH`: one step up, same id (6.5).
public struct PromoteLearning: Sendable {
    /// The learning id.
    public var id: String
    /// Target section.
    public var to: LearningTier
    /// Why (required for MEDIUM to HIGH; recorded in Note when given).
    public var reason: String?
    /// Overrides and additions: Pattern, Insight, Issue, Correction, Quality Score, Metric Impact, Violation Code.
    public var overrides: [String: String]

    /// Creates a request.
    public init(id: String, to: LearningTier, reason: String? = nil, overrides: [String: String] = [:]) {
        self.id = id
        self.to = to
        self.reason = reason
        self.overrides = overrides
    }

    /// Builds the change; unmet preconditions refuse with exit 2.
    public func change(to file: LearningsFile, today: String) throws -> LearningsChange {
        guard let entry = file.entry(id: id) else { throw LearningsError.unknownId(id) }
        guard let from = entry.tier, from.isActive else {
            throw LearningsError.refused("learning \(id) is not active (only HIGH, MEDIUM and LOW entries can be promoted)")
        }
        guard to.isActive, to.rank == from.rank + 1 else {
            throw LearningsError.refused("promotion moves one step only: \(from.rawValue) can go to \(from == .low ? "MEDIUM" : "HIGH"), not \(to.rawValue)")
        }
        var draft = LearningEntryDraft(entry)
        let source = entry.value("Source")
        if from == .low {
            try promoteToMedium(&draft, entry: entry, file: file, source: source)
        } else {
            try promoteToHigh(&draft, entry: entry, source: source)
        }
        if let reason {
            let note = "Promoted \(from.rawValue)→\(to.rawValue) on \(today) - \(reason)"
            draft.set("Note", draft.value("Note").map { "\($0); \(note)" } ?? note)
        }
        var editor = LearningsEditor(file.document)
        try editor.removeEntry(id: id)
        try editor.insertEntry(draft.lines, into: to)
        try editor.insertChangelogRow(ChangelogRow.format(
            date: today, action: "PROMOTED", learning: entry.title, confidence: "\(from.rawValue)→\(to.rawValue)",
            source: "user"))
        return LearningsChange(
            document: editor.document, targets: [id],
            commitMessage: LearningsCommitMessage.promote(entry: entry, from: from, to: to, reason: reason),
            summary: ["PROMOTED \(from.rawValue) -> \(to.rawValue) \(id)"])
    }

    private func promoteToMedium(_ draft: inout LearningEntryDraft, entry: LearningEntry, file: LearningsFile,
                                 source: String?) throws {
        let sample = entry.sampleSize ?? 0
        guard sample >= 10 else { throw LearningsError.refused("cannot promote \(id) to MEDIUM: sample \(sample) < 10") }
        if let blocker = file.entries(in: .high).first(where: { LearningConflicts.conflict($0, entry) }) {
            throw LearningsError.refused("cannot promote \(id): it conflicts with HIGH entry \(blocker.label)")
        }
        draft.set("Pattern", overrides["Pattern"] ?? entry.value("Observation"))
        draft.set("Insight", overrides["Insight"] ?? entry.value("Hypothesis"))
        draft.set("Observation", nil)
        draft.set("Hypothesis", nil)
        draft.set("Promote When", nil)
        if source == "validation" {
            guard let score = overrides["Quality Score"], let n = LearningFieldRules.qualityScore(score), n >= 85 else {
                throw LearningsError.refused("promoting a validation entry to MEDIUM needs --quality-score of at least 85")
            }
            draft.set("Quality Score", score)
        } else if let score = overrides["Quality Score"] {
            draft.set("Quality Score", score)
        }
        if let impact = overrides["Metric Impact"] {
            draft.set("Metric Impact", impact)
        } else if source == "performance", entry.value("Metric Impact") == nil {
            throw LearningsError.refused("promoting a performance entry to MEDIUM needs --metric-impact")
        }
    }

    private func promoteToHigh(_ draft: inout LearningEntryDraft, entry: LearningEntry, source: String?) throws {
        guard reason != nil else { throw LearningsError.refused("promoting MEDIUM to HIGH needs --reason") }
        guard source != "performance" else {
            throw LearningsError.refused("cannot promote \(id) to HIGH: HIGH allows only Source validation or user, not performance")
        }
        guard let issue = overrides["Issue"], let correction = overrides["Correction"] else {
            throw LearningsError.refused("promoting MEDIUM to HIGH needs --issue and --correction")
        }
        draft.set("Issue", issue)
        draft.set("Correction", correction)
        if let code = overrides["Violation Code"] {
            draft.set("Violation Code", code)
        } else if source == "validation", entry.value("Violation Code") == nil {
            throw LearningsError.refused("promoting a validation entry to HIGH needs --violation-code")
        }
        for name in ["Pattern", "Insight", "Quality Score", "Metric Impact"] {
            if let value = overrides[name] { draft.set(name, value) }
        }
    }
}
