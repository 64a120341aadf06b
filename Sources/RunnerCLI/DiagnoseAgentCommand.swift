import ArgumentParser
import Foundation
import RunnerKit

/// `runner diagnose agent [--agent NAME]`: one probe request through each configured agent.
struct DiagnoseAgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Send one probe request through each configured agent: latency, attempts, schema conformance.",
        discussion: """
            The probe is the context of the first active creator for the default week; a validator \
            judges the built-in generator's schedule for it. Each agent runs with the timeout, retries \
            and model of the first pipeline phase that uses it. Exit 0 when every probed agent \
            conforms, 1 otherwise, 2 for an unknown --agent, 3 for an invalid configuration, 4 when \
            the database is unavailable.
            Example: runner diagnose agent --agent claude-generator --format json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Probe only this agent (a name from kind: agents).") var agent: String?
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let setup = try RoutingSetup.open(global, refuseInvalidConfig: true)
        defer { try? setup.storage.close() }
        let names = setup.config.agents.agents.map(\.name.value)
        if let agent, !names.contains(agent) {
            let known = names.isEmpty ? "none are declared" : "declared: \(names.joined(separator: ", "))"
            throw fail(CreatorInputError.invalid("unknown agent '\(agent)' (\(known))"))
        }
        let weekStart = RunRequest.defaultWeek(today: setup.clock.today())
        let probe = try reportingProbeErrors { try Self.makeProbe(setup, weekStart: weekStart) }
        let results = await probe.probeAll(only: agent)
        let report = DiagnoseAgentReport(
            creatorId: probe.context.creatorId, weekStart: weekStart, agents: results,
            conforming: results.filter(\.conforms).count)
        switch format {
        case .json: try printJSON(report)
        case .text: Self.render(report)
        }
        if report.conforming < results.count { throw ExitCode(.negative) }
    }

    /// The probe built on the first active creator's context.
    private static func makeProbe(_ setup: RoutingSetup, weekStart: String) throws -> AgentBackendProbe {
        let first = DataTools(storage: setup.storage).getActiveCreators(["limit": 1])
        guard let creator = first.creators.first else {
            throw DiagnoseAgentError.noActiveCreator(first.error)
        }
        guard let week = DayDate(weekStart) else { throw DiagnoseAgentError.noActiveCreator("bad week \(weekStart)") }
        let data = try CreatorDataStore(storage: setup.storage).loadCreatorData(creator: creator.creator_id, weekStart: week)
        let context = try CreatorContextBuilder.build(data, weekStart: week, generatedAt: setup.clock.now())
        return try AgentBackendProbe(config: setup.config, context: context, weekStart: weekStart, now: setup.clock.now())
    }

    private func reportingProbeErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as any RunnerError {
            throw fail(error)
        }
    }

    private static func render(_ report: DiagnoseAgentReport) {
        print("probe: creator \(report.creatorId), week \(report.weekStart)")
        printTable(
            header: ["AGENT", "ROLE", "BACKEND", "PHASE", "MODEL", "TIMEOUT", "ATTEMPTS", "LATENCY", "SCHEMA", "DETAIL"],
            rows: report.agents.map { r in
                [
                    r.agent, r.role, r.backend, r.pipeline.map { "\($0).\(r.phase ?? "")" } ?? "(unused)", r.model ?? "-",
                    "\(r.timeoutMs)ms", "\(r.attempts)/\(r.maxAttempts)", "\(r.latencyMs)ms",
                    r.conforms ? "ok" : "FAILED", r.conforms ? (r.summary ?? "") : "\(r.errorCode ?? ""): \(r.error ?? "")",
                ]
            })
        print("\(report.conforming) of \(report.agents.count) agents conform")
    }
}
