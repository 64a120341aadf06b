import Foundation
import Testing

@testable import RunnerKit

/// One misbehaving agent program and how its attempt must end.
struct AgentFault: Sendable, CustomTestStringConvertible {
    /// The fixture script (or a path that does not exist).
    var script: String
    /// The code the attempt ends with.
    var code: RunErrorCode
    /// A fragment the failure message must contain.
    var fragment: String
    /// Whether the script writes the pids it started to a file given as its argument.
    var writesPids = false

    var testDescription: String { "\(script) -> \(code)" }

    static let all: [AgentFault] = [
        AgentFault(script: "does-not-exist.sh", code: .agentFailed, fragment: "No such file or directory"),
        AgentFault(script: "not-executable.sh", code: .agentFailed, fragment: "Permission denied"),
        AgentFault(script: "exit-nonzero.sh", code: .agentFailed, fragment: "exited with status 3; stderr: model quota exhausted"),
        AgentFault(script: "garbage.sh", code: .agentOutputInvalid, fragment: "is not a JSON object: cannot parse \"Sure!"),
        AgentFault(script: "huge-output.sh", code: .agentOutputInvalid, fragment: "more than 8 MiB on stdout"),
        AgentFault(script: "wrong-shape.sh", code: .agentOutputInvalid, fragment: "at $.items[3].price: must be a number or null, found string \"12\""),
        AgentFault(script: "sleep-forever.sh", code: .phaseTimeout, fragment: "passed its timeout of 400ms", writesPids: true),
        AgentFault(script: "ignore-term.sh", code: .phaseTimeout, fragment: "passed its timeout of 400ms", writesPids: true),
        AgentFault(script: "fork-child-timeout.sh", code: .phaseTimeout, fragment: "passed its timeout of 400ms", writesPids: true),
    ]

    /// The agent running this fault, with a pid file argument when it writes one.
    func agent(pidFile: URL) -> AgentDefinition {
        AgentFixtures.agent(command: [AgentFixtures.path(script)] + (writesPids ? [pidFile.path] : []))
    }
}

@Suite("Command agent: faults end the attempt with the right code and leave nothing behind")
struct CommandAgentFaultTests {
    @Test("each faulty agent ends its attempt with the right code and message", arguments: AgentFault.all)
    func faultEndsAttempt(_ fault: AgentFault) async throws {
        let pidFile = AgentFixtures.temporaryDirectory().appendingPathComponent("pids")
        let backend = AgentFixtures.backend(fault.agent(pidFile: pidFile))
        do {
            _ = try await backend.run(AgentFixtures.request(), timeout: .milliseconds(400))
            Issue.record("the attempt succeeded")
        } catch let error as AgentProtocolError {
            #expect(error.errorCode == fault.code)
            #expect(error.description.contains(fault.fragment), "\(error.description)")
            #expect(error.description.hasPrefix("agent test-agent "))
        }
        for pid in AgentFixtures.pids(in: pidFile) {
            #expect(!AgentFixtures.isAlive(pid), "process \(pid) survived")
            #expect(AgentProcessGroupProbe.liveMembers(of: pid).isEmpty)
        }
        if fault.writesPids { #expect(!AgentFixtures.pids(in: pidFile).isEmpty) }
    }

    @Test("each faulty agent is retried under the phase's retry policy", arguments: AgentFault.all)
    func faultIsRetried(_ fault: AgentFault) async {
        let pidFile = AgentFixtures.temporaryDirectory().appendingPathComponent("pids")
        let backend = AgentFixtures.backend(fault.agent(pidFile: pidFile))
        let phase = PhasePlan<ToolValue>(
            id: "generator", timeout: .milliseconds(400),
            retry: RetrySchedule(attempts: 2, backoff: .milliseconds(1), maxBackoff: .milliseconds(1)))
        let interpreter = PipelineInterpreter(plan: PipelinePlan(name: "v5", deadline: .seconds(20), phases: [phase])) {
            invocation in
            try await backend.run(AgentFixtures.request(), timeout: invocation.phase.timeout).schedule ?? .null
        }
        let outcome = await interpreter.run()
        let result = outcome.phase("generator")
        #expect(result?.attempts.count == 2)
        #expect(result?.attempts.allSatisfy { $0.failure?.errorCode == fault.code } == true)
        #expect(outcome.failure?.errorCode == fault.code)
        for pid in AgentFixtures.pids(in: pidFile) { #expect(!AgentFixtures.isAlive(pid)) }
    }

    @Test("an agent that answers and exits leaves no forked child behind")
    func forkedChildOfSuccessfulAgentIsKilled() async throws {
        let pidFile = AgentFixtures.temporaryDirectory().appendingPathComponent("pids")
        let backend = AgentFixtures.backend(
            AgentFixtures.agent(command: [AgentFixtures.path("fork-child-answer.sh"), pidFile.path]))
        let response = try await backend.run(AgentFixtures.request(), timeout: .seconds(5))
        #expect(response.schedule?["items"] == [])
        let pids = AgentFixtures.pids(in: pidFile)
        #expect(pids.count == 2)
        for pid in pids { #expect(!AgentFixtures.isAlive(pid), "process \(pid) survived") }
    }

    @Test("a flaky agent that fails once succeeds on its second attempt")
    func flakyAgentRecovers() async {
        let counter = AgentFixtures.temporaryDirectory().appendingPathComponent("calls")
        let backend = AgentFixtures.backend(AgentFixtures.agent(command: [AgentFixtures.path("flaky.sh"), counter.path]))
        let phase = PhasePlan<ToolValue>(
            id: "generator", timeout: .seconds(5),
            retry: RetrySchedule(attempts: 3, backoff: .milliseconds(1), maxBackoff: .milliseconds(1)))
        let interpreter = PipelineInterpreter(plan: PipelinePlan(name: "v5", deadline: .seconds(20), phases: [phase])) {
            invocation in
            try await backend.run(AgentFixtures.request(), timeout: invocation.phase.timeout).schedule ?? .null
        }
        let outcome = await interpreter.run()
        #expect(outcome.failure == nil)
        #expect(outcome.phase("generator")?.attempts.map(\.status) == [.failed, .succeeded])
        #expect(outcome.phase("generator")?.attempts.first?.failure?.errorCode == .agentFailed)
    }

    @Test("the agent's own shorter timeout wins over the phase's")
    func agentTimeoutWins() async {
        let pidFile = AgentFixtures.temporaryDirectory().appendingPathComponent("pids")
        let agent = AgentFixtures.agent(
            command: [AgentFixtures.path("sleep-forever.sh"), pidFile.path], timeout: ConfigDuration(milliseconds: 300))
        let backend = AgentFixtures.backend(agent)
        #expect(backend.effectiveTimeout(phaseTimeout: .seconds(90)) == .milliseconds(300))
        do {
            _ = try await backend.run(AgentFixtures.request(), timeout: .seconds(90))
            Issue.record("the attempt succeeded")
        } catch let error as AgentProtocolError {
            #expect(error.errorCode == .phaseTimeout)
            #expect(error.description.contains("300ms"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
