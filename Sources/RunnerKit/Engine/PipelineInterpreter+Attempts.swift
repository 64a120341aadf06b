import Foundation

extension PipelineInterpreter {
    private enum AttemptRace: Sendable {
        case output(Output)
        case timedOut
    }

    /// Runs a phase's attempts with backoff between them; only retryable codes are retried.
    func runPhase(
        _ phase: PhasePlan<Output>, ordinal: Int, completed: [String: PhaseResult<Output>], cause: CancellationCause
    ) async -> PhaseResult<Output> {
        let phaseStart = ContinuousClock.now
        var attempts: [AttemptRecord] = []
        var lastFailure: PhaseFailure?
        for attempt in 1...phase.retry.attempts {
            if attempt > 1 {
                do {
                    let base = phase.retry.delay(afterAttempt: attempt - 1)
                    try await backoffSleep(min(jitter(base), base))
                    try Task.checkCancellation()
                } catch {
                    lastFailure = await cause.failure(phase: phase.id)
                    break
                }
            }
            let startedAt = clock.now()
            await onEvent(.attemptStarted(phase: phase.id, ordinal: ordinal, attempt: attempt, at: startedAt))
            let attemptStart = ContinuousClock.now
            let invocation = Invocation(phase: phase, attempt: attempt, completed: completed)
            let result = await runAttempt(invocation, cause: cause)
            let record = AttemptRecord(
                attempt: attempt, startedAt: startedAt,
                durationMs: (ContinuousClock.now - attemptStart).wholeMilliseconds,
                status: result.status, failure: result.failure)
            attempts.append(record)
            await onEvent(.attemptFinished(phase: phase.id, ordinal: ordinal, record: record, finishedAt: clock.now()))
            if let output = result.output {
                return PhaseResult(
                    id: phase.id, ordinal: ordinal, status: .succeeded, output: output, attempts: attempts,
                    durationMs: (ContinuousClock.now - phaseStart).wholeMilliseconds)
            }
            lastFailure = result.failure
            guard let failure = result.failure, failure.errorCode.isRetryable, !Task.isCancelled else { break }
        }
        return PhaseResult(
            id: phase.id, ordinal: ordinal, status: .failed, failure: lastFailure, attempts: attempts,
            durationMs: (ContinuousClock.now - phaseStart).wholeMilliseconds)
    }

    /// One attempt raced against its timeout; the loser is cancelled and awaited.
    private func runAttempt(
        _ invocation: Invocation, cause: CancellationCause
    ) async -> (output: Output?, status: AttemptStatus, failure: PhaseFailure?) {
        let phase = invocation.phase
        do {
            let first = try await withThrowingTaskGroup(of: AttemptRace.self) { group in
                group.addTask { .output(try await self.step(invocation)) }
                group.addTask {
                    try await Task.sleep(for: phase.timeout)
                    return .timedOut
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw CancellationError() }
                return first
            }
            switch first {
            case .output(let output):
                return (output, .succeeded, nil)
            case .timedOut:
                if Task.isCancelled { return (nil, .failed, await cause.failure(phase: phase.id)) }
                let failure = PhaseFailure(
                    .phaseTimeout,
                    "phase \(phase.id) attempt \(invocation.attempt) passed its timeout of "
                        + "\(Self.describe(phase.timeout))")
                return (nil, .timedOut, failure)
            }
        } catch {
            if Task.isCancelled { return (nil, .failed, await cause.failure(phase: phase.id)) }
            return (nil, .failed, PhaseFailure(wrapping: error))
        }
    }

    /// `30s`, `250ms`: durations as config.md writes them.
    static func describe(_ duration: Duration) -> String {
        let ms = duration.wholeMilliseconds
        return ms % 1000 == 0 ? "\(ms / 1000)s" : "\(ms)ms"
    }
}
