/// `check_readiness`: READY, WARN or BLOCKED; BLOCKED fails the run with READINESS_BLOCKED.
struct CheckReadinessStep: PhaseStep {
    func run(_ input: StepInput) async throws -> StepOutput<ArtifactValue> {
        let report = ReadinessCheck.run(try input.inputs.context())
        if report.status == "BLOCKED" {
            throw PhaseFailure(.readinessBlocked, "Readiness blocked: \(report.blockers.joined(separator: ", "))")
        }
        return StepOutput(
            artifacts: [.readiness: .readiness(report)],
            fields: [
                "status": .text(report.status), "blockers": .texts(report.blockers),
                "warnings": .texts(report.warnings),
            ])
    }
}
