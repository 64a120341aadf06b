/// `agent`: a generator (context -> schedule) or validator (context, schedule -> certificate).
/// The `builtin` backend runs the embedded generator / validator; `command` runs the external
/// program (`CommandAgentStep`).
struct AgentStep: PhaseStep {
    func run(_ input: StepInput) async throws -> StepOutput<ArtifactValue> {
        let name = input.phase.with.agent?.value ?? "?"
        guard let agent = input.services.run.agents[name] else {
            throw PhaseFailure(.internalError, "phase \(input.phase.id.value) names unknown agent '\(name)'")
        }
        if agent.backend == .command { return try await CommandAgentStep(agent: agent).run(input) }
        let context = try input.inputs.context()
        switch agent.role {
        case .generator:
            let schedule = try domain { () throws(SchedulingError) in try BuiltinGenerator.generate(context) }
            return StepOutput(
                artifacts: [.schedule: .schedule(schedule)], fields: ["items": .int(schedule.savedList.count)])
        case .validator:
            let result = try ValidateScheduleStep.validate(
                try input.inputs.schedule(), context: context, services: input.services)
            return ValidateScheduleStep.output(result)
        }
    }
}
