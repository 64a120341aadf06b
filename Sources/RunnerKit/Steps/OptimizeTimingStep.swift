/// `optimize_timing`: places each allocated slot in time (schedule-domain.md §6.7).
struct OptimizeTimingStep: PhaseStep {
    func run(_ input: StepInput) async throws -> StepOutput<ArtifactValue> {
        let plan = TimingStep.run(try input.inputs.context(), allocation: try input.inputs.allocation())
        return StepOutput(artifacts: [.timing: .timing(plan)])
    }
}
