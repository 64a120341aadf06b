/// A schema-checked response of the agent protocol (config.md §3).
public enum AgentProtocolResponse: Sendable, Hashable {
    /// A generator's schedule output (schedule-domain.md §6.1), as the agent wrote it.
    case schedule(ToolValue)
    /// A validator's verdict.
    case verdict(AgentVerdict)

    /// The schedule, for a generator's response.
    public var schedule: ToolValue? { if case .schedule(let value) = self { value } else { nil } }
    /// The verdict, for a validator's response.
    public var verdict: AgentVerdict? { if case .verdict(let value) = self { value } else { nil } }
}

/// An external validator's judgement of one schedule.
public struct AgentVerdict: Sendable, Hashable {
    /// The agent's `validation_status`.
    public var status: ValidationStatus
    /// The agent's `quality_score`, in [0, 100].
    public var qualityScore: Double
    /// The agent's violations.
    public var violations: [AgentViolation]
    /// The agent's recommendations.
    public var recommendations: [String]

    /// Creates a verdict.
    public init(status: ValidationStatus, qualityScore: Double, violations: [AgentViolation] = [], recommendations: [String] = []) {
        self.status = status
        self.qualityScore = qualityScore
        self.violations = violations
        self.recommendations = recommendations
    }
}

/// One violation reported by an external validator.
public struct AgentViolation: Sendable, Hashable {
    /// Its code.
    public var code: String
    /// What is wrong.
    public var message: String
    /// Index into items followed by follow-ups, or nil for the whole schedule.
    public var itemIndex: Int?

    /// Creates a violation.
    public init(code: String, message: String, itemIndex: Int? = nil) {
        self.code = code
        self.message = message
        self.itemIndex = itemIndex
    }
}

extension AgentVerdict {
    /// The verdict as the schedule domain combines it with the built-in gates (§7.4); the
    /// agent's violations carry severity `reject` when it rejected, `review` otherwise.
    public var externalVerdict: ExternalVerdict {
        let severity = status == .rejected ? "reject" : "review"
        return ExternalVerdict(
            validationStatus: status, qualityScore: qualityScore,
            violations: violations.map {
                Violation(code: $0.code, message: $0.message, itemIndex: $0.itemIndex, severity: severity)
            },
            recommendations: recommendations)
    }
}
