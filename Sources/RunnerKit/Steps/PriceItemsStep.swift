/// `price_items`: prices the schedule; the priced schedule supersedes its input.
struct PriceItemsStep: PhaseStep {
    func run(_ input: StepInput) async throws -> StepOutput<ArtifactValue> {
        let priced = PricingStep.run(try input.inputs.context(), schedule: try input.inputs.schedule())
        return StepOutput(artifacts: [.schedule: .schedule(priced)])
    }
}
