/// The `readiness` artifact of the `check_readiness` step (config.md §2).
public struct ReadinessReport: Sendable, Equatable, Codable {
    /// READY, WARN or BLOCKED.
    public var status: String
    /// `CREATOR_INACTIVE`, `NO_ELIGIBLE_CONTENT`.
    public var blockers: [String]
    /// `DEFAULT_PERSONA`, `MISSING_ANALYTICS`, `MISSING_RANKINGS`, `STALE_RANKINGS`.
    public var warnings: [String]
}

/// The readiness rules: BLOCKED, then WARN, else READY.
public enum ReadinessCheck {
    /// Decides readiness from the context alone.
    public static func run(_ context: CreatorContext) -> ReadinessReport {
        var blockers: [String] = []
        if !context.isActive { blockers.append("CREATOR_INACTIVE") }
        if context.eligibleContent.isEmpty { blockers.append("NO_ELIGIBLE_CONTENT") }
        var warnings: [String] = []
        if context.persona.isDefault { warnings.append("DEFAULT_PERSONA") }
        if context.volumeConfig.revenueSource == "fan_estimate" || context.sendsLast56d == 0 {
            warnings.append("MISSING_ANALYTICS")
        }
        if let text = context.rankingsAnalysisDate, let date = DayDate(text) {
            if context.referenceDate.ordinal - date.ordinal > 14 { warnings.append("STALE_RANKINGS") }
        } else {
            warnings.append("MISSING_RANKINGS")
        }
        let status = !blockers.isEmpty ? "BLOCKED" : (warnings.isEmpty ? "READY" : "WARN")
        return ReadinessReport(status: status, blockers: blockers, warnings: warnings)
    }

    /// Runs the check and throws `READINESS_BLOCKED` when it blocks (the phase's failure).
    public static func require(_ context: CreatorContext) throws(SchedulingError) -> ReadinessReport {
        let report = run(context)
        if report.status == "BLOCKED" { throw .readinessBlocked(report.blockers) }
        return report
    }
}

/// The `analysis` artifact of the `analyze_performance` step.
public struct PerformanceAnalysis: Sendable, Equatable, Codable {
    public var saturation: Int
    public var opportunity: Int
    public var volumeAdjustment: Int
    public var healthStatus: String
    /// Per-content trigger compounds used to weight content choice.
    public var contentCompounds: [ContentCompound]

    enum CodingKeys: String, CodingKey {
        case saturation, opportunity, volumeAdjustment = "volume_adjustment", healthStatus = "health_status"
        case contentCompounds = "content_compounds"
    }

    /// Reads saturation, opportunity, adjustment and compounds from the context (advisory step).
    public static func run(_ context: CreatorContext) -> PerformanceAnalysis {
        PerformanceAnalysis(
            saturation: context.health.saturationScore, opportunity: context.health.opportunityScore,
            volumeAdjustment: context.health.volumeAdjustment, healthStatus: context.health.status,
            contentCompounds: context.contentCompounds)
    }
}
