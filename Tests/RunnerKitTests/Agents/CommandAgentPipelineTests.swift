import Foundation
import Testing

@testable import RunnerKit

/// The shipped v5 pipeline with its two agents redefined in agents.yaml.
func agentsYAML(generator: String, validator: String, timeout: String = "5s") -> String {
    func entry(_ name: String, _ role: String, _ script: String) -> String {
        if script == "builtin" { return "  \(name): { role: \(role), backend: builtin }\n" }
        return "  \(name): { role: \(role), backend: command, command: [\"\(AgentFixtures.path(script))\", \"{model}\"], timeout: \(timeout) }\n"
    }
    return "version: 1\nkind: agents\nagents:\n"
        + entry("schedule-generator", "generator", generator) + entry("schedule-validator", "validator", validator)
}

@Suite("Command agents in the v5 pipeline", .serialized)
struct CommandAgentPipelineTests {
    let week = "2026-01-05"

    func run(generator: String, validator: String, timeout: String = "5s") async throws -> (RunReport, LifecycleFixture) {
        let fixture = try LifecycleFixture { files in
            files["agents.yaml"] = agentsYAML(generator: generator, validator: validator, timeout: timeout)
        }
        let report = try await fixture.builtinLauncher("alexia").execute(
            RunRequest(creatorInput: "alexia", weekStart: week, forcedPipeline: "v5"))
        return (report, fixture)
    }

    @Test("an external validator that approves a schedule the gates pass gives APPROVED with its own score")
    func externalApprovalStands() async throws {
        let (report, _) = try await run(generator: "builtin", validator: "validator-approve.sh")
        #expect(report.status == .succeeded, "\(report.errors)")
        #expect(report.validationStatus == "APPROVED")
        #expect(report.qualityScore == 95)
    }

    @Test("an external validator can lower the status: NEEDS_REVIEW with its violation added")
    func externalVerdictLowers() async throws {
        let (report, _) = try await run(generator: "builtin", validator: "validator-ok.sh")
        #expect(report.status == .succeeded, "\(report.errors)")
        #expect(report.validationStatus == "NEEDS_REVIEW")
        #expect(report.qualityScore == 72)
        #expect(report.violations.map(\.code) == ["TONE"])
    }

    @Test("an external validator cannot raise the status: the gates reject what it approves")
    func externalVerdictCannotRaise() async throws {
        let (report, fixture) = try await run(generator: "generator-minimal.sh", validator: "validator-approve.sh")
        #expect(report.status == .rejected)
        #expect(report.validationStatus == "REJECTED")
        #expect(report.qualityScore == 0)
        #expect(report.violations.map(\.code).contains("INSUFFICIENT_DIVERSITY"))
        #expect(report.totalItems == 1)
        #expect(try fixture.count("SELECT count(*) FROM runs WHERE status = 'rejected'") == 1)
    }

    @Test("a failing external generator fails the run with AGENT_FAILED and records the attempt")
    func failingGenerator() async throws {
        let (report, fixture) = try await run(generator: "exit-nonzero.sh", validator: "builtin")
        #expect(report.status == .failed)
        #expect(report.errors.first?.code == "AGENT_FAILED")
        #expect(try fixture.count(
            "SELECT count(*) FROM run_phases WHERE phase = 'generator' AND error_code = 'AGENT_FAILED'") == 1)
    }

    @Test("an external generator past its agent timeout fails the run with PHASE_TIMEOUT")
    func slowGenerator() async throws {
        let (report, _) = try await run(generator: "sleep-forever.sh", validator: "builtin", timeout: "300ms")
        #expect(report.status == .failed)
        #expect(report.errors.first?.code == "PHASE_TIMEOUT")
    }
}
