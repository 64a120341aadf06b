import RunnerKit

/// Wraps the store so a failed consume after the file step says what happened and how it heals: the file
/// is written first and signals are consumed after the rename (6.3), so a failure here leaves them pending
/// and the next reflect finds their ids in Evidence and marks them consumed without touching the file (5.3).
struct ReflectConsumeGuard: LearningSignalStore {
    /// The wrapped store.
    let base: any LearningSignalStore

    /// Raised when consuming failed after the file step.
    struct ConsumeFailed: RunnerError {
        let underlying: any RunnerError
        let count: Int
        var code: String { underlying.code }
        var exitStatus: ExitStatus { underlying.exitStatus }
        var description: String {
            "the learnings file step completed, but marking \(count) signal(s) consumed failed: \(underlying.description). "
                + "No signal was marked (the update rolled back); the next `runner learnings reflect --apply` finds the pending ones "
                + "in Evidence and marks them consumed without changing the file."
        }
    }

    func record(_ observations: [SignalObservation]) throws { try base.record(observations) }
    func pendingSignals() throws -> [LearningSignal] { try base.pendingSignals() }
    func signal(id: Int64) throws -> LearningSignal? { try base.signal(id: id) }
    func dismiss(id: Int64, note: String, at timestamp: String) throws { try base.dismiss(id: id, note: note, at: timestamp) }

    func consume(_ resolutions: [SignalResolution], at timestamp: String) throws {
        do {
            try base.consume(resolutions, at: timestamp)
        } catch let error as any RunnerError {
            throw ConsumeFailed(underlying: error, count: resolutions.count)
        }
    }
}
