/// `runner learnings add`: one new entry at the top of its section (6.4).
public struct AddLearning: Sendable {
    /// Target section.
    public var confidence: LearningTier
    /// Entry title.
    public var title: String
    /// Heading date; nil means today.
    public var date: String?
    /// Field values keyed by field name (tier fields and `--field` extensions), in the order given.
    public var fields: [(name: String, value: String)]

    /// Creates a request.
    public init(confidence: LearningTier, title: String, date: String? = nil, fields: [(name: String, value: String)]) {
        self.confidence = confidence
        self.title = title
        self.date = date
        self.fields = fields
    }

    /// The default Promote When of LOW entries.
    public static let defaultPromoteWhen = "Sample >= 10 AND 80% consistent"

    /// Builds the change; refuses bad dates (exit 2). Field errors surface as lint errors of the result.
    public func change(to file: LearningsFile, today: String) throws -> LearningsChange {
        guard confidence != .deprecated else { throw LearningsError.refused("--confidence must be HIGH, MEDIUM or LOW") }
        let day = date ?? today
        guard LearningsDates.isValid(day) else { throw LearningsError.refused("--date '\(day)' is not a YYYY-MM-DD date") }
        guard day <= today else { throw LearningsError.refused("--date \(day) is in the future (today is \(today))") }
        var draft = LearningEntryDraft(date: day, title: title, fields: fields)
        if confidence == .low, draft.value("Promote When") == nil { draft.set("Promote When", Self.defaultPromoteWhen) }
        if file.entry(id: draft.id) != nil {
            throw LearningsError.resultHasErrors([.error("L035", "an entry with id \(draft.id) already exists",
                                                          at: SourceLocation(file: "LEARNINGS.md"))])
        }
        var editor = LearningsEditor(file.document)
        try editor.insertEntry(draft.lines, into: confidence)
        let row = ChangelogRow.format(date: today, action: "ADDED", learning: title, confidence: confidence.rawValue,
                                      source: draft.value("Source") ?? "user")
        try editor.insertChangelogRow(row)
        return LearningsChange(
            document: editor.document, targets: [draft.id],
            commitMessage: LearningsCommitMessage.add(title: title, tier: confidence),
            summary: ["ADDED \(confidence.rawValue) \(draft.id)"])
    }
}
