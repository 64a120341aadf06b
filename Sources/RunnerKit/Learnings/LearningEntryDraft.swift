/// An entry as a writer emits it: heading parts plus fields in writer order (2.6).
public struct LearningEntryDraft: Sendable, Hashable {
    /// Heading date.
    public var date: String
    /// Title without the Deprecated suffix.
    public var title: String
    /// Deprecation date for entries in Deprecated.
    public var deprecatedOn: String?
    /// Fields as (name, value) pairs; rendering sorts tier fields into table order.
    public var fields: [(name: String, value: String)]

    /// Creates a draft.
    public init(date: String, title: String, deprecatedOn: String? = nil, fields: [(name: String, value: String)]) {
        self.date = date
        self.title = title
        self.deprecatedOn = deprecatedOn
        self.fields = fields
    }

    /// A draft holding an existing entry's heading and fields.
    public init(_ entry: LearningEntry) {
        self.init(date: entry.date, title: entry.title, deprecatedOn: entry.deprecatedOn,
                  fields: entry.fields.map { ($0.name, $0.value) })
    }

    /// The learning id.
    public var id: String { "\(date)/\(LearningEntry.slug(title))" }

    /// The value of a field.
    public func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Sets (or appends) a field.
    public mutating func set(_ name: String, _ value: String?) {
        guard let value else {
            fields.removeAll { $0.name == name }
            return
        }
        if let index = fields.firstIndex(where: { $0.name == name }) {
            fields[index].value = value
        } else {
            fields.append((name, value))
        }
    }

    /// The heading line.
    public var heading: String {
        "### [\(date)] \(title)" + (deprecatedOn.map { " (Deprecated: \($0))" } ?? "")
    }

    /// Heading plus field lines: tier fields in table order (Source, Violation Code, Quality Score and
    /// Sample Size on one line), then extension and unknown fields in their given order.
    public var lines: [String] {
        var out = [heading]
        let order = LearningsVocabulary.tierFields
        var groupedEmitted = false
        for name in order {
            if LearningsVocabulary.groupedFields.contains(name) {
                guard !groupedEmitted else { continue }
                groupedEmitted = true
                let segments = LearningsVocabulary.groupedFields.compactMap { n in value(n).map { "**\(n)**: \($0)" } }
                if !segments.isEmpty { out.append(segments.joined(separator: " | ")) }
                continue
            }
            if let v = value(name) { out.append("**\(name)**: \(v)") }
        }
        for field in fields where !order.contains(field.name) {
            out.append("**\(field.name)**: \(field.value)")
        }
        return out
    }

    /// Drafts are equal when they render the same lines.
    public static func == (a: LearningEntryDraft, b: LearningEntryDraft) -> Bool {
        a.lines == b.lines
    }

    /// Hashes the rendered lines.
    public func hash(into hasher: inout Hasher) { hasher.combine(lines) }
}
