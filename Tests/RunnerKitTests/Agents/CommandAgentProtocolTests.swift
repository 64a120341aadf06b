import Foundation
import Testing

@testable import RunnerKit

@Suite("Command agent: the protocol v1 exchange")
struct CommandAgentProtocolTests {
    @Test("the request on stdin has every protocol key, the prompt file's text and the learnings")
    func requestContents() async throws {
        let out = AgentFixtures.temporaryDirectory().appendingPathComponent("request.json")
        setenv("EROS_AGENT_TEST_VALUE", "inherited-secret", 1)
        let agent = AgentFixtures.agent(
            command: [AgentFixtures.path("record-request.sh"), out.path, "--model", "{model}", "x-{model}-y"],
            prompt: "prompts/generator.md")
        _ = try await AgentFixtures.backend(agent).run(AgentFixtures.request(model: "opus"), timeout: .seconds(5))
        let request = try #require(ToolValue.parse(String(contentsOf: out, encoding: .utf8)))
        #expect(Set(request.objectValue?.keys.map { $0 } ?? []) == [
            "protocol", "role", "agent", "model", "creator_id", "page_name", "week_start", "context", "schedule",
            "learnings", "prompt",
        ])
        #expect(request["protocol"] == 1)
        #expect(request["role"] == "generator")
        #expect(request["agent"] == "test-agent")
        #expect(request["model"] == "opus")
        #expect(request["creator_id"] == "c1")
        #expect(request["page_name"] == "alexia")
        #expect(request["week_start"] == "2026-01-05")
        #expect(request["context"]?["timezone"] == "America/New_York")
        #expect(request["schedule"] == .null)
        #expect(request["prompt"] == "You are the schedule generator. Answer with JSON only.\n")
        #expect(request["learnings"] == [
            ["id": "L-7", "confidence": "HIGH", "title": "No PPV before 9am", "fields": ["Pattern": "early PPV"]],
        ])
        let args = try String(contentsOf: URL(fileURLWithPath: out.path + ".args"), encoding: .utf8)
        #expect(args == "--model\nopus\nx-opus-y\n")
        let env = try String(contentsOf: URL(fileURLWithPath: out.path + ".env"), encoding: .utf8)
        #expect(env == "inherited-secret")
    }

    @Test("a validator request carries the schedule and no learnings")
    func validatorRequest() {
        let schedule: ToolValue = ["items": [["send_type_key": "bump_normal"]], "followups": []]
        let request = AgentFixtures.request(role: .validator, schedule: schedule)
        #expect(request.jsonValue["schedule"] == schedule)
        #expect(request.jsonValue["learnings"] == [])
        #expect(AgentFixtures.request().jsonValue["schedule"] == .null)
    }

    @Test("a generator's valid answer comes back as its schedule")
    func generatorAnswer() async throws {
        let backend = AgentFixtures.backend(AgentFixtures.agent(command: [AgentFixtures.path("generator-ok.sh")]))
        let schedule = try #require(try await backend.run(AgentFixtures.request(), timeout: .seconds(5)).schedule)
        #expect(schedule["items"]?.arrayValue?.count == 1)
        #expect(schedule["followups"]?[""] == nil)
        #expect(schedule["followups"]?.arrayValue?.first?["parent_item_index"] == 0)
    }

    @Test("a validator's valid answer comes back as its verdict")
    func validatorAnswer() async throws {
        let backend = AgentFixtures.backend(
            AgentFixtures.agent(command: [AgentFixtures.path("validator-ok.sh")], role: .validator))
        let request = AgentFixtures.request(role: .validator, schedule: ["items": [[:]], "followups": []])
        let verdict = try #require(try await backend.run(request, timeout: .seconds(5)).verdict)
        #expect(verdict == AgentVerdict(
            status: .needsReview, qualityScore: 72,
            violations: [AgentViolation(code: "TONE", message: "caption tone off", itemIndex: 0)],
            recommendations: ["vary captions"]))
    }

    @Test("a relative program path resolves against the config root")
    func relativeProgram() throws {
        let backend = AgentFixtures.backend(AgentFixtures.agent(command: ["./generator-ok.sh", "{model}"]))
        #expect(try backend.arguments(model: "m") == [AgentFixtures.path("generator-ok.sh"), "m"])
        let onPath = AgentFixtures.backend(AgentFixtures.agent(command: ["claude", "-p"]))
        #expect(try onPath.arguments(model: nil) == ["claude", "-p"])
    }

    @Test("a {model} command without a model, or a missing prompt file, cannot start")
    func cannotStartWithoutModelOrPrompt() async {
        let needsModel = AgentFixtures.backend(AgentFixtures.agent(command: [AgentFixtures.path("generator-ok.sh"), "{model}"]))
        let code = await agentErrorCode { _ = try await needsModel.run(AgentFixtures.request(model: nil), timeout: .seconds(5)) }
        #expect(code == .agentFailed)
        let noPrompt = AgentFixtures.backend(
            AgentFixtures.agent(command: [AgentFixtures.path("generator-ok.sh")], prompt: "prompts/missing.md"))
        let promptCode = await agentErrorCode { _ = try await noPrompt.run(AgentFixtures.request(), timeout: .seconds(5)) }
        #expect(promptCode == .agentFailed)
    }
}
