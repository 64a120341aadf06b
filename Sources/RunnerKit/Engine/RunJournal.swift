/// Writes a run's phase attempts to `run_phases` as the interpreter reports them, and keeps the
/// heartbeat; storage failures are collected, never thrown into the pipeline.
///
/// Records are written behind: an event is kept for at most `flushDelay` and then written with
/// whatever else arrived meanwhile in one transaction, and the run's finish writes what is left
/// (`flush`). A built-in v4 run thus costs one or two phase transactions instead of one per
/// event, while a long phase (an external agent) still shows as `running` within `flushDelay`.
/// A process killed mid-run loses at most the last `flushDelay` of phase rows; its run row is
/// abandoned as usual (operations.md §1.3).
actor RunJournal {
    /// How long an event may wait before it is written.
    static let flushDelay: Duration = .milliseconds(200)

    private let storage: Storage
    private let runId: String
    private(set) var failures: [String] = []
    private var pending: [PhaseRecord] = []
    private var flushScheduled = false

    init(storage: Storage, runId: String) {
        self.storage = storage
        self.runId = runId
    }

    /// Records one interpreter event (written within `flushDelay`, or by `flush`).
    func record(_ event: PhaseEvent) {
        switch event {
        case .attemptStarted(let phase, let ordinal, let attempt, let at):
            pending.append(.started(phase: phase, attempt: attempt, ordinal: ordinal, at: at))
        case .attemptFinished(let phase, _, let record, let finishedAt):
            pending.append(
                .finished(
                    phase: phase, attempt: record.attempt, status: record.status.rawValue, at: finishedAt,
                    durationMs: record.durationMs, errorCode: record.failure?.code, errorMessage: record.failure?.message))
        case .skipped(let phase, let ordinal, let at, let reason):
            pending.append(.skipped(phase: phase, ordinal: ordinal, at: at, reason: reason))
        }
        guard !flushScheduled else { return }
        flushScheduled = true
        Task {
            try? await Task.sleep(for: Self.flushDelay)
            self.flush()
        }
    }

    /// Writes every pending record now, in one transaction.
    func flush() {
        flushScheduled = false
        guard !pending.isEmpty else { return }
        let records = pending
        pending = []
        do {
            try storage.recordPhases(runId: runId, records)
        } catch {
            failures.append("recording \(records.count) phase record(s) failed: \(error)")
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
