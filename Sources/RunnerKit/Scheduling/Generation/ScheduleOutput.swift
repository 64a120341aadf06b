/// A generation warning (`VOLUME_CAPPED` or `CAPTION_POOL_EMPTY`).
public struct GenerationWarning: Sendable, Equatable, Codable {
    public var code: String
    public var date: DayDate
    public var category: SendCategory
    public var sendTypeKey: SendTypeKey?
    public var count: Int
    /// capacity, daily_limit, placement or caption.
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case code, date, category, sendTypeKey = "send_type_key", count, reason
    }

    /// Creates a warning.
    public init(code: String, date: DayDate, category: SendCategory, sendTypeKey: SendTypeKey?, count: Int, reason: String) {
        self.code = code
        self.date = date
        self.category = category
        self.sendTypeKey = sendTypeKey
        self.count = count
        self.reason = reason
    }

    static func capped(_ date: DayDate, _ category: SendCategory, _ key: SendTypeKey?, _ count: Int, _ reason: String)
        -> GenerationWarning
    {
        GenerationWarning(code: "VOLUME_CAPPED", date: date, category: category, sendTypeKey: key, count: count, reason: reason)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(date, forKey: .date)
        try c.encode(category, forKey: .category)
        try c.encode(sendTypeKey, forKey: .sendTypeKey)
        try c.encode(count, forKey: .count)
        try c.encode(reason, forKey: .reason)
    }
}

/// The schedule output of schedule-domain §6.1: the `schedule` artifact.
public struct ScheduleOutput: Sendable, Equatable {
    public var creatorId: String?
    public var weekStart: String?
    public var timezone: String?
    public var items: [ScheduleEntry]
    public var followups: [ScheduleEntry]
    public var warnings: [GenerationWarning]
    /// Top-level shape problems found while decoding (not encoded).
    public var shapeProblems: [String] = []

    /// Creates an output.
    public init(
        creatorId: String?, weekStart: String?, timezone: String?, items: [ScheduleEntry], followups: [ScheduleEntry],
        warnings: [GenerationWarning] = []
    ) {
        self.creatorId = creatorId
        self.weekStart = weekStart
        self.timezone = timezone
        self.items = items
        self.followups = followups
        self.warnings = warnings
    }

    /// Items followed by follow-ups: the saved list.
    public var savedList: [ScheduleEntry] { items + followups }

    /// schedule_hash over the saved list (§10.8).
    public var scheduleHash: String { ScheduleHashing.scheduleHash(savedList) }
}

extension ScheduleOutput: Codable {
    enum CodingKeys: String, CodingKey {
        case creatorId = "creator_id", weekStart = "week_start", timezone, items, followups, warnings
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems: [String] = []
        func list(_ key: CodingKeys) -> [ScheduleEntry] {
            guard c.contains(key), (try? c.decodeNil(forKey: key)) == false else {
                problems.append("\(key.rawValue) must be a list")
                return []
            }
            guard let entries = try? c.decode([ScheduleEntry].self, forKey: key) else {
                problems.append("\(key.rawValue) must be a list")
                return []
            }
            return entries
        }
        let items = list(.items)
        let followups = list(.followups)
        self.init(
            creatorId: try? c.decodeIfPresent(String.self, forKey: .creatorId),
            weekStart: try? c.decodeIfPresent(String.self, forKey: .weekStart),
            timezone: try? c.decodeIfPresent(String.self, forKey: .timezone), items: items, followups: followups,
            warnings: (try? c.decodeIfPresent([GenerationWarning].self, forKey: .warnings)) ?? [])
        shapeProblems = problems
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(creatorId, forKey: .creatorId)
        try c.encode(weekStart, forKey: .weekStart)
        try c.encode(timezone, forKey: .timezone)
        try c.encode(items, forKey: .items)
        try c.encode(followups, forKey: .followups)
        try c.encode(warnings, forKey: .warnings)
    }
}

extension ScheduleHashing {
    /// schedule_hash (§10.8) of the entries: a missing key renders empty, a null value `None`.
    public static func scheduleHash(_ entries: [ScheduleEntry]) -> String {
        scheduleHash(
            rows: entries.map { e in
                (
                    e.sortKey,
                    [
                        text(e.sendTypeKey, "send_type_key", e), text(e.scheduledDate, "scheduled_date", e),
                        text(e.scheduledTime, "scheduled_time", e), text(e.contentType, "content_type", e),
                        e.price.map(ScheduleHashing.pythonFloat) ?? absent("price", e),
                        e.captionId.map(String.init) ?? absent("caption_id", e),
                    ]
                )
            })
    }

    /// schedule_hash (§10.8) of rendered rows, the one implementation for entries and for saved
    /// JSON items: H16 over the rows sorted stably by (date, time) (a missing date or time sorts
    /// as empty), fields joined by `|`, rows by a newline; `sha256:empty` when there are none.
    static func scheduleHash(rows: [(sortKey: (String, String), fields: [String])]) -> String {
        guard !rows.isEmpty else { return "sha256:empty" }
        let sorted = rows.enumerated().sorted { a, b in
            a.element.sortKey != b.element.sortKey ? a.element.sortKey < b.element.sortKey : a.offset < b.offset
        }
        var text = ""
        text.reserveCapacity(rows.count * 72)
        for (n, row) in sorted.enumerated() {
            if n > 0 { text += "\n" }
            text += row.element.fields.joined(separator: "|")
        }
        return h16(text)
    }

    private static func text(_ value: String?, _ key: String, _ entry: ScheduleEntry) -> String {
        value ?? absent(key, entry)
    }

    /// A missing key renders empty; a null value renders `None`.
    private static func absent(_ key: String, _ entry: ScheduleEntry) -> String {
        if let present = entry.presentKeys, !present.contains(key) { return "" }
        return "None"
    }
}
