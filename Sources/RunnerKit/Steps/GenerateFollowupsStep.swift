/// `generate_followups`: follow-ups after eligible parents (schedule-domain.md §6.8).
struct GenerateFollowupsStep: PhaseStep {
    func run(_ input: StepInput) async throws -> StepOutput<ArtifactValue> {
        let inputs = input.inputs
        let plan = FollowupStep.run(
            try inputs.context(), allocation: try inputs.allocation(), captions: try inputs.captions(),
            timing: try inputs.timing())
        return StepOutput(artifacts: [.followups: .followups(plan)], fields: ["count": .int(plan.followups.count)])
    }
}
