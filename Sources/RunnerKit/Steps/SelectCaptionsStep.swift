/// `select_captions`: one caption per allocated slot (schedule-domain.md §6.6).
struct SelectCaptionsStep: PhaseStep {
    func run(_ input: StepInput) async throws -> StepOutput<ArtifactValue> {
        let plan = CaptionStep.run(try input.inputs.context(), allocation: try input.inputs.allocation())
        return StepOutput(artifacts: [.captions: .captions(plan)])
    }
}
