/// What one phase hands on: the artifacts it produced and the fields its kind exposes to `if`.
public struct StepOutput<Value: Sendable>: Sendable {
    /// Produced artifacts by kind (a re-produced artifact supersedes its input for descendants).
    public var artifacts: [Artifact: Value]
    /// Exposed fields (`status`, `quality_score`, ...), read by `if` expressions.
    public var fields: [String: ExpressionValue]

    /// Creates an output.
    public init(artifacts: [Artifact: Value] = [:], fields: [String: ExpressionValue] = [:]) {
        self.artifacts = artifacts
        self.fields = fields
    }
}

/// The artifacts a phase may read: each consumed artifact comes from the one ancestor the
/// pipeline's graph resolved as its producer (C010 guarantees there is at most one).
public struct ArtifactStore<Value: Sendable>: Sendable {
    /// The reading phase.
    public let phase: String
    private let graph: PipelineDAG
    private let completed: [String: PhaseResult<StepOutput<Value>>]

    /// A store for `phase` over the results finished before it started.
    public init(phase: String, graph: PipelineDAG, completed: [String: PhaseResult<StepOutput<Value>>]) {
        self.phase = phase
        self.graph = graph
        self.completed = completed
    }

    /// The artifact, or nil when its producer is unknown, was skipped or failed (advisory).
    /// An artifact the kind does not declare (a building block needing more than the catalogue
    /// lists) comes from the deepest finished ancestor that produced it.
    public func value(_ artifact: Artifact) -> Value? {
        if let producer = graph.producer(of: artifact, for: phase) {
            return completed[producer]?.output?.artifacts[artifact]
        }
        guard let me = graph.index[phase] else { return nil }
        let ancestors = completed.compactMap { id, result -> (level: Int, value: Value)? in
            guard let index = graph.index[id], graph.isAncestor(index, of: me),
                let value = result.output?.artifacts[artifact]
            else { return nil }
            return (graph.level[index], value)
        }
        return ancestors.max { $0.level < $1.level }?.value
    }

    /// The artifact, or a failure naming the phase and the missing input.
    public func require(_ artifact: Artifact) throws(PhaseFailure) -> Value {
        guard let value = value(artifact) else {
            let producer = graph.producer(of: artifact, for: phase).map { " (from phase \($0))" } ?? ""
            throw PhaseFailure(
                .internalError, "phase \(phase) has no '\(artifact.rawValue)' artifact\(producer) to read")
        }
        return value
    }

    /// The id of the phase that produced what this phase reads as `artifact`.
    public func producer(of artifact: Artifact) -> String? { graph.producer(of: artifact, for: phase) }
}
