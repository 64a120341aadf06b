import Foundation

/// Runs a DAG of phases: concurrency where `needs` allow, per-attempt timeouts, retries with
/// capped exponential backoff, skips, and the whole-run deadline (config.md §2).
///
/// Cancellation is cooperative: when an attempt times out or the deadline passes, the step's
/// task is cancelled and the interpreter waits for it to return, so a step must stop at its
/// next suspension point (in-process steps check `Task.checkCancellation`; the command agent
/// backend kills its process group).
public struct PipelineInterpreter<Output: Sendable>: Sendable {
    /// What a step receives for one attempt.
    public struct Invocation: Sendable {
        /// The phase being run.
        public var phase: PhasePlan<Output>
        /// 1-based attempt number.
        public var attempt: Int
        /// Results of every phase finished before this one started.
        public var completed: [String: PhaseResult<Output>]
    }

    /// Runs one attempt of a phase; throws a `PhaseFailure` (or any error) to fail it.
    public typealias Step = @Sendable (Invocation) async throws -> Output

    /// The pipeline to run.
    public var plan: PipelinePlan<Output>
    /// The step behind every phase id.
    public var step: Step
    /// The runner clock, for wall timestamps only (durations are monotonic).
    public var clock: RunnerClock
    /// Sleeps between attempts; tests inject a recorder.
    public var backoffSleep: @Sendable (Duration) async throws -> Void
    /// Shortens a backoff sleep (never lengthens it).
    public var jitter: @Sendable (Duration) -> Duration
    /// At most this many phases run at once.
    public var maxConcurrency: Int
    /// Receives every attempt start/finish and every skip, in order per phase.
    public var onEvent: @Sendable (PhaseEvent) async -> Void

    /// Creates an interpreter with real sleeps and a jitter that keeps 50–100 % of each sleep.
    public init(
        plan: PipelinePlan<Output>, clock: RunnerClock = .system, maxConcurrency: Int = .max,
        backoffSleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        jitter: @escaping @Sendable (Duration) -> Duration = { $0 * Double.random(in: 0.5...1.0) },
        onEvent: @escaping @Sendable (PhaseEvent) async -> Void = { _ in },
        step: @escaping Step
    ) {
        self.plan = plan
        self.step = step
        self.clock = clock
        self.backoffSleep = backoffSleep
        self.jitter = jitter
        self.maxConcurrency = max(1, maxConcurrency)
        self.onEvent = onEvent
    }

    private enum Race: Sendable {
        case finished(LoopResult)
        case deadline
        case stopped
    }

    /// The phases' results plus the failure that ended the scheduling loop.
    struct LoopResult: Sendable {
        var results: [String: PhaseResult<Output>]
        var fatal: (phase: String, failure: PhaseFailure)?
    }

    /// Runs the pipeline to completion, failure or deadline. Never throws: every failure is in
    /// the outcome. Cancelling the calling task ends the run with `INTERRUPTED`.
    public func run() async -> PipelineOutcome<Output> {
        let start = ContinuousClock.now
        let cause = CancellationCause()
        let deadline = start.advanced(by: plan.deadline)
        var dagRun = LoopResult(results: [:], fatal: nil)
        var deadlineHit = false
        await withTaskGroup(of: Race.self) { group in
            group.addTask { .finished(await self.runLoop(cause: cause)) }
            group.addTask {
                do {
                    try await Task.sleep(until: deadline, clock: .continuous)
                    await cause.set(.deadlineExceeded)
                    return .deadline
                } catch {
                    return .stopped
                }
            }
            for await item in group {
                switch item {
                case .finished(let run):
                    dagRun = run
                    group.cancelAll()
                case .deadline:
                    deadlineHit = true
                    group.cancelAll()
                case .stopped:
                    break
                }
            }
        }
        return outcome(of: dagRun, deadlineHit: deadlineHit, interrupted: Task.isCancelled, start: start)
    }

    private func outcome(
        of run: LoopResult, deadlineHit: Bool, interrupted: Bool, start: ContinuousClock.Instant
    ) -> PipelineOutcome<Output> {
        let phases = plan.phases.enumerated().map { ordinal, phase in
            run.results[phase.id] ?? PhaseResult(id: phase.id, ordinal: ordinal, status: .notRun)
        }
        var failure = run.fatal?.failure
        var failedPhase = run.fatal?.phase
        if deadlineHit {
            let cut = phases.filter { $0.failure?.errorCode == .deadlineExceeded }.map(\.id)
            let during = cut.isEmpty ? "" : " during \(cut.joined(separator: ", "))"
            failure = PhaseFailure(
                .deadlineExceeded,
                "pipeline \(plan.name) passed its deadline of \(plan.deadline.wholeMilliseconds / 1000)s\(during)")
            failedPhase = cut.first
        } else if interrupted && failure == nil {
            failure = PhaseFailure(.interrupted, "pipeline \(plan.name) was interrupted")
        }
        return PipelineOutcome(
            phases: phases, failure: failure, failedPhase: failedPhase,
            durationMs: (ContinuousClock.now - start).wholeMilliseconds)
    }
}

/// Why the run's tasks were cancelled: set by the deadline before it cancels them.
actor CancellationCause {
    private var code: RunErrorCode?

    /// Records the cause (first one wins).
    func set(_ code: RunErrorCode) {
        if self.code == nil { self.code = code }
    }

    /// The failure a cancelled attempt records.
    func failure(phase: String) -> PhaseFailure {
        switch code ?? .interrupted {
        case .deadlineExceeded: PhaseFailure(.deadlineExceeded, "phase \(phase) cancelled: pipeline deadline passed")
        case let other: PhaseFailure(other, "phase \(phase) cancelled: run interrupted")
        }
    }
}
