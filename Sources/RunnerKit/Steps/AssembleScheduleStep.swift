/// `assemble_schedule`: the schedule output of schedule-domain.md §6.1, unpriced.
struct AssembleScheduleStep: PhaseStep {
    func run(_ input: StepInput) async throws -> StepOutput<ArtifactValue> {
        let inputs = input.inputs
        let schedule = AssemblyStep.run(
            try inputs.context(), allocation: try inputs.allocation(), captions: try inputs.captions(),
            timing: try inputs.timing(), followups: try inputs.followups())
        return StepOutput(
            artifacts: [.schedule: .schedule(schedule)], fields: ["items": .int(schedule.savedList.count)])
    }
}
