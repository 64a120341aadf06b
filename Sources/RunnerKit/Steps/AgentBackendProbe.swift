import Foundation

/// `runner diagnose agent`: one fixed probe request through each configured agent, with the
/// adapter, per-attempt timeout, retries and model of the pipeline phase that uses it
/// (operations.md §12).
///
/// The probe is built from one real creator context; a validator judges the built-in
/// generator's schedule for it. Builtin agents are probed too: their output is encoded and put
/// through the same response schema an external agent must pass.
public struct AgentBackendProbe: Sendable {
    /// The loaded configuration (agents, pipelines, config root).
    public var config: LoadedConfig
    /// The probe's creator context.
    public var context: CreatorContext
    /// The schedule a validator is asked to judge.
    public var schedule: ScheduleOutput
    /// The probe week (`YYYY-MM-DD`).
    public var weekStart: String
    /// The time stamped on builtin validator certificates.
    public var now: Date
    /// Sleeps between attempts (tests pass a no-op).
    public var backoffSleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    /// SIGTERM-to-SIGKILL grace of the command backend.
    public var killGrace: Duration = .seconds(2)

    /// Prepares a probe for `context`; the validator's schedule is the built-in generator's.
    public init(config: LoadedConfig, context: CreatorContext, weekStart: String, now: Date) throws(SchedulingError) {
        self.config = config
        self.context = context
        self.schedule = try BuiltinGenerator.generate(context)
        self.weekStart = weekStart
        self.now = now
    }

    /// The first phase (pipelines by name, phases in file order) that uses agent `name`.
    public static func usage(of name: String, in config: LoadedConfig) -> (pipeline: Pipeline, phase: Phase)? {
        for pipelineName in config.pipelineNames {
            guard let pipeline = config.pipelines[pipelineName] else { continue }
            if let phase = pipeline.phases.first(where: { $0.uses.value == .agent && $0.with.agent?.value == name }) {
                return (pipeline, phase)
            }
        }
        return nil
    }

    /// Probes every declared agent (or only `name`), one after the other.
    public func probeAll(only name: String? = nil) async -> [AgentBackendProbeResult] {
        var results: [AgentBackendProbeResult] = []
        for agent in config.agents.agents where name == nil || agent.name.value == name {
            results.append(await probe(agent))
        }
        return results
    }

    /// Sends the probe through one agent under its pipeline's timeout and retry policy.
    public func probe(_ agent: AgentDefinition) async -> AgentBackendProbeResult {
        let usage = Self.usage(of: agent.name.value, in: config)
        var timeout = usage?.phase.timeout ?? agent.timeout ?? .seconds(60)
        if let own = agent.timeout, own < timeout { timeout = own }
        let retry = usage.map { RetrySchedule($0.phase.retry) } ?? RetrySchedule()
        let model = usage?.phase.with.model
        let plan = PipelinePlan<String>(
            name: "probe", deadline: usage?.pipeline.deadline.duration ?? (timeout.duration * retry.attempts),
            phases: [PhasePlan(id: "probe", timeout: timeout.duration, retry: retry)])
        let interpreter = PipelineInterpreter(plan: plan, backoffSleep: backoffSleep) { invocation in
            try await attempt(agent, model: model, timeout: invocation.phase.timeout)
        }
        let outcome = await interpreter.run()
        let phase = outcome.phase("probe")
        return AgentBackendProbeResult(
            agent: agent.name.value, role: agent.role.rawValue, backend: agent.backend.rawValue,
            pipeline: usage?.pipeline.name.value, phase: usage?.phase.id.value, model: model,
            timeoutMs: Int(timeout.milliseconds), maxAttempts: retry.attempts, attempts: phase?.attempts.count ?? 0,
            latencyMs: phase?.durationMs ?? outcome.durationMs,
            attemptLatenciesMs: phase?.attempts.map(\.durationMs) ?? [], conforms: outcome.failure == nil,
            errorCode: outcome.failure?.code, error: outcome.failure?.message, summary: phase?.output)
    }

    /// The protocol request the probe sends.
    public func request(for agent: AgentDefinition, model: String?) throws -> AgentProtocolRequest {
        AgentProtocolRequest(
            role: agent.role, agent: agent.name.value, model: model, creatorId: context.creatorId,
            pageName: context.pageName, weekStart: weekStart, context: try CommandAgentStep.json(contextOf: context),
            schedule: agent.role == .validator ? try CommandAgentStep.json(schedule) : nil)
    }

    /// One attempt: the real adapter for a command agent, the embedded code for a builtin one;
    /// either way the answer must pass the role's response schema.
    private func attempt(_ agent: AgentDefinition, model: String?, timeout: Duration) async throws -> String {
        let request = try request(for: agent, model: model)
        let response: AgentProtocolResponse
        switch agent.backend {
        case .command:
            let root = config.root ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            response = try await CommandAgentBackend(agent: agent, configRoot: root, killGrace: killGrace)
                .run(request, timeout: timeout)
        case .builtin:
            let answer: ToolValue
            switch agent.role {
            case .generator: answer = try CommandAgentStep.json(schedule)
            case .validator:
                let gate = GateData(vaultTypes: context.vaultTypes, avoidTypes: context.avoidTypes)
                answer = try CommandAgentStep.json(BuiltinValidator.validate(schedule, context: context, gate: gate, now: now))
            }
            response = try AgentProtocolSchema(request: request).check(answer)
        }
        switch response {
        case .schedule(let value):
            let items = value["items"]?.arrayValue?.count ?? 0
            let followups = value["followups"]?.arrayValue?.count ?? 0
            return "\(items) items, \(followups) follow-ups"
        case .verdict(let verdict):
            return "\(verdict.status.rawValue) \(ToolValue.formatNumber(verdict.qualityScore)), "
                + "\(verdict.violations.count) violations"
        }
    }
}
