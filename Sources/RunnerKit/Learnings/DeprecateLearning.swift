import Foundation

/// `runner learnings deprecate ID --reason TEXT`: move an active entry to Deprecated (6.6).
public struct DeprecateLearning: Sendable {
    /// The learning id.
    public var id: String
    /// Reason; must start with Superseded, Invalidated or Expired.
    public var reason: String?
    /// The id of the entry that supersedes this one (only with Superseded).
    public var supersededBy: String?
    /// Original text; defaults to the entry's main statement.
    public var original: String?

    /// Creates a request.
    public init(id: String, reason: String?, supersededBy: String? = nil, original: String? = nil) {
        self.id = id
        self.reason = reason
        self.supersededBy = supersededBy
        self.original = original
    }

    /// Builds the change; unmet preconditions refuse with exit 2.
    public func change(to file: LearningsFile, today: String) throws -> LearningsChange {
        guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LearningsError.refused("deprecate needs --reason (starting with Superseded, Invalidated or Expired)")
        }
        guard LearningFieldRules.isValidReason(reason) else {
            throw LearningsError.refused("--reason must start with Superseded, Invalidated or Expired, got '\(reason)'")
        }
        guard let entry = file.entry(id: id) else { throw LearningsError.unknownId(id) }
        guard let tier = entry.tier, tier.isActive else {
            throw LearningsError.refused("learning \(id) is not active, so it cannot be deprecated")
        }
        var successor: LearningEntry?
        if reason.hasPrefix("Superseded") {
            guard let supersededBy else { throw LearningsError.refused("a Superseded reason needs --superseded-by ID") }
            guard let other = file.entry(id: supersededBy) else { throw LearningsError.unknownId(supersededBy) }
            guard other.isActive, other.id != id else {
                throw LearningsError.refused("--superseded-by must name another active entry, \(supersededBy) is not one")
            }
            successor = other
        } else if supersededBy != nil {
            throw LearningsError.refused("--superseded-by is only allowed with a Superseded reason")
        }
        let main: String? = switch tier {
        case .high: entry.value("Correction")
        case .medium: entry.value("Pattern")
        default: entry.value("Observation")
        }
        var fields: [(name: String, value: String)] = []
        if let text = original ?? main { fields.append(("Original", text)) }
        fields.append(("Reason", reason))
        if let successor { fields.append(("Superseded By", successor.label)) }
        for name in ["Source", "Applies To"] { if let v = entry.value(name) { fields.append((name, v)) } }
        for field in entry.fields where !LearningsVocabulary.tierFields.contains(field.name) {
            fields.append((field.name, field.value))
        }
        let draft = LearningEntryDraft(date: entry.date, title: entry.title, deprecatedOn: today, fields: fields)
        var editor = LearningsEditor(file.document)
        try editor.removeEntry(id: id)
        try editor.insertEntry(draft.lines, into: .deprecated)
        try editor.insertChangelogRow(ChangelogRow.format(
            date: today, action: "DEPRECATED", learning: entry.title, confidence: tier.rawValue, source: "user"))
        return LearningsChange(
            document: editor.document, targets: [id],
            commitMessage: LearningsCommitMessage.deprecate(entry: entry, reason: reason),
            summary: ["DEPRECATED \(tier.rawValue) \(id)"])
    }
}
