/// A validation status, ordered APPROVED > NEEDS_REVIEW > REJECTED.
public enum ValidationStatus: String, Sendable, Codable, Comparable {
    case approved = "APPROVED", needsReview = "NEEDS_REVIEW", rejected = "REJECTED"

    var rank: Int {
        switch self {
        case .rejected: 0
        case .needsReview: 1
        case .approved: 2
        }
    }

    public static func < (lhs: ValidationStatus, rhs: ValidationStatus) -> Bool { lhs.rank < rhs.rank }

    /// The status band of a score when every gate passed: ≥ 75 APPROVED, 60–74 NEEDS_REVIEW.
    public static func band(score: Int) -> ValidationStatus {
        score >= 75 ? .approved : (score >= 60 ? .needsReview : .rejected)
    }
}

/// One finding of the validator.
public struct Violation: Sendable, Equatable, Codable {
    public var code: String
    public var message: String
    /// Index in the saved list (items, then follow-ups), nil for schedule-wide findings.
    public var itemIndex: Int?
    /// `reject` or `review`.
    public var severity: String
    /// How many violations this finding counts for (unmet minima, exceeded caps); 1 by default.
    public var count: Int

    enum CodingKeys: String, CodingKey {
        case code, message, itemIndex = "item_index", severity, count
    }

    /// Creates a finding.
    public init(code: String, message: String, itemIndex: Int?, severity: String = "reject", count: Int = 1) {
        self.code = code
        self.message = message
        self.itemIndex = itemIndex
        self.severity = severity
        self.count = count
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message)
        try c.encode(itemIndex, forKey: .itemIndex)
        try c.encode(severity, forKey: .severity)
        try c.encode(count, forKey: .count)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        message = try c.decodeIfPresent(String.self, forKey: .message) ?? ""
        itemIndex = try c.decodeIfPresent(Int.self, forKey: .itemIndex)
        severity = try c.decodeIfPresent(String.self, forKey: .severity) ?? "reject"
        count = try c.decodeIfPresent(Int.self, forKey: .count) ?? 1
    }
}

/// The rubric components (§8.1).
public struct ComponentScores: Sendable, Equatable, Codable {
    public var vault: Double
    public var avoid: Double
    public var diversity: Double
    public var timing: Double
    public var pricing: Double

    /// All zero (a rejected schedule).
    public static let zero = ComponentScores(vault: 0, avoid: 0, diversity: 0, timing: 0, pricing: 0)

    /// The sum of the components.
    public var total: Double { vault + avoid + diversity + timing + pricing }
}

/// The hard-gate codes in gate order.
public enum HardGateCode {
    public static let all = [
        "VAULT_VIOLATION", "AVOID_TIER_VIOLATION", "PAGE_TYPE_VIOLATION", "INSUFFICIENT_DIVERSITY",
        "FLYER_REQUIREMENT_VIOLATION", "TIMING_COLLISION", "PRICE_OUT_OF_BOUNDS",
    ]
}

/// The validation certificate of schedule-domain §9.
public struct ValidationCertificate: Sendable, Equatable, Codable {
    public var certificateVersion: String
    public var creatorId: String
    public var validationTimestamp: String
    public var scheduleHash: String
    public var vaultTypesHash: String
    public var avoidTypesHash: String
    public var itemsValidated: Int
    public var qualityScore: Int
    public var validationStatus: ValidationStatus
    public var checksPerformed: [String: Bool]
    public var violationsFound: [String: Int]
    public var recommendations: [String]
    public var upstreamProofVerified: Bool
    public var certificateSignature: String

    enum CodingKeys: String, CodingKey {
        case certificateVersion = "certificate_version", creatorId = "creator_id"
        case validationTimestamp = "validation_timestamp", scheduleHash = "schedule_hash"
        case vaultTypesHash = "vault_types_hash", avoidTypesHash = "avoid_types_hash"
        case itemsValidated = "items_validated", qualityScore = "quality_score"
        case validationStatus = "validation_status", checksPerformed = "checks_performed"
        case violationsFound = "violations_found", recommendations
        case upstreamProofVerified = "upstream_proof_verified", certificateSignature = "certificate_signature"
    }
}

/// The `certificate` artifact: the validator's full result (§7.3).
public struct ValidationResult: Sendable, Equatable, Codable {
    public var validationStatus: ValidationStatus
    public var qualityScore: Int
    public var componentScores: ComponentScores
    public var violations: [Violation]
    public var recommendations: [String]
    public var warnings: [String]
    public var certificate: ValidationCertificate

    enum CodingKeys: String, CodingKey {
        case validationStatus = "validation_status", qualityScore = "quality_score"
        case componentScores = "component_scores", violations, recommendations, warnings, certificate
    }

    /// True when a structural or hard-gate violation is present.
    public var hasGateViolation: Bool {
        violations.contains { $0.code == "VALIDATION_ERROR" || HardGateCode.all.contains($0.code) }
    }
}

/// An external validator's answer (config.md §3 agent protocol).
public struct ExternalVerdict: Sendable, Equatable, Codable {
    public var validationStatus: ValidationStatus
    public var qualityScore: Double
    public var violations: [Violation]
    public var recommendations: [String]

    enum CodingKeys: String, CodingKey {
        case validationStatus = "validation_status", qualityScore = "quality_score", violations, recommendations
    }

    /// Creates a verdict.
    public init(validationStatus: ValidationStatus, qualityScore: Double, violations: [Violation], recommendations: [String]) {
        self.validationStatus = validationStatus
        self.qualityScore = qualityScore
        self.violations = violations
        self.recommendations = recommendations
    }
}
