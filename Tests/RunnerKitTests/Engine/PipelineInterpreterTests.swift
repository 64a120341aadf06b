import Foundation
import Testing

@testable import RunnerKit

@Suite("The pipeline interpreter")
struct PipelineInterpreterTests {
    @Test("a phase that times out on every attempt fails with PHASE_TIMEOUT after all attempts and backoffs")
    func timeoutEveryAttempt() async {
        let probe = Probe()
        let retry = RetrySchedule(attempts: 3, backoff: .seconds(1), maxBackoff: .seconds(30))
        let interpreter = PipelineInterpreter<String>.testing(
            [PhasePlan(id: "slow", timeout: .milliseconds(20), retry: retry), PhasePlan(id: "after", needs: ["slow"])],
            probe: probe
        ) { invocation in try await longWork(invocation.phase.id, probe: probe) }
        let outcome = await interpreter.run()
        #expect(outcome.failure?.errorCode == .phaseTimeout)
        #expect(outcome.failedPhase == "slow")
        #expect(outcome.phase("slow")?.attempts.count == 3)
        #expect(await probe.finishedAttempts("slow") == [.timedOut, .timedOut, .timedOut])
        #expect(await probe.sleeps == [.seconds(1), .seconds(2)])
        #expect(await probe.cancelled == ["slow", "slow", "slow"])
        #expect(await probe.finishedWork.isEmpty)
        #expect(outcome.phase("after")?.status == .notRun)
    }

    @Test("the deadline passing mid-phase cancels the running work and fails the run with DEADLINE_EXCEEDED")
    func deadlineMidPhase() async {
        let probe = Probe()
        let interpreter = PipelineInterpreter<String>.testing(
            [
                PhasePlan(id: "quick"),
                PhasePlan(id: "stuck", needs: ["quick"], timeout: .seconds(60)),
                PhasePlan(id: "never", needs: ["stuck"]),
            ],
            deadline: .milliseconds(400), probe: probe
        ) { invocation in
            invocation.phase.id == "quick" ? "ok" : try await longWork(invocation.phase.id, probe: probe)
        }
        let outcome = await interpreter.run()
        #expect(outcome.failure?.errorCode == .deadlineExceeded)
        #expect(outcome.failedPhase == "stuck")
        #expect(outcome.phase("quick")?.status == .succeeded)
        #expect(outcome.phase("stuck")?.status == .failed)
        #expect(outcome.phase("stuck")?.failure?.errorCode == .deadlineExceeded)
        #expect(outcome.phase("never")?.status == .notRun)
        #expect(await probe.cancelled == ["stuck"])
        #expect(await probe.finishedWork.isEmpty)
        #expect(await probe.finishedAttempts("stuck") == [.failed])
    }

    @Test("the deadline also cuts a backoff sleep short")
    func deadlineDuringBackoff() async {
        let probe = Probe()
        let interpreter = PipelineInterpreter<String>(
            plan: PipelinePlan(
                name: "p", deadline: .milliseconds(400),
                phases: [PhasePlan(id: "flaky", retry: RetrySchedule(attempts: 3, backoff: .seconds(20)))]),
            backoffSleep: { try await Task.sleep(for: $0) }, jitter: { $0 }
        ) { _ in
            _ = await probe.call("flaky")
            throw PhaseFailure(.agentFailed, "exit 1")
        }
        let outcome = await interpreter.run()
        #expect(outcome.failure?.errorCode == .deadlineExceeded)
        #expect(await probe.calls["flaky"] == 1)
    }

    @Test("a false if skips the phase and every phase that needs it, while other branches run")
    func skipPropagation() async {
        let probe = Probe()
        let interpreter = PipelineInterpreter<String>.testing(
            [
                PhasePlan(id: "a"),
                PhasePlan(id: "b", needs: ["a"], condition: { $0["a"]?.output == "no" }, conditionText: "a.x == no"),
                PhasePlan(id: "c", needs: ["b"]),
                PhasePlan(id: "d", needs: ["c", "a"]),
                PhasePlan(id: "e", needs: ["a"], condition: { $0["a"]?.output == "yes" }),
            ],
            probe: probe
        ) { invocation in invocation.phase.id == "a" ? "yes" : invocation.phase.id }
        let outcome = await interpreter.run()
        #expect(outcome.failure == nil)
        #expect(outcome.phases.map(\.status) == [.succeeded, .skipped, .skipped, .skipped, .succeeded])
        #expect(outcome.phase("b")?.skipReason == "if: a.x == no is false")
        #expect(outcome.phase("c")?.skipReason == "needs b, which was skipped")
        #expect(await probe.skipped() == ["b", "c", "d"])
    }

    @Test("phases whose needs are satisfied run concurrently")
    func parallelBranches() async {
        let probe = Probe()
        let barrier = Barrier(parties: 2)
        let interpreter = PipelineInterpreter<String>.testing(
            [
                PhasePlan(id: "root"),
                PhasePlan(id: "left", needs: ["root"], timeout: .seconds(20)),
                PhasePlan(id: "right", needs: ["root"], timeout: .seconds(20)),
                PhasePlan(id: "join", needs: ["left", "right"]),
            ],
            probe: probe
        ) { invocation in
            if invocation.phase.id == "left" || invocation.phase.id == "right" { await barrier.arrive() }
            return invocation.phase.id
        }
        let outcome = await interpreter.run()
        #expect(outcome.failure == nil)
        #expect(outcome.phases.allSatisfy { $0.status == .succeeded })
    }

    @Test("a join phase sees the outputs of every phase it needs")
    func upstreamOutputs() async {
        let probe = Probe()
        let interpreter = PipelineInterpreter<String>.testing(
            [PhasePlan(id: "x"), PhasePlan(id: "y"), PhasePlan(id: "z", needs: ["x", "y"])], probe: probe
        ) { invocation in
            invocation.completed.keys.sorted().compactMap { invocation.completed[$0]?.output }.joined() + invocation.phase.id
        }
        let outcome = await interpreter.run()
        #expect(outcome.phase("z")?.output == "xyz")
    }
}
