extension RunLauncher {
    /// The run status a pipeline outcome maps to (operations.md §1.3).
    static func status(of outcome: PipelineOutcome<StepOutput<Runner.Value>>, verdict: RunVerdict) -> RunStatus {
        if let failure = outcome.failure {
            return failure.errorCode.isBlocking ? .blocked : .failed
        }
        if verdict.validationStatus == "REJECTED" { return .rejected }
        return .succeeded
    }

    /// Writes the terminal row and builds the report.
    func finish(
        _ row: RunStart, creator: CreatorIdentity, decision: RoutingDecision,
        outcome: PipelineOutcome<StepOutput<Runner.Value>>, runner: Runner, journal: RunJournal, notices: [String],
        learnings: RunLearnings
    ) async -> RunReport {
        let verdict = runner.verdict(of: outcome)
        let status = Self.status(of: outcome, verdict: verdict)
        var errors: [RunErrorReport] = []
        if let failure = outcome.failure {
            errors.append(RunErrorReport(code: failure.code, message: failure.message, phase: outcome.failedPhase))
        }
        var finish = RunFinish(
            status: status, validationStatus: verdict.validationStatus, qualityScore: verdict.qualityScore,
            gateCodes: verdict.gateCodes, hardGateViolation: verdict.hasHardGateViolation,
            totalItems: verdict.totalItems, scheduleId: verdict.scheduleId, scheduleHash: verdict.scheduleHash,
            errorCode: status == .failed || status == .blocked ? outcome.failure?.code : nil,
            errorMessage: status == .failed || status == .blocked ? outcome.failure?.message : nil)
        let capture = captureLearnings(
            row, creator: creator, learnings: learnings, status: status, verdict: verdict, outcome: outcome)
        (finish.learnings, finish.signals, finish.signalsCount) = (capture.record, capture.signals, capture.count)
        // The phase rows go first, so the finished run never shows an attempt still running.
        await journal.flush()
        do {
            if let failure = try storage.finishRun(runId: row.runId, finish, owner: owner) {
                errors.append(RunErrorReport(code: "DATABASE_ERROR", message: failure, phase: nil))
            }
        } catch let error as any RunnerError {
            errors.append(RunErrorReport(code: error.code, message: error.description, phase: nil))
        } catch {
            errors.append(RunErrorReport(code: "DATABASE_ERROR", message: "\(error)", phase: nil))
        }
        for failure in await journal.failures {
            errors.append(RunErrorReport(code: "DATABASE_ERROR", message: failure, phase: nil))
        }
        let phases = outcome.phases.map { phase in
            PhaseReport(
                id: phase.id, status: phase.status, attempts: phase.attempts.count, durationMs: phase.durationMs,
                error: phase.failure.map { RunErrorReport(code: $0.code, message: $0.message, phase: phase.id) })
        }
        return RunReport(
            runId: row.runId, creatorId: creator.creatorId, weekStart: row.weekStart, pipeline: row.pipeline,
            role: row.role, decision: decision, status: status, validationStatus: verdict.validationStatus,
            qualityScore: verdict.qualityScore, totalItems: verdict.totalItems, scheduleId: verdict.scheduleId,
            scheduleHash: verdict.scheduleHash, durationMs: outcome.durationMs, phases: phases,
            violations: verdict.violations, fallbackRunId: nil, errors: errors, notices: notices,
            pageName: creator.pageName)
    }
}
