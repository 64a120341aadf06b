import Foundation
import Testing

@testable import RunnerKit

@Suite("Retries and backoff")
struct RetryTests {
    @Test(
        "the sleep before attempt n+1 is min(backoff × 2^(n−1), max_backoff)",
        arguments: [(1, 1), (2, 2), (3, 4), (4, 5), (10, 5), (100, 5)])
    func backoffFormula(_ n: Int, _ seconds: Int) {
        let policy = RetrySchedule(attempts: 10, backoff: .seconds(1), maxBackoff: .seconds(5))
        #expect(policy.delay(afterAttempt: n) == .seconds(seconds))
    }

    @Test("the shipped v5 preflight policy sleeps 1s then 2s between its three attempts")
    func totalBackoff() {
        #expect(RetrySchedule(attempts: 3).totalBackoff == .seconds(3))
        #expect(RetrySchedule(attempts: 1).totalBackoff == .zero)
    }

    @Test("retryable failures are retried until an attempt succeeds", arguments: [
        RunErrorCode.agentFailed, .agentOutputInvalid, .databaseBusy,
    ])
    func retryableCodes(_ code: RunErrorCode) async {
        let probe = Probe()
        let interpreter = PipelineInterpreter<String>.testing(
            [PhasePlan(id: "p", retry: RetrySchedule(attempts: 5, backoff: .milliseconds(100), maxBackoff: .seconds(1)))],
            probe: probe
        ) { _ in
            if await probe.call("p") < 3 { throw PhaseFailure(code, "boom") }
            return "done"
        }
        let outcome = await interpreter.run()
        #expect(outcome.failure == nil)
        #expect(outcome.phase("p")?.attempts.map(\.status) == [.failed, .failed, .succeeded])
        #expect(await probe.sleeps == [.milliseconds(100), .milliseconds(200)])
    }

    @Test("domain outcomes are never retried", arguments: [
        RunErrorCode.creatorInactive, .noEligibleContent, .readinessBlocked, .creatorNotFound, .saveFailed,
    ])
    func nonRetryableCodes(_ code: RunErrorCode) async {
        let probe = Probe()
        let interpreter = PipelineInterpreter<String>.testing(
            [PhasePlan(id: "p", retry: RetrySchedule(attempts: 3)), PhasePlan(id: "q", needs: ["p"])], probe: probe
        ) { _ in
            _ = await probe.call("p")
            throw PhaseFailure(code, "no")
        }
        let outcome = await interpreter.run()
        #expect(outcome.failure?.errorCode == code)
        #expect(await probe.calls["p"] == 1)
        #expect(await probe.sleeps.isEmpty)
        #expect(outcome.phase("q")?.status == .notRun)
    }

    @Test("jitter only ever shortens a sleep")
    func jitterShortensOnly() async {
        for (jitter, expected) in [(0.5, Duration.milliseconds(500)), (3.0, .seconds(1))] {
            let probe = Probe()
            let interpreter = PipelineInterpreter<String>.testing(
                [PhasePlan(id: "p", retry: RetrySchedule(attempts: 2))], probe: probe, jitter: { $0 * jitter }
            ) { _ in throw PhaseFailure(.databaseBusy, "busy") }
            _ = await interpreter.run()
            #expect(await probe.sleeps == [expected])
        }
    }

    @Test("continue_on_error lets dependents run and the run succeed")
    func continueOnError() async {
        let probe = Probe()
        let interpreter = PipelineInterpreter<String>.testing(
            [PhasePlan(id: "advisory", continueOnError: true), PhasePlan(id: "next", needs: ["advisory"])],
            probe: probe
        ) { invocation in
            if invocation.phase.id == "advisory" { throw PhaseFailure(.agentFailed, "down") }
            return "ran"
        }
        let outcome = await interpreter.run()
        #expect(outcome.failure == nil)
        #expect(outcome.phase("advisory")?.status == .failed)
        #expect(outcome.phase("next")?.output == "ran")
    }

    @Test("an unexpected error becomes INTERNAL_ERROR and a RunnerError keeps its code")
    func errorMapping() {
        struct Odd: Error {}
        #expect(PhaseFailure(wrapping: Odd()).errorCode == .internalError)
        #expect(PhaseFailure(wrapping: FlagEnvironmentError.notBoolean(variable: "V", value: "x")).code == "C018")
    }

    @Test("cancelling the caller ends the run with INTERRUPTED and stops the work")
    func interrupted() async {
        let probe = Probe()
        let interpreter = PipelineInterpreter<String>.testing([PhasePlan(id: "long")], probe: probe) { invocation in
            try await longWork(invocation.phase.id, probe: probe)
        }
        let task = Task { await interpreter.run() }
        while await probe.events.isEmpty { await Task.yield() }
        task.cancel()
        let outcome = await task.value
        #expect(outcome.failure?.errorCode == .interrupted)
        #expect(await probe.cancelled == ["long"])
    }
}
