import Foundation
import Testing

/// End-to-end runs of `runner diagnose agent` and of `execute` with the example external agent.
@Suite("diagnose agent and the example agent", .serialized)
struct DiagnoseAgentCommandTests {
    static let repository = StorageCommandTests.binary
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A config root with the shipped pipelines, the example agent, `agents.yaml` as given and a sample database.
    static func project(agents: String?) throws -> URL {
        let dir = try StorageCommandTests.tempDirectory()
        let files = FileManager.default
        try files.copyItem(at: repository.appendingPathComponent("pipelines"), to: dir.appendingPathComponent("pipelines"))
        try files.createDirectory(at: dir.appendingPathComponent("examples"), withIntermediateDirectories: true)
        try files.copyItem(
            at: repository.appendingPathComponent("examples/agents"), to: dir.appendingPathComponent("examples/agents"))
        if let agents {
            try agents.write(to: dir.appendingPathComponent("pipelines/agents.yaml"), atomically: true, encoding: .utf8)
        }
        let initialised = try StorageCommandTests.run(["db", "init", "--db", "eros.db", "--sample"], in: dir)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        return dir
    }

    static let exampleAgents = """
        version: 1
        kind: agents
        agents:
          schedule-generator: { role: generator, backend: command, command: [examples/agents/schedule-agent.py, --model, "{model}"], timeout: 60s }
          schedule-validator: { role: validator, backend: command, command: [examples/agents/schedule-agent.py], timeout: 60s }

        """

    @Test("the shipped builtin agents and the example external agent all conform (exit 0)")
    func conformingAgents() throws {
        for agents in [nil, Self.exampleAgents] {
            let dir = try Self.project(agents: agents)
            let r = try StorageCommandTests.run(["diagnose", "agent", "--db", "eros.db", "--format", "json"], in: dir)
            #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
            let json = try #require(StorageCommandTests.json(r.stdout))
            let list = try #require(json["agents"] as? [[String: Any]])
            #expect(list.count == 2)
            #expect(list.allSatisfy { $0["conforms"] as? Bool == true })
            #expect(json["conforming"] as? Int == 2)
            #expect(list.first?["backend"] as? String == (agents == nil ? "builtin" : "command"))
            #expect(list.first?["model"] as? String == "sonnet")
        }
    }

    @Test("a missing agent program does not conform (exit 1); an unknown --agent is refused (exit 2)")
    func failingAgent() throws {
        let dir = try Self.project(agents: Self.exampleAgents.replacingOccurrences(
            of: "[examples/agents/schedule-agent.py, --model", with: "[examples/agents/missing.py, --model"))
        let r = try StorageCommandTests.run(
            ["diagnose", "agent", "--agent", "schedule-generator", "--db", "eros.db", "--format", "json"], in: dir)
        #expect(r.status == 1)
        let list = try #require(StorageCommandTests.json(r.stdout)?["agents"] as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["error_code"] as? String == "AGENT_FAILED")
        let unknown = try StorageCommandTests.run(["diagnose", "agent", "--agent", "nope", "--db", "eros.db"], in: dir)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown agent 'nope'"))
    }

    @Test("execute runs v5 through the example external agents and the built-in gates approve")
    func executeWithExampleAgent() throws {
        let dir = try Self.project(agents: Self.exampleAgents)
        let r = try StorageCommandTests.run(
            ["execute", "--creator", "alexia", "--week", "2026-01-12", "--pipeline", "v5", "--db", "eros.db",
             "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
        let json = try #require(StorageCommandTests.json(r.stdout))
        #expect(json["status"] as? String == "succeeded")
        #expect(json["validation_status"] as? String == "APPROVED")
        #expect((json["total_items"] as? Int ?? 0) > 10)
    }
}
