/// One request of the agent protocol, version 1 (config.md §3): what an external agent reads
/// on stdin.
public struct AgentProtocolRequest: Sendable, Hashable {
    /// The protocol version this runner speaks.
    public static let version = 1

    /// `generator` or `validator`.
    public var role: AgentRole
    /// The agent's name in the agents file.
    public var agent: String
    /// The phase's `with.model`, or nil.
    public var model: String?
    /// The resolved canonical creator id.
    public var creatorId: String
    /// The creator's page name.
    public var pageName: String
    /// `YYYY-MM-DD`.
    public var weekStart: String
    /// The creator context of schedule-domain.md §2, as `runner diagnose preflight --format json` prints it.
    public var context: ToolValue
    /// Validator only: the schedule output to judge (nil for a generator).
    public var schedule: ToolValue?
    /// Generator only: the applicable learnings (always empty for a validator).
    public var learnings: [AgentLearning]
    /// The contents of the agent's prompt file, or nil.
    public var prompt: String?

    /// Creates a request; a validator's learnings are dropped, a generator's schedule is dropped.
    public init(
        role: AgentRole, agent: String, model: String?, creatorId: String, pageName: String, weekStart: String,
        context: ToolValue, schedule: ToolValue? = nil, learnings: [AgentLearning] = [], prompt: String? = nil
    ) {
        self.role = role
        self.agent = agent
        self.model = model
        self.creatorId = creatorId
        self.pageName = pageName
        self.weekStart = weekStart
        self.context = context
        self.schedule = role == .validator ? schedule : nil
        self.learnings = role == .generator ? learnings : []
        self.prompt = prompt
    }

    /// The request as one JSON object (every key present, absent values null).
    public var jsonValue: ToolValue {
        .object([
            "protocol": .number(Double(Self.version)),
            "role": .string(role.rawValue),
            "agent": .string(agent),
            "model": model.map(ToolValue.string) ?? .null,
            "creator_id": .string(creatorId),
            "page_name": .string(pageName),
            "week_start": .string(weekStart),
            "context": context,
            "schedule": schedule ?? .null,
            "learnings": .array(learnings.map(\.jsonValue)),
            "prompt": prompt.map(ToolValue.string) ?? .null,
        ])
    }

    /// The UTF-8 bytes written to the agent's stdin, newline-terminated.
    public var stdinBytes: [UInt8] { Array((jsonValue.canonicalJSON() + "\n").utf8) }

    /// The number of entries (items then follow-ups) of the judged schedule, for `item_index` checks.
    var judgedEntryCount: Int? {
        guard let schedule, let items = schedule["items"]?.arrayValue else { return nil }
        return items.count + (schedule["followups"]?.arrayValue?.count ?? 0)
    }
}

/// A learning as an external generator receives it (learnings.md §9).
public struct AgentLearning: Sendable, Hashable {
    /// The learning id.
    public var id: String
    /// HIGH (must follow) or MEDIUM (should follow).
    public var confidence: String
    /// The title.
    public var title: String
    /// Whichever of Pattern, Issue, Correction, Insight, Metric Impact and Applies To it has.
    public var fields: [String: String]

    /// Creates a learning entry.
    public init(id: String, confidence: String, title: String, fields: [String: String]) {
        self.id = id
        self.confidence = confidence
        self.title = title
        self.fields = fields
    }

    /// `{id, confidence, title, fields}`.
    public var jsonValue: ToolValue {
        .object([
            "id": .string(id), "confidence": .string(confidence), "title": .string(title),
            "fields": .object(fields.mapValues(ToolValue.string)),
        ])
    }
}
