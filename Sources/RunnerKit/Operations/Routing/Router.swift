/// Decides control, candidate or shadow for one creator, first match wins (operations.md §3.1).
public struct Router: Sendable {
    /// The control pipeline's name (`v4`).
    public var control: String
    /// The candidate pipeline's name (`v5`).
    public var candidate: String
    /// The bucketing salt; empty for EROS v1.0 buckets.
    public var salt: String

    /// Creates a router.
    public init(control: String, candidate: String, salt: String = "") {
        self.control = control
        self.candidate = candidate
        self.salt = salt
    }

    /// Routes `creatorId` by its routing key (the resolved page name, or the input as given).
    public func decide(
        creatorId: String, routingKey: String, flags: ResolvedFlags, rollbackState: RollbackState
    ) -> RoutingDecision {
        let bucket = RoutingBucket(routingKey: routingKey, salt: salt)
        let (target, reason) = route(bucket: bucket, flags: flags, rollbackState: rollbackState)
        let pipeline: String =
            switch target {
            case .control: control
            case .candidate: candidate
            case .shadow: "shadow"
            }
        return RoutingDecision(
            creatorId: creatorId, bucket: bucket, pipeline: pipeline, target: target, reason: reason,
            rollbackState: rollbackState, flags: flags)
    }

    /// A diagnostic decision: routing skipped, reason `forced`, target named by `pipeline`.
    public func forced(
        pipeline: String, creatorId: String, routingKey: String, flags: ResolvedFlags,
        rollbackState: RollbackState
    ) -> RoutingDecision {
        RoutingDecision(
            creatorId: creatorId, bucket: RoutingBucket(routingKey: routingKey, salt: salt), pipeline: pipeline,
            target: pipeline == candidate ? .candidate : .control, reason: .forced,
            rollbackState: rollbackState, flags: flags)
    }

    private func route(
        bucket: RoutingBucket, flags: ResolvedFlags, rollbackState: RollbackState
    ) -> (RoutingTarget, RoutingReason) {
        if !flags.configuredEnabled.value { return (.control, .candidateDisabled) }
        if rollbackState.turnsCandidateOff { return (.control, .rolledBack) }
        if flags.shadow.value { return (.shadow, .shadowMode) }
        if flags.creators.value.contains(bucket.routingKey) { return (.candidate, .allowlisted) }
        let percentage = flags.percentage.value
        if bucket.isCandidate(atPercentage: percentage) { return (.candidate, .percentage(percentage)) }
        return (.control, .default)
    }
}
