/// `save_schedule`: re-runs the hard gates on the exact schedule, then save_schedule (a dry run
/// in read-only runs). DATABASE_BUSY is retried; any other failure is SAVE_FAILED.
struct SaveScheduleStep: PhaseStep {
    func run(_ input: StepInput) async throws -> StepOutput<ArtifactValue> {
        let schedule = try input.inputs.schedule()
        let result = try input.inputs.certificate()
        let run = input.services.run
        if let context = try? input.inputs.context() {
            let gate = (try? input.services.dataSource.loadGateData(creatorId: context.creatorId))
                ?? GateData(vaultTypes: context.vaultTypes, avoidTypes: context.avoidTypes)
            let (violations, _) = BuiltinValidator.runGates(schedule, context: context, gate: gate)
            if let first = violations.first {
                throw PhaseFailure(.saveFailed, "\(first.code): hard gate failed on the schedule to save: \(first.message)")
            }
        }
        try Task.checkCancellation()
        let parameters: [String: ToolValue] = [
            "creator_id": .string(run.creator.creatorId), "week_start": .string(run.weekStart),
            "items": .array(try schedule.savedList.map { try $0.toolValue() }),
            "validation_certificate": try ToolValue.encode(result.certificate), "dry_run": .bool(run.readOnly),
        ]
        let saved = input.services.tools.saveSchedule(
            parameters, context: ToolCallContext(runID: run.runId, actor: run.actor, readOnly: run.readOnly))
        guard saved.success else {
            let code = saved.error_code ?? "DATABASE_ERROR"
            if code == "DATABASE_BUSY" { throw PhaseFailure(.databaseBusy, saved.error ?? "database busy") }
            throw PhaseFailure(.saveFailed, "\(code): \(saved.error ?? "save_schedule failed")")
        }
        var fields: [String: ExpressionValue] = ["status": .text(saved.status ?? (saved.dry_run == true ? "dry_run" : "saved"))]
        if let id = saved.schedule_id, saved.dry_run != true { fields["schedule_id"] = .int(id) }
        if let hash = saved.metadata?.schedule_hash { fields["schedule_hash"] = .text(hash) }
        return StepOutput(artifacts: [.saved: .saved(saved)], fields: fields)
    }
}
