/// The step runner of real runs: every catalogue kind, chosen in one switch.
public struct BuiltinSteps: StepRunner {
    /// The run's services.
    public let services: StepServices

    /// Creates the runner for one run.
    public init(services: StepServices) { self.services = services }

    /// Runs one attempt of `phase` with the implementation of its kind.
    public func run(_ phase: Phase, role: AgentRole?, attempt: Int, inputs: ArtifactStore<ArtifactValue>)
        async throws -> StepOutput<ArtifactValue>
    {
        let step: any PhaseStep =
            switch phase.uses.value {
            case .preflight: PreflightStep()
            case .checkReadiness: CheckReadinessStep()
            case .analyzePerformance: AnalyzePerformanceStep()
            case .allocateSendTypes: AllocateSendTypesStep()
            case .selectCaptions: SelectCaptionsStep()
            case .optimizeTiming: OptimizeTimingStep()
            case .generateFollowups: GenerateFollowupsStep()
            case .assembleSchedule: AssembleScheduleStep()
            case .priceItems: PriceItemsStep()
            case .validateSchedule: ValidateScheduleStep()
            case .agent: AgentStep()
            case .saveSchedule: SaveScheduleStep()
            }
        try Task.checkCancellation()
        return try await step.run(
            StepInput(phase: phase, role: role, attempt: attempt, inputs: inputs, services: services))
    }

    /// The verdict, with violation details and item counts from the typed artifacts.
    public func verdict(of outcome: PipelineOutcome<StepOutput<ArtifactValue>>) -> RunVerdict {
        var verdict = RunVerdict.fromFields(outcome)
        var judged: ScheduleOutput?
        for phase in outcome.phases where phase.status == .succeeded {
            for value in phase.output?.artifacts.values.map({ $0 }) ?? [] {
                switch value {
                case .certificate(let result):
                    verdict.validatorOutcomes = [Self.validatorOutcome(result, schedule: judged)]
                    verdict.violations = result.violations.map {
                        ViolationReport(code: $0.code, message: $0.message, itemIndex: $0.itemIndex)
                    }
                case .schedule(let schedule):
                    judged = schedule
                    verdict.totalItems = schedule.savedList.count
                case .saved(let saved):
                    if let hash = saved.metadata?.schedule_hash { verdict.scheduleHash = hash }
                default: break
                }
            }
        }
        return verdict
    }
}
