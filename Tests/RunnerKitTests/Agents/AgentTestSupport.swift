import Foundation

@testable import RunnerKit

/// Fixture agents (small sh scripts) and the requests the tests send them.
enum AgentFixtures {
    /// Tests/RunnerKitTests/Fixtures/agents, found from this file.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/agents")

    /// The absolute path of a fixture script.
    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A declared `command` agent.
    static func agent(
        _ name: String = "test-agent", command: [String], role: AgentRole = .generator,
        timeout: ConfigDuration? = nil, prompt: String? = nil
    ) -> AgentDefinition {
        AgentDefinition(
            name: Located(name, at: .builtIn), role: role, backend: .command, command: command,
            prompt: prompt.map { Located($0, at: .builtIn) }, timeout: timeout, location: .builtIn)
    }

    /// A backend with a short kill grace, rooted at the fixtures folder.
    static func backend(_ agent: AgentDefinition, outputLimit: Int = AgentProcess.protocolOutputLimit)
        -> CommandAgentBackend
    {
        CommandAgentBackend(agent: agent, configRoot: directory, killGrace: .milliseconds(100), outputLimit: outputLimit)
    }

    /// A request for creator c1, week 2026-01-05, in America/New_York.
    static func request(
        role: AgentRole = .generator, agent: String = "test-agent", model: String? = "sonnet",
        schedule: ToolValue? = nil
    ) -> AgentProtocolRequest {
        AgentProtocolRequest(
            role: role, agent: agent, model: model, creatorId: "c1", pageName: "alexia", weekStart: "2026-01-05",
            context: ["creator_id": "c1", "page_name": "alexia", "timezone": "America/New_York", "tier": "STANDARD"],
            schedule: schedule,
            learnings: [AgentLearning(id: "L-7", confidence: "HIGH", title: "No PPV before 9am", fields: ["Pattern": "early PPV"])])
    }

    /// A fresh empty directory for one test.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("agents-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Pids written by a fixture into `file` (space or newline separated).
    static func pids(in file: URL) -> [Int32] {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
    }

    /// Whether `pid` is a live (non-zombie) process.
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }
}

/// A failure's code, from whatever a backend threw.
func agentErrorCode(_ body: () async throws -> Void) async -> RunErrorCode? {
    do {
        try await body()
        return nil
    } catch let error as AgentProtocolError {
        return error.errorCode
    } catch {
        return RunErrorCode(rawValue: "UNEXPECTED: \(error)")
    }
}
