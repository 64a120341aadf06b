/// Writes a run's phase attempts to `run_phases` as the interpreter reports them, and keeps the
/// heartbeat; storage failures are collected, never thrown into the pipeline.
actor RunJournal {
    private let storage: Storage
    private let runId: String
    private(set) var failures: [String] = []

    init(storage: Storage, runId: String) {
        self.storage = storage
        self.runId = runId
    }

    /// Records one interpreter event.
    func record(_ event: PhaseEvent) {
        do {
            switch event {
            case .attemptStarted(let phase, let ordinal, let attempt, let at):
                try storage.recordAttemptStarted(runId: runId, phase: phase, attempt: attempt, ordinal: ordinal, at: at)
            case .attemptFinished(let phase, _, let record, let finishedAt):
                try storage.recordAttemptFinished(
                    runId: runId, phase: phase, attempt: record.attempt, status: record.status.rawValue,
                    finishedAt: finishedAt, durationMs: record.durationMs, errorCode: record.failure?.code,
                    errorMessage: record.failure?.message)
            case .skipped(let phase, let ordinal, let at, let reason):
                try storage.recordPhaseSkipped(runId: runId, phase: phase, ordinal: ordinal, at: at, reason: reason)
            }
        } catch {
            failures.append("recording \(event) failed: \(error)")
        }
    }

    /// Refreshes the heartbeat.
    func beat() {
        do { try storage.heartbeat(runId: runId) } catch { failures.append("heartbeat failed: \(error)") }
    }

    /// Refreshes the heartbeat every `interval` until cancelled.
    nonisolated func keepBeating(every interval: Duration) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            await beat()
        }
    }
}
