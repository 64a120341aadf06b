import GRDB

/// Writes the sample dataset row by row inside the caller's transaction (data-model.md §6),
/// keeping the facts later tables depend on (vaults, AVOID lists, captions).
struct SampleBuilder {
    let db: Database
    let asOf: CivilDay
    /// T0 = as_of at 12:00:00.000Z.
    let t0: Instant
    /// The Monday on or before as_of.
    let week: CivilDay
    let roster: [SampleCreator]

    /// Allowed (has_content = 1) content type ids per page, ascending.
    var allowed: [String: [Int]] = [:]
    /// AVOID type names of the latest rankings snapshot per page.
    var avoid: [String: Set<String>] = [:]
    /// Generated captions: id, send type key, content type id, active.
    var captions: [(id: Int, type: String, content: Int?, active: Bool, schedulable: String?)] = []
    /// Earnings per bucket per page, for the health self-check.
    var healthInput: [String: [(day: CivilDay, cents: Int)]] = [:]

    init(db: Database, asOf: CivilDay, creatorCount: Int) {
        self.db = db
        self.asOf = asOf
        self.t0 = Instant(day: asOf, seconds: 12 * 3600)
        self.week = asOf.mondayOnOrBefore
        self.roster = SampleRoster.roster(count: creatorCount)
    }

    /// T0 minus `days` (fractional allowed).
    func t0Minus(days: Double) -> String { t0.adding(seconds: -days * 86400).string }

    /// T0 plus `days`.
    func t0Plus(days: Double) -> String { t0.adding(seconds: days * 86400).string }

    /// Content type id (1-based) of a name.
    func typeID(_ name: String) -> Int {
        SampleRoster.contentTypes.firstIndex { $0.name == name }! + 1
    }

    /// Content type name of an id.
    func typeName(_ id: Int) -> String { SampleRoster.contentTypes[id - 1].name }

    /// Inserts one row through a cached prepared statement.
    func insert(_ table: String, _ columns: [String], _ values: [(any DatabaseValueConvertible)?]) throws {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values))
    }

    /// Runs every recipe in dependency order.
    mutating func build() throws {
        try insertContentTypes()
        try insertSendTypes()
        try insertCreators()
        try insertAssignments()
        try insertMassMessages()
        try insertVaults()
        try insertRankings()
        try insertPersonas()
        try insertCaptions()
        try insertCaptionPerformance()
        try insertTriggers()
        try insertSchedules()
        try verifyHealth()
    }

    private func insertContentTypes() throws {
        for (i, t) in SampleRoster.contentTypes.enumerated() {
            try insert(
                "content_types", ["content_type_id", "type_name", "type_category", "is_explicit"],
                [i + 1, t.name, t.category, t.explicit])
        }
    }

    private func insertSendTypes() throws {
        let columns = [
            "send_type_id", "send_type_key", "display_name", "category", "page_type_restriction", "description",
            "purpose", "strategy", "requires_media", "requires_flyer", "requires_price", "requires_link",
            "has_expiration", "default_expiration_hours", "can_have_followup", "followup_delay_minutes",
            "caption_length", "emoji_recommendation", "max_per_day", "max_per_week", "min_hours_between",
            "sort_order", "is_active", "priority_score", "allocation_weight", "fatigue_score", "fatigue_multiplier",
            "revenue_weight", "engagement_weight", "retention_weight", "cooldown_category",
            "cooldown_after_engagement_min", "cooldown_after_revenue_min", "audience_segment", "ab_test_eligible",
            "current_experiment_id", "min_subscriber_tenure_days", "primary_channel_key", "secondary_channel_key",
            "primary_channel_weight", "wall_delivery_page_type", "wall_content_level", "supports_link_drop_promo",
            "channel_distribution", "hybrid_split", "page_type_lock", "drip_window_allowed", "drip_window_triggers",
            "schema_version", "created_at", "updated_at", "deprecated_at", "replacement_send_type_id",
        ]
        var order = ["revenue": 0, "engagement": 0, "retention": 0]
        let base = ["revenue": 10, "engagement": 100, "retention": 200]
        let created = t0Minus(days: 365)
        for (i, e) in SampleSendTypes.entries.enumerated() {
            let sort = base[e.category]! + order[e.category]! * 10
            order[e.category]! += 1
            let link = e.key.contains("link") ? 1 : 0
            let values: [(any DatabaseValueConvertible)?] = [
                i + 1, e.key, SampleSendTypes.displayName(e.key), e.category, e.page, "", "", "",
                e.media, e.flyer, e.price, link, 0, nil, e.followup, e.followup == 1 ? 28 : nil,
                "medium", "", e.maxDay, e.maxWeek, e.gap, sort, 1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, "",
                0, 0, "", 0, nil, 0, SampleSendTypes.channel(e.key), nil, 1.0, nil, nil, 0, "{}", "{}", 0, 0,
                "[]", 1, created, created, nil, nil,
            ]
            try insert("send_types", columns, values)
        }
        var legacy: [(any DatabaseValueConvertible)?] = [
            23, "ppv_message", "Ppv Message", "revenue", "both", "", "", "", 1, 1, 1, 0, 0, nil, 1, 28,
            "medium", "", 4, nil, 2.0, 95, 0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, "", 0, 0, "", 0, nil, 0,
            "mass_message", nil, 1.0, nil, nil, 0, "{}", "{}", 0, 0, "[]", 1, created, created,
        ]
        legacy.append(t0Minus(days: 180))
        legacy.append(1)
        try insert("send_types", columns, legacy)
    }
}
