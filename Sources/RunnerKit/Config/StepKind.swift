/// The built-in step kinds a phase can `use` (config.md §2, the step kind catalogue).
///
/// The set is closed: adding a kind means adding a case here, its artifacts and fields below,
/// and its implementation where the compiler asks for it.
public enum StepKind: String, Sendable, Hashable, CaseIterable {
    case preflight
    case checkReadiness = "check_readiness"
    case analyzePerformance = "analyze_performance"
    case allocateSendTypes = "allocate_send_types"
    case selectCaptions = "select_captions"
    case optimizeTiming = "optimize_timing"
    case generateFollowups = "generate_followups"
    case assembleSchedule = "assemble_schedule"
    case priceItems = "price_items"
    case validateSchedule = "validate_schedule"
    case agent
    case saveSchedule = "save_schedule"

    /// The artifacts the kind reads; an `agent` depends on its agent's role (nil role: none known).
    public func consumes(role: AgentRole? = nil) -> [ArtifactInput] {
        switch self {
        case .preflight: []
        case .checkReadiness, .analyzePerformance: [.required(.context)]
        case .allocateSendTypes: [.required(.context), .optional(.analysis)]
        case .selectCaptions, .optimizeTiming: [.required(.context), .required(.allocation)]
        case .generateFollowups: [.required(.context), .required(.captions), .required(.timing)]
        case .assembleSchedule:
            [.required(.context), .required(.captions), .required(.timing), .required(.followups)]
        case .priceItems, .validateSchedule: [.required(.context), .required(.schedule)]
        case .saveSchedule: [.required(.schedule), .required(.certificate)]
        case .agent:
            switch role {
            case .generator: [.required(.context)]
            case .validator: [.required(.context), .required(.schedule)]
            case nil: []
            }
        }
    }

    /// The artifacts the kind writes; an `agent` depends on its agent's role.
    public func produces(role: AgentRole? = nil) -> [Artifact] {
        switch self {
        case .preflight: [.context]
        case .checkReadiness: [.readiness]
        case .analyzePerformance: [.analysis]
        case .allocateSendTypes: [.allocation]
        case .selectCaptions: [.captions]
        case .optimizeTiming: [.timing]
        case .generateFollowups: [.followups]
        case .assembleSchedule, .priceItems: [.schedule]
        case .validateSchedule: [.certificate]
        case .saveSchedule: [.saved]
        case .agent:
            switch role {
            case .generator: [.schedule]
            case .validator: [.certificate]
            case nil: []
            }
        }
    }

    /// The fields an `if` expression may read from a phase of this kind.
    public func exposedFields(role: AgentRole? = nil) -> [String] {
        switch self {
        case .preflight: ["tier", "page_type", "vault_size", "health"]
        case .checkReadiness: ["status", "blockers", "warnings"]
        case .analyzePerformance: ["saturation", "opportunity", "volume_adjustment"]
        case .allocateSendTypes: ["slots"]
        case .selectCaptions, .optimizeTiming, .priceItems: []
        case .generateFollowups: ["count"]
        case .assembleSchedule: ["items"]
        case .validateSchedule: ["status", "quality_score", "violations"]
        case .saveSchedule: ["schedule_id", "status"]
        case .agent:
            switch role {
            case .generator: ["items"]
            case .validator: ["status", "quality_score", "violations"]
            case nil: []
            }
        }
    }

    /// Whether `continue_on_error: true` is allowed (the advisory kinds).
    public var isAdvisory: Bool { self == .analyzePerformance }

    /// Whether the kind has an effect beyond its artifacts (writes, or can stop the run), so its
    /// outputs need no consumer (C019).
    public var hasSideEffect: Bool { self == .saveSchedule || self == .checkReadiness }

    /// The `with:` keys the kind accepts.
    public var parameterKeys: [String] { self == .agent ? ["agent", "model"] : [] }
}

/// A typed piece of data passed between phases.
public enum Artifact: String, Sendable, Hashable, CaseIterable, Comparable {
    case context, readiness, analysis, allocation, captions, timing, followups, schedule, certificate, saved

    /// Orders by declaration, for stable messages.
    public static func < (lhs: Artifact, rhs: Artifact) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One input of a step kind: an artifact and whether it may be absent (`analysis?`).
public struct ArtifactInput: Sendable, Hashable {
    /// The artifact read.
    public var artifact: Artifact
    /// Whether the step runs without it.
    public var isOptional: Bool

    /// A required input.
    public static func required(_ artifact: Artifact) -> ArtifactInput { ArtifactInput(artifact: artifact, isOptional: false) }
    /// An optional input.
    public static func optional(_ artifact: Artifact) -> ArtifactInput { ArtifactInput(artifact: artifact, isOptional: true) }
}
