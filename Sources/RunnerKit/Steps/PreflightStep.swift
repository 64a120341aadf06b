/// `preflight`: loads the creator's data and builds the creator context (schedule-domain.md §2–3).
struct PreflightStep: PhaseStep {
    func run(_ input: StepInput) async throws -> StepOutput<ArtifactValue> {
        let run = input.services.run
        guard let week = DayDate(run.weekStart) else {
            throw PhaseFailure(.validationError, "week_start must be YYYY-MM-DD, got: \(run.weekStart)")
        }
        let source = input.services.dataSource
        let data = try domain { () throws(SchedulingError) in
            try source.loadCreatorData(creator: run.creator.creatorId, weekStart: week)
        }
        try Task.checkCancellation()
        let now = run.clock.now()
        let context = try domain { () throws(SchedulingError) in
            try CreatorContextBuilder.build(data, weekStart: week, generatedAt: now)
        }
        return StepOutput(
            artifacts: [.context: .context(context)],
            fields: [
                "tier": .text(context.volumeConfig.tier.rawValue), "page_type": .text(context.pageType.rawValue),
                "vault_size": .int(context.vaultTypes.count), "health": .text(context.health.status),
            ])
    }
}
