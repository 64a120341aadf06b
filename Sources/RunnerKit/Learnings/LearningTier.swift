/// The four learning sections of LEARNINGS.md, highest confidence first.
public enum LearningTier: String, Sendable, Hashable, CaseIterable, Codable {
    case high = "HIGH"
    case medium = "MEDIUM"
    case low = "LOW"
    case deprecated = "DEPRECATED"

    /// The active tiers, in file order.
    public static let active: [LearningTier] = [.high, .medium, .low]

    /// The section's H2 heading text.
    public var heading: String {
        switch self {
        case .high: "## HIGH Confidence Learnings"
        case .medium: "## MEDIUM Confidence Learnings"
        case .low: "## LOW Confidence Learnings"
        case .deprecated: "## Deprecated Learnings"
        }
    }

    /// The exact rule blockquote that follows the heading (2.4).
    public var blockquote: String {
        switch self {
        case .high: "> MUST follow - Hard gate violations and explicit user corrections"
        case .medium: "> SHOULD follow - Patterns from quality >= 85 schedules and user approvals"
        case .low: "> MAY inform - Observations with sample < 10, trends to monitor"
        case .deprecated: "> Superseded, invalidated, or expired learnings"
        }
    }

    /// Confidence rank: HIGH 3, MEDIUM 2, LOW 1, Deprecated 0.
    public var rank: Int {
        switch self {
        case .high: 3
        case .medium: 2
        case .low: 1
        case .deprecated: 0
        }
    }

    /// Whether entries of this section are active.
    public var isActive: Bool { self != .deprecated }

    /// Parses `HIGH`, `MEDIUM` or `LOW` (case-insensitive); Deprecated is not a confidence.
    public init?(confidence text: String) {
        switch text.uppercased() {
        case "HIGH": self = .high
        case "MEDIUM": self = .medium
        case "LOW": self = .low
        default: return nil
        }
    }
}

/// The nine H2 sections of the file, in their required order (2.2).
public enum LearningsSectionName: String, Sendable, CaseIterable {
    case feedbackSources = "## Feedback Sources & Confidence Levels"
    case statistics = "## Statistics"
    case high = "## HIGH Confidence Learnings"
    case medium = "## MEDIUM Confidence Learnings"
    case low = "## LOW Confidence Learnings"
    case deprecated = "## Deprecated Learnings"
    case changelog = "## Changelog"
    case integrationHooks = "## Integration Hooks"
    case agentUsage = "## Agent Usage"

    /// The learning tier this section holds, if it is a learning section.
    public var tier: LearningTier? {
        switch self {
        case .high: .high
        case .medium: .medium
        case .low: .low
        case .deprecated: .deprecated
        default: nil
        }
    }
}

/// Fixed vocabularies of the file format (2.7).
public enum LearningsVocabulary {
    /// The first line of every LEARNINGS.md.
    public static let title = "# EROS Self-Improving Skills - Learning Accumulation"
    /// The optional closing line.
    public static let readyLine = "*Ready to receive learnings*"
    /// Valid Source values.
    public static let sources = ["validation", "user", "performance"]
    /// Valid volume tiers for `tier:` scopes.
    public static let tiers = ["MINIMAL", "LITE", "STANDARD", "HIGH_VALUE", "PREMIUM"]
    /// The seven hard-gate codes of the validator.
    public static let hardGateCodes = [
        "VAULT_VIOLATION", "AVOID_TIER_VIOLATION", "PAGE_TYPE_VIOLATION", "INSUFFICIENT_DIVERSITY",
        "FLYER_REQUIREMENT_VIOLATION", "TIMING_COLLISION", "PRICE_OUT_OF_BOUNDS",
    ]
    /// Valid Violation Code values: the hard gates plus LOW_QUALITY_SCORE.
    public static let violationCodes = hardGateCodes + ["LOW_QUALITY_SCORE"]
    /// Tier fields the format defines, in writer order (2.6).
    public static let tierFields = [
        "Pattern", "Issue", "Correction", "Insight", "Observation", "Hypothesis", "Original", "Reason",
        "Superseded By", "Source", "Violation Code", "Quality Score", "Sample Size", "Applies To",
        "Metric Impact", "Promote When",
    ]
    /// Known optional extension fields.
    public static let extensionFields = ["Interview", "Implementation", "Workflow", "Evidence", "Fix Pattern", "Note"]
    /// Fields writers put on one line, in this order.
    public static let groupedFields = ["Source", "Violation Code", "Quality Score", "Sample Size"]
    /// Changelog actions.
    public static let actions = ["CREATED", "ADDED", "UPDATED", "PROMOTED", "DEPRECATED", "REVERTED", "CLEANED"]
    /// Changelog sources.
    public static let changelogSources = ["validation", "user", "performance", "system"]
    /// The exact changelog header row.
    public static let changelogHeader = "| Date | Action | Learning | Confidence | Source |"
    /// The exact changelog separator row.
    public static let changelogSeparator = "|------|--------|----------|------------|--------|"
}
