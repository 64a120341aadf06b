import ArgumentParser
import Foundation
import RunnerKit

/// `runner runs list|show`: the recorded runs.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List recorded runs or show one run with its phases and attempts.",
        subcommands: [RunsListCommand.self, RunsShowCommand.self])
}

/// `runner runs list [filters]`.
struct RunsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Recorded runs, newest first.",
        discussion: """
            A phase is slow when it took more than half its per-attempt timeout, or more than --slow-phase.
            Example: runner runs list --pipeline v5 --status failed --slow-phase 60s
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only runs of this pipeline.") var pipeline: String?
    @Option(help: "Only runs with this role (primary, fallback, shadow, diagnostic).") var role: String?
    @Option(help: "Only runs with this status.") var status: String?
    @Option(help: "Only runs of this creator (id or page name).") var creator: String?
    @Option(help: "Only runs started on or after this date (YYYY-MM-DD) or timestamp.") var since: String?
    @Option(name: .customLong("slow-phase"), help: "Only runs with a slow phase (e.g. 60s).") var slowPhase: String?
    @Option(help: "At most this many runs (default 50).") var limit: Int = 50
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        if let role, ExecutionRole(rawValue: role) == nil {
            throw fail(CreatorInputError.invalid("--role must be primary, fallback, shadow or diagnostic, got: \(role)"))
        }
        if let status, RunStatus(rawValue: status) == nil {
            let known = RunStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail(CreatorInputError.invalid("--status must be one of \(known), got: \(status)"))
        }
        var sinceText: String?
        if let since {
            guard let date = Timestamp.parseDate(since) ?? Timestamp.parse(since) else {
                throw fail(CreatorInputError.invalid("--since must be YYYY-MM-DD or an ISO-8601 timestamp, got: \(since)"))
            }
            sinceText = Timestamp.string(date)
        }
        var threshold: ConfigDuration?
        if let slowPhase {
            guard let parsed = ConfigDuration.parse(slowPhase) else {
                throw fail(CreatorInputError.invalid("--slow-phase must be a duration such as 60s, got: \(slowPhase)"))
            }
            threshold = parsed
        }
        let setup = try RoutingSetup.open(global, refuseInvalidConfig: false)
        defer { try? setup.storage.close() }
        let views = try reportingErrors {
            var creatorId: String?
            if let creator {
                let id = try CreatorIdRule.check(creator)
                creatorId = try setup.storage.resolveCreator(id)?.creatorId ?? id
            }
            let filter = RunFilter(
                pipeline: pipeline, role: role, status: status, creatorId: creatorId, since: sinceText,
                limit: threshold == nil ? limit : 10_000)
            let runs = try setup.storage.listRuns(filter)
            let phases = try setup.storage.phases(ofRuns: runs.map(\.runId))
            var views = runs.map { RunView(run: $0, attempts: phases[$0.runId] ?? [], config: setup.config, threshold: threshold) }
            if threshold != nil { views = Array(views.filter { !$0.slowPhases.isEmpty }.prefix(limit)) }
            return views
        }
        switch format {
        case .json:
            try printJSON(RunsListOutput(runs: views))
        case .text:
            print(RunView.table(views))
        }
    }

    private struct RunsListOutput: Encodable {
        let runs: [RunView]
    }
}

/// `runner runs show RUN_ID`.
struct RunsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One run: decision with flag sources, phases with attempts and errors, gate codes, linked runs.",
        discussion: "Example: runner runs show 3f2c9a1e-0c4d-4e8b-9a57-1d2e3f4a5b6c --format json")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The run id.") var runId: String
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let setup = try RoutingSetup.open(global, refuseInvalidConfig: false)
        defer { try? setup.storage.close() }
        let view = try reportingErrors {
            guard let run = try setup.storage.run(runId) else { throw RunLifecycleError.runNotFound(runId: runId) }
            let phases = try setup.storage.phases(ofRuns: [runId])
            return RunView(run: run, attempts: phases[runId] ?? [], config: setup.config, threshold: nil)
        }
        switch format {
        case .json: try printJSON(view)
        case .text: print(view.detail())
        }
    }
}
