/// The result of save_schedule (data-model.md §5): success keys, or {success false, error_code,
/// error, ...} on failure.
public struct SaveScheduleResult: Encodable, Sendable, Equatable {
    /// certificate_summary of a success.
    public struct CertificateSummary: Codable, Sendable, Equatable {
        @Nullable public var validation_status: ToolValue?
        @Nullable public var quality_score: ToolValue?
        @Nullable public var items_validated: ToolValue?
        public var is_fresh: Bool
        @Nullable public var age_seconds: Double?
    }

    /// metadata of a success.
    public struct Metadata: Codable, Sendable, Equatable {
        public var saved_at: String
        public var query_ms: Int
        public var schedule_hash: String
        public var previous_schedule_hash: String?
    }

    public var success: Bool
    // Failure keys.
    public var error_code: String?
    public var error: String?
    public var validation_errors: [String]?
    public var existing_template_id: Int?
    public var existing_status: String?
    // Success keys.
    public var schedule_id: Int?
    public var template_id: Int?
    public var items_saved: Int?
    public var creator_id: String?
    public var creator_id_resolved: String?
    public var week_start: String?
    public var week_end: String?
    public var status: String?
    public var has_certificate: Bool?
    public var dry_run: Bool?
    public var replaced: Bool?
    public var previous_template_id: Int?
    public var previous_status: String?
    public var metadata: Metadata?
    public var certificate_summary: CertificateSummary?
    public var warnings: [String]?

    /// A failure with only the contract's failure keys.
    static func failure(_ f: ToolFailure, creatorID: String? = nil) -> SaveScheduleResult {
        var r = SaveScheduleResult(success: false)
        r.error_code = f.code
        r.error = f.message
        r.validation_errors = f.extra["validation_errors"]?.arrayValue?.compactMap(\.stringValue)
        r.creator_id = creatorID
        r.week_start = f.extra["week_start"]?.stringValue
        r.existing_template_id = f.extra["existing_template_id"]?.numberValue.map { Int($0) }
        r.existing_status = f.extra["existing_status"]?.stringValue
        return r
    }

    private init(success: Bool) { self.success = success }

    /// A success; fields are filled by the caller.
    static func succeeded() -> SaveScheduleResult { SaveScheduleResult(success: true) }

    enum Key: String, CodingKey {
        case success, error_code, error, validation_errors, existing_template_id, existing_status, schedule_id
        case template_id, items_saved, creator_id, creator_id_resolved, week_start, week_end, status
        case has_certificate, dry_run, replaced, previous_template_id, previous_status, metadata
        case certificate_summary, warnings
    }

    /// Success results always carry schedule_id, template_id and certificate_summary (null when
    /// absent); failure results only the keys that apply.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(success, forKey: .success)
        try c.encodeIfPresent(error_code, forKey: .error_code)
        try c.encodeIfPresent(error, forKey: .error)
        try c.encodeIfPresent(validation_errors, forKey: .validation_errors)
        try c.encodeIfPresent(existing_template_id, forKey: .existing_template_id)
        try c.encodeIfPresent(existing_status, forKey: .existing_status)
        try c.encodeIfPresent(creator_id, forKey: .creator_id)
        try c.encodeIfPresent(week_start, forKey: .week_start)
        guard success else { return }
        try c.encode(schedule_id, forKey: .schedule_id)
        try c.encode(template_id, forKey: .template_id)
        try c.encodeIfPresent(items_saved, forKey: .items_saved)
        try c.encodeIfPresent(creator_id_resolved, forKey: .creator_id_resolved)
        try c.encodeIfPresent(week_end, forKey: .week_end)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(has_certificate, forKey: .has_certificate)
        try c.encodeIfPresent(dry_run, forKey: .dry_run)
        try c.encodeIfPresent(replaced, forKey: .replaced)
        try c.encodeIfPresent(previous_template_id, forKey: .previous_template_id)
        try c.encodeIfPresent(previous_status, forKey: .previous_status)
        try c.encodeIfPresent(metadata, forKey: .metadata)
        try c.encode(certificate_summary, forKey: .certificate_summary)
        try c.encode(warnings ?? [], forKey: .warnings)
    }
}
