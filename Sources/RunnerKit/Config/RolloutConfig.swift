/// The `kind: rollout` file: routing flags and the rollout plan (config.md §4, operations.md §9.1).
public struct RolloutConfig: Sendable {
    /// The control pipeline (`v4`).
    public var control: Located<String>
    /// The candidate pipeline (`v5`); names the `EROS_<CANDIDATE>_*` variables.
    public var candidate: Located<String>
    /// The desired phase: the line operators edit.
    public var desiredPhase: Located<String>
    /// The global `auto_fallback` flag.
    public var autoFallback: Bool
    /// `bucketing.salt`; empty means the EROS v1.0 buckets.
    public var bucketingSalt: String
    /// `shadow.candidate_deadline`: the budget of a shadow candidate run.
    public var shadowCandidateDeadline: ConfigDuration
    /// The top-level default gates.
    public var gates: RolloutGates
    /// The plan, in order.
    public var phases: [RolloutPhase]
    /// The file, relative to the config root.
    public var file: String

    /// Creates a rollout configuration.
    public init(
        control: Located<String>, candidate: Located<String>, desiredPhase: Located<String>, autoFallback: Bool,
        bucketingSalt: String, shadowCandidateDeadline: ConfigDuration, gates: RolloutGates,
        phases: [RolloutPhase], file: String
    ) {
        self.control = control
        self.candidate = candidate
        self.desiredPhase = desiredPhase
        self.autoFallback = autoFallback
        self.bucketingSalt = bucketingSalt
        self.shadowCandidateDeadline = shadowCandidateDeadline
        self.gates = gates
        self.phases = phases
        self.file = file
    }

    /// The plan phase with this name, if listed.
    public func phase(named name: String) -> RolloutPhase? { phases.first { $0.name.value == name } }

    /// The index of a plan phase in the plan.
    public func index(ofPhase name: String) -> Int? { phases.firstIndex { $0.name.value == name } }

    /// The gates that apply in a phase: the defaults overridden by the phase's own.
    public func effectiveGates(for phase: RolloutPhase) -> RolloutGates { gates.overridden(by: phase.gates) }

    /// The environment variable prefix for the candidate, `EROS_V5_` for `candidate: v5`.
    public var environmentPrefix: String { Self.environmentPrefix(candidate: candidate.value) }

    /// The environment variable prefix for a candidate name.
    public static func environmentPrefix(candidate: String) -> String {
        "EROS_" + candidate.uppercased().replacingOccurrences(of: "-", with: "_") + "_"
    }
}

/// One state of the rollout plan.
public struct RolloutPhase: Sendable {
    /// The phase name (`canary`).
    public var name: Located<String>
    /// The candidate's flags in this phase.
    public var flags: RolloutFlags
    /// Gate overrides for this phase (unset keys fall back to the top-level gates).
    public var gates: RolloutGates
    /// Where the phase is declared.
    public var location: SourceLocation

    /// Creates a plan phase.
    public init(name: Located<String>, flags: RolloutFlags, gates: RolloutGates, location: SourceLocation) {
        self.name = name
        self.flags = flags
        self.gates = gates
        self.location = location
    }
}

/// The four phase flags; a flag the phase leaves unset is false, 0 or empty.
public struct RolloutFlags: Sendable, Hashable {
    /// Whether the candidate is enabled at all.
    public var enabled: Bool
    /// Whether runs are shadow pairs.
    public var shadow: Bool
    /// Buckets below this percentage (0...100) go to the candidate.
    public var percentage: Int
    /// Allowlisted page names, routed to the candidate.
    public var creators: [String]
    /// The flags written in the file (`enabled`, `shadow`, `percentage`, `creators`).
    public var declared: Set<String>

    /// Creates flags.
    public init(
        enabled: Bool = false, shadow: Bool = false, percentage: Int = 0, creators: [String] = [],
        declared: Set<String> = []
    ) {
        self.enabled = enabled
        self.shadow = shadow
        self.percentage = percentage
        self.creators = creators
        self.declared = declared
    }
}

/// Rollout gates; a nil gate is not checked (operations.md §9.3).
public struct RolloutGates: Sendable, Hashable {
    /// Hours since phase entry or last restore.
    public var minHours: Double?
    /// Finished candidate primary runs in the phase.
    public var minRuns: Int?
    /// Success rate of those runs (0...1).
    public var minSuccessRate: Double?
    /// Alert severities that block advancing while firing.
    public var blockOnAlerts: [AlertSeverity]?
    /// Shadow only: evaluated comparisons.
    public var minComparisons: Int?
    /// Shadow only: candidate failures / evaluated comparisons (0...1).
    public var maxCandidateFailureRate: Double?
    /// Shadow only: average quality difference (-100...100).
    public var minAvgQualityDiff: Double?

    /// Creates gates.
    public init(
        minHours: Double? = nil, minRuns: Int? = nil, minSuccessRate: Double? = nil,
        blockOnAlerts: [AlertSeverity]? = nil, minComparisons: Int? = nil, maxCandidateFailureRate: Double? = nil,
        minAvgQualityDiff: Double? = nil
    ) {
        self.minHours = minHours
        self.minRuns = minRuns
        self.minSuccessRate = minSuccessRate
        self.blockOnAlerts = blockOnAlerts
        self.minComparisons = minComparisons
        self.maxCandidateFailureRate = maxCandidateFailureRate
        self.minAvgQualityDiff = minAvgQualityDiff
    }

    /// These gates with every gate `other` sets replacing ours.
    public func overridden(by other: RolloutGates) -> RolloutGates {
        RolloutGates(
            minHours: other.minHours ?? minHours, minRuns: other.minRuns ?? minRuns,
            minSuccessRate: other.minSuccessRate ?? minSuccessRate, blockOnAlerts: other.blockOnAlerts ?? blockOnAlerts,
            minComparisons: other.minComparisons ?? minComparisons,
            maxCandidateFailureRate: other.maxCandidateFailureRate ?? maxCandidateFailureRate,
            minAvgQualityDiff: other.minAvgQualityDiff ?? minAvgQualityDiff)
    }

    /// Whether any of the three shadow-only gates is set.
    public var hasShadowGates: Bool { minComparisons != nil || maxCandidateFailureRate != nil || minAvgQualityDiff != nil }
}
