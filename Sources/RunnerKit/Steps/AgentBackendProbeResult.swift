/// What `runner diagnose agent` reports for one agent (operations.md §12).
public struct AgentBackendProbeResult: Sendable, Hashable, Encodable {
    /// The agent's name.
    public var agent: String
    /// `generator` or `validator`.
    public var role: String
    /// `builtin` or `command`.
    public var backend: String
    /// The pipeline and phase whose settings the probe used; nil when no phase uses the agent.
    public var pipeline: String?
    /// The phase id.
    public var phase: String?
    /// The model sent (the phase's `with.model`).
    public var model: String?
    /// The per-attempt timeout used (the phase's, capped by the agent's own).
    public var timeoutMs: Int
    /// The attempts the retry policy allows.
    public var maxAttempts: Int
    /// The attempts made.
    public var attempts: Int
    /// From the first attempt's start to the last one's end, backoff sleeps included.
    public var latencyMs: Int
    /// Each attempt's duration.
    public var attemptLatenciesMs: [Int]
    /// Whether the final response passed the schema of the role's output.
    public var conforms: Bool
    /// The last failure's code (AGENT_FAILED, AGENT_OUTPUT_INVALID, PHASE_TIMEOUT, ...).
    public var errorCode: String?
    /// The last failure's message.
    public var error: String?
    /// What the conforming answer held (`41 items, 6 follow-ups`, `APPROVED 88`).
    public var summary: String?

    enum CodingKeys: String, CodingKey {
        case agent, role, backend, pipeline, phase, model, attempts, conforms, error, summary
        case timeoutMs = "timeout_ms", maxAttempts = "max_attempts", latencyMs = "latency_ms"
        case attemptLatenciesMs = "attempt_latencies_ms", errorCode = "error_code"
    }

    /// Encodes every key, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(agent, forKey: .agent)
        try c.encode(role, forKey: .role)
        try c.encode(backend, forKey: .backend)
        try c.encode(pipeline, forKey: .pipeline)
        try c.encode(phase, forKey: .phase)
        try c.encode(model, forKey: .model)
        try c.encode(timeoutMs, forKey: .timeoutMs)
        try c.encode(maxAttempts, forKey: .maxAttempts)
        try c.encode(attempts, forKey: .attempts)
        try c.encode(latencyMs, forKey: .latencyMs)
        try c.encode(attemptLatenciesMs, forKey: .attemptLatenciesMs)
        try c.encode(conforms, forKey: .conforms)
        try c.encode(errorCode, forKey: .errorCode)
        try c.encode(error, forKey: .error)
        try c.encode(summary, forKey: .summary)
    }
}
