/// `validate_schedule`: the built-in validator and its certificate (schedule-domain.md §7–9).
struct ValidateScheduleStep: PhaseStep {
    func run(_ input: StepInput) async throws -> StepOutput<ArtifactValue> {
        let context = try input.inputs.context()
        let schedule = try input.inputs.schedule()
        let result = try Self.validate(schedule, context: context, services: input.services)
        return Self.output(result)
    }

    /// Runs the built-in validator with gate data re-read from the database.
    static func validate(_ schedule: ScheduleOutput, context: CreatorContext, services: StepServices) throws
        -> ValidationResult
    {
        let source = services.dataSource
        let gate = try domain { () throws(SchedulingError) in try source.loadGateData(creatorId: context.creatorId) }
        try Task.checkCancellation()
        return BuiltinValidator.validate(schedule, context: context, gate: gate, now: services.run.clock.now())
    }

    /// The certificate artifact and the exposed fields of a validation.
    static func output(_ result: ValidationResult) -> StepOutput<ArtifactValue> {
        StepOutput(
            artifacts: [.certificate: .certificate(result)],
            fields: [
                "status": .text(result.validationStatus.rawValue), "quality_score": .int(result.qualityScore),
                "violations": .texts(result.violations.map(\.code)),
            ])
    }
}
