import Foundation

/// The `agent` step kind for a `backend: command` agent: builds the protocol request from the
/// run and the phase's inputs, runs one attempt of the external program, and turns its
/// response into the phase's artifacts (config.md §3).
///
/// A generator's schedule becomes the `schedule` artifact. A validator's verdict never stands
/// alone: the built-in structural checks and hard gates run on the schedule it judged and the
/// two are combined (schedule-domain.md §7.4), so the agent can lower the status, never raise it.
struct CommandAgentStep: Sendable {
    /// The declared agent (backend `command`).
    var agent: AgentDefinition

    /// Runs one attempt.
    func run(_ input: StepInput) async throws -> StepOutput<ArtifactValue> {
        let run = input.services.run
        let root = run.configRoot ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let backend = CommandAgentBackend(agent: agent, configRoot: root)
        let context = try input.inputs.context()
        let request = AgentProtocolRequest(
            role: agent.role, agent: agent.name.value, model: input.phase.with.model, creatorId: context.creatorId,
            pageName: context.pageName, weekStart: run.weekStart, context: try Self.json(contextOf: context),
            schedule: agent.role == .validator ? try Self.json(try input.inputs.schedule()) : nil,
            learnings: agent.role == .generator
                ? run.learnings?.agentLearnings(tier: context.volumeConfig.tier.rawValue) ?? [] : [])
        let response = try await backend.run(request, timeout: input.phase.timeout.duration)
        switch response {
        case .schedule(let value):
            let schedule = try Self.schedule(from: value, agent: agent.name.value)
            return StepOutput(
                artifacts: [.schedule: .schedule(schedule)], fields: ["items": .int(schedule.savedList.count)])
        case .verdict(let verdict):
            let schedule = try input.inputs.schedule()
            let source = input.services.dataSource
            let gate = try domain { () throws(SchedulingError) in
                try source.loadGateData(creatorId: context.creatorId)
            }
            let result = BuiltinValidator.combine(
                verdict.externalVerdict, schedule: schedule, context: context, gate: gate, now: run.clock.now())
            return ValidateScheduleStep.output(result)
        }
    }

    /// The context exactly as `runner diagnose preflight --format json` prints it.
    static func json(contextOf context: CreatorContext) throws -> ToolValue {
        guard let data = try? context.jsonData(), let value = ToolValue.parse(String(decoding: data, as: UTF8.self))
        else { throw PhaseFailure(.internalError, "cannot encode the creator context for the agent request") }
        return value
    }

    /// A domain value as the JSON the agent receives.
    static func json(_ value: some Encodable) throws -> ToolValue {
        do {
            return try ToolValue.encode(value)
        } catch {
            throw PhaseFailure(.internalError, "cannot encode the agent request: \(error)")
        }
    }

    /// The typed schedule of a schema-checked generator response.
    static func schedule(from value: ToolValue, agent: String) throws -> ScheduleOutput {
        do {
            return try JSONDecoder().decode(ScheduleOutput.self, from: Data(value.canonicalJSON().utf8))
        } catch {
            throw AgentProtocolError.schemaViolation(agent: agent, path: "$", problem: "not a schedule output (\(error))")
        }
    }
}
