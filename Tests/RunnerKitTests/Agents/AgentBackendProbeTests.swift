import Foundation
import Testing

@testable import RunnerKit

@Suite("diagnose agent: one probe per configured agent", .serialized)
struct AgentBackendProbeTests {
    /// A probe over the shipped pipelines with agents.yaml replaced and v5's generator retried twice.
    func probe(agents: String) throws -> (AgentBackendProbe, LifecycleFixture) {
        let fixture = try LifecycleFixture { files in
            files["agents.yaml"] = agents
            files["v5.yaml"] = files["v5.yaml"]!.replacingOccurrences(
                of: "with: { agent: schedule-generator, model: sonnet }\n    timeout: 90s",
                with: "with: { agent: schedule-generator, model: sonnet }\n    timeout: 2s\n    retry: { attempts: 2, backoff: 1ms }")
        }
        let config = try fixture.config()
        #expect(config.isValid, "\(config.blockingErrors)")
        var probe = try AgentBackendProbe(
            config: config, context: try SchedulingFixtures.context("alexia"), weekStart: "2026-01-05",
            now: fixture.clock.now())
        probe.backoffSleep = { _ in }
        probe.killGrace = .milliseconds(100)
        return (probe, fixture)
    }

    @Test("a conforming external agent and the builtin ones pass, with the phase's timeout, retries and model")
    func conformingAgents() async throws {
        let yaml = """
            version: 1
            kind: agents
            agents:
              schedule-generator: { role: generator, backend: command, command: ["\(AgentFixtures.path("record-request.sh"))", "/dev/null"] }
              schedule-validator: { role: validator, backend: builtin }
              spare: { role: generator, backend: builtin }

            """
        let (probe, _) = try probe(agents: yaml)
        let results = await probe.probeAll()
        #expect(results.map(\.agent) == ["schedule-generator", "schedule-validator", "spare"])
        #expect(results.allSatisfy { $0.conforms }, "\(results)")
        let generator = try #require(results.first)
        #expect(generator.pipeline == "v5")
        #expect(generator.phase == "generator")
        #expect(generator.model == "sonnet")
        #expect(generator.timeoutMs == 2000)
        #expect(generator.maxAttempts == 2)
        #expect(generator.attempts == 1)
        #expect(generator.summary == "0 items, 0 follow-ups")
        #expect(results[1].summary?.hasPrefix("APPROVED") == true || results[1].summary?.hasPrefix("NEEDS_REVIEW") == true)
        #expect(results[2].pipeline == nil)
    }

    @Test("a failing external agent is retried under its phase's policy and reported as not conforming")
    func failingAgent() async throws {
        let yaml = """
            version: 1
            kind: agents
            agents:
              schedule-generator: { role: generator, backend: command, command: ["\(AgentFixtures.path("wrong-shape.sh"))"] }
              schedule-validator: { role: validator, backend: builtin }

            """
        let (probe, _) = try probe(agents: yaml)
        let results = await probe.probeAll(only: "schedule-generator")
        #expect(results.count == 1)
        let result = try #require(results.first)
        #expect(!result.conforms)
        #expect(result.attempts == 2)
        #expect(result.attemptLatenciesMs.count == 2)
        #expect(result.errorCode == "AGENT_OUTPUT_INVALID")
        #expect(result.error?.contains("$.items[3].price") == true)
    }

    @Test("a validator probe judges the built-in schedule and gets a verdict")
    func validatorProbe() async throws {
        let yaml = """
            version: 1
            kind: agents
            agents:
              schedule-generator: { role: generator, backend: builtin }
              schedule-validator: { role: validator, backend: command, command: ["\(AgentFixtures.path("validator-ok.sh"))"] }

            """
        let (probe, _) = try probe(agents: yaml)
        let result = try #require(await probe.probeAll(only: "schedule-validator").first)
        #expect(result.conforms, "\(result)")
        #expect(result.summary == "NEEDS_REVIEW 72, 1 violations")
        let request = try probe.request(for: probe.config.agents["schedule-validator"]!, model: "opus")
        #expect(request.jsonValue["schedule"]?["items"]?.arrayValue?.isEmpty == false)
    }
}
