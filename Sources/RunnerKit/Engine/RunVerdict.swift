/// What a finished pipeline says about its schedule: the certificate, the save and the size.
public struct RunVerdict: Sendable, Hashable {
    /// APPROVED, NEEDS_REVIEW or REJECTED; nil when no certificate was issued.
    public var validationStatus: String?
    /// The certificate's score.
    public var qualityScore: Double?
    /// The validator's structured codes, sorted.
    public var gateCodes: [String]
    /// Each violation with its message and item index.
    public var violations: [ViolationReport]
    /// Items plus follow-ups of the schedule.
    public var totalItems: Int?
    /// The saved schedule's id (nil for a dry run).
    public var scheduleId: Int64?
    /// The save step's schedule hash (real or dry run).
    public var scheduleHash: String?
    /// The validator's verdicts with their offending subjects, for learning signals (learnings.md
    /// §5.1); filled by runners that know the typed certificate, empty otherwise.
    public var validatorOutcomes: [ValidatorOutcome] = []

    /// Creates a verdict.
    public init(
        validationStatus: String? = nil, qualityScore: Double? = nil, gateCodes: [String] = [],
        violations: [ViolationReport] = [], totalItems: Int? = nil, scheduleId: Int64? = nil,
        scheduleHash: String? = nil
    ) {
        self.validationStatus = validationStatus
        self.qualityScore = qualityScore
        self.gateCodes = gateCodes.sorted()
        self.violations = violations
        self.totalItems = totalItems
        self.scheduleId = scheduleId
        self.scheduleHash = scheduleHash
    }

    /// The seven hard-gate codes (schedule-domain.md §7.2).
    public static let hardGateCodes: Set<String> = [
        "VAULT_VIOLATION", "AVOID_TIER_VIOLATION", "PAGE_TYPE_VIOLATION", "INSUFFICIENT_DIVERSITY",
        "FLYER_REQUIREMENT_VIOLATION", "TIMING_COLLISION", "PRICE_OUT_OF_BOUNDS",
    ]

    /// Whether any gate code is a hard gate.
    public var hasHardGateViolation: Bool { gateCodes.contains { Self.hardGateCodes.contains($0) } }

    /// Reads the verdict from the exposed fields: the last succeeded phase exposing
    /// `quality_score` is the certificate; `schedule_id` / `schedule_hash` come from the save;
    /// `items` from the last phase exposing it.
    public static func fromFields<Value>(_ outcome: PipelineOutcome<StepOutput<Value>>) -> RunVerdict {
        var verdict = RunVerdict()
        for phase in outcome.phases where phase.status == .succeeded {
            guard let fields = phase.output?.fields else { continue }
            if let score = fields["quality_score"]?.numericValue {
                verdict.qualityScore = score
                verdict.validationStatus = fields["status"]?.description
                if case .list(let codes) = fields["violations"] { verdict.gateCodes = codes.map(\.description).sorted() }
            }
            if let items = fields["items"]?.numericValue { verdict.totalItems = Int(items) }
            if let id = fields["schedule_id"]?.numericValue { verdict.scheduleId = Int64(id) }
            if case .text(let hash) = fields["schedule_hash"] { verdict.scheduleHash = hash }
        }
        return verdict
    }
}

/// One violation of a schedule, as `execute` prints it.
public struct ViolationReport: Sendable, Hashable, Codable {
    /// The structured code.
    public var code: String
    /// What is wrong.
    public var message: String
    /// Index into items followed by follow-ups, or nil.
    public var itemIndex: Int?

    /// Creates a violation.
    public init(code: String, message: String, itemIndex: Int?) {
        self.code = code
        self.message = message
        self.itemIndex = itemIndex
    }

    private enum CodingKeys: String, CodingKey {
        case code, message
        case itemIndex = "item_index"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(itemIndex, forKey: .itemIndex)
    }
}

extension StepRunner {
    /// The verdict of a finished run; by default read from the exposed fields.
    public func verdict(of outcome: PipelineOutcome<StepOutput<Value>>) -> RunVerdict {
        RunVerdict.fromFields(outcome)
    }
}
