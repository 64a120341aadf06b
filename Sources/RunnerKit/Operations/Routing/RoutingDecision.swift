/// The routing outcome for one creator; encodes to cli.md's `decision` JSON shape.
public struct RoutingDecision: Sendable, Hashable {
    /// The resolved creator_id, or the input as given when no creator matches.
    public var creatorId: String
    /// The hashed key and its bucket.
    public var bucket: RoutingBucket
    /// The pipeline name to run (`v4`, `v5`) or `shadow`.
    public var pipeline: String
    /// Which side `pipeline` names.
    public var target: RoutingTarget
    /// Why.
    public var reason: RoutingReason
    /// The rollback state read in the routing transaction.
    public var rollbackState: RollbackState
    /// Every flag with value, source and origin.
    public var flags: ResolvedFlags

    /// Creates a decision.
    public init(
        creatorId: String, bucket: RoutingBucket, pipeline: String, target: RoutingTarget,
        reason: RoutingReason, rollbackState: RollbackState, flags: ResolvedFlags
    ) {
        self.creatorId = creatorId
        self.bucket = bucket
        self.pipeline = pipeline
        self.target = target
        self.reason = reason
        self.rollbackState = rollbackState
        self.flags = flags
    }

    /// The page name that was hashed.
    public var routingKey: String { bucket.routingKey }
}

extension RoutingDecision: Encodable {
    private enum CodingKeys: String, CodingKey {
        case creatorId = "creator_id"
        case routingKey = "routing_key"
        case bucket
        case flipPercentage = "flip_percentage"
        case pipeline, reason
        case rollbackState = "rollback_state"
        case flags
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(creatorId, forKey: .creatorId)
        try container.encode(routingKey, forKey: .routingKey)
        try container.encode(bucket.bucket, forKey: .bucket)
        try container.encode(bucket.flipPercentage, forKey: .flipPercentage)
        try container.encode(pipeline, forKey: .pipeline)
        try container.encode(reason, forKey: .reason)
        try container.encode(rollbackState, forKey: .rollbackState)
        try container.encode(flags, forKey: .flags)
    }
}
