/// The typed artifacts the built-in step kinds pass between phases (config.md catalogue).
public enum ArtifactValue: Sendable {
    case context(CreatorContext)
    case readiness(ReadinessReport)
    case analysis(PerformanceAnalysis)
    case allocation(AllocationPlan)
    case captions(CaptionPlan)
    case timing(TimingPlan)
    case followups(FollowupPlan)
    case schedule(ScheduleOutput)
    case certificate(ValidationResult)
    case saved(SaveScheduleResult)
}

extension ArtifactStore where Value == ArtifactValue {
    private func missing(_ artifact: Artifact) -> PhaseFailure {
        PhaseFailure(.internalError, "phase \(phase) has no usable '\(artifact.rawValue)' artifact to read")
    }

    /// The creator context.
    public func context() throws(PhaseFailure) -> CreatorContext {
        guard case .context(let value) = self.value(.context) else { throw missing(.context) }
        return value
    }

    /// The performance analysis, if an ancestor produced one (optional input).
    public func analysis() -> PerformanceAnalysis? {
        guard case .analysis(let value) = self.value(.analysis) else { return nil }
        return value
    }

    /// The send-type allocation.
    public func allocation() throws(PhaseFailure) -> AllocationPlan {
        guard case .allocation(let value) = self.value(.allocation) else { throw missing(.allocation) }
        return value
    }

    /// The selected captions.
    public func captions() throws(PhaseFailure) -> CaptionPlan {
        guard case .captions(let value) = self.value(.captions) else { throw missing(.captions) }
        return value
    }

    /// The placed times.
    public func timing() throws(PhaseFailure) -> TimingPlan {
        guard case .timing(let value) = self.value(.timing) else { throw missing(.timing) }
        return value
    }

    /// The planned follow-ups.
    public func followups() throws(PhaseFailure) -> FollowupPlan {
        guard case .followups(let value) = self.value(.followups) else { throw missing(.followups) }
        return value
    }

    /// The schedule (the priced one when a pricing phase superseded it).
    public func schedule() throws(PhaseFailure) -> ScheduleOutput {
        guard case .schedule(let value) = self.value(.schedule) else { throw missing(.schedule) }
        return value
    }

    /// The validation result with its certificate.
    public func certificate() throws(PhaseFailure) -> ValidationResult {
        guard case .certificate(let value) = self.value(.certificate) else { throw missing(.certificate) }
        return value
    }
}
