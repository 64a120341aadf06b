/// `analyze_performance` (advisory): saturation, opportunity and the volume adjustment.
struct AnalyzePerformanceStep: PhaseStep {
    func run(_ input: StepInput) async throws -> StepOutput<ArtifactValue> {
        let analysis = PerformanceAnalysis.run(try input.inputs.context())
        return StepOutput(
            artifacts: [.analysis: .analysis(analysis)],
            fields: [
                "saturation": .int(analysis.saturation), "opportunity": .int(analysis.opportunity),
                "volume_adjustment": .int(analysis.volumeAdjustment),
            ])
    }
}
