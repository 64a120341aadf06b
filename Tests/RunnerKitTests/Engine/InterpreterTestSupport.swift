import Foundation

@testable import RunnerKit

/// Collects what fake steps and injected sleeps observe, across tasks.
actor Probe {
    private(set) var sleeps: [Duration] = []
    private(set) var events: [PhaseEvent] = []
    private(set) var calls: [String: Int] = [:]
    private(set) var cancelled: [String] = []
    private(set) var finishedWork: [String] = []

    func sleep(_ duration: Duration) { sleeps.append(duration) }
    func event(_ event: PhaseEvent) { events.append(event) }
    func call(_ phase: String) -> Int {
        calls[phase, default: 0] += 1
        return calls[phase]!
    }
    func cancel(_ phase: String) { cancelled.append(phase) }
    func finish(_ phase: String) { finishedWork.append(phase) }

    /// Attempt numbers and statuses of the finished attempts of `phase`.
    func finishedAttempts(_ phase: String) -> [AttemptStatus] {
        events.compactMap {
            if case .attemptFinished(let p, _, let record, _) = $0, p == phase { record.status } else { nil }
        }
    }

    /// Phases reported skipped, in order.
    func skipped() -> [String] {
        events.compactMap { if case .skipped(let p, _, _, _) = $0 { p } else { nil } }
    }
}

/// Two phases that each wait until the other has arrived: only passes if they run concurrently.
actor Barrier {
    private let parties: Int
    private var arrived = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(parties: Int) { self.parties = parties }

    func arrive() async {
        arrived += 1
        if arrived == parties {
            waiters.forEach { $0.resume() }
            waiters.removeAll()
        } else {
            await withCheckedContinuation { waiters.append($0) }
        }
    }
}

/// Sleeps "forever" unless cancelled; records the cancellation, and work done after the sleep.
func longWork(_ phase: String, probe: Probe) async throws -> String {
    do {
        try await Task.sleep(for: .seconds(30))
    } catch {
        await probe.cancel(phase)
        throw error
    }
    await probe.finish(phase)
    return phase
}

extension PipelineInterpreter where Output == String {
    /// An interpreter whose backoff sleeps are recorded, not slept, with no jitter.
    static func testing(
        _ phases: [PhasePlan<String>], deadline: Duration = .seconds(30), probe: Probe,
        jitter: @escaping @Sendable (Duration) -> Duration = { $0 },
        step: @escaping Step
    ) -> PipelineInterpreter<String> {
        PipelineInterpreter(
            plan: PipelinePlan(name: "test", deadline: deadline, phases: phases),
            backoffSleep: { await probe.sleep($0) }, jitter: jitter,
            onEvent: { await probe.event($0) }, step: step)
    }
}
