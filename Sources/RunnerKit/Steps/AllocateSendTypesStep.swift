/// `allocate_send_types`: the day plans and send-type slots (schedule-domain.md §6.2–6.4).
struct AllocateSendTypesStep: PhaseStep {
    func run(_ input: StepInput) async throws -> StepOutput<ArtifactValue> {
        let context = try input.inputs.context()
        let analysis = input.inputs.analysis()
        let plan = try domain { () throws(SchedulingError) in try AllocationStep.run(context, analysis: analysis) }
        return StepOutput(artifacts: [.allocation: .allocation(plan)], fields: ["slots": .int(plan.slots.count)])
    }
}
