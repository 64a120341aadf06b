import ArgumentParser
import Foundation
import RunnerKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `runner execute`: routes and runs one creator's week, or every active creator's.
struct ExecuteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "execute",
        abstract: "Route and run one creator's week (--creator) or every active creator's (--all).",
        discussion: """
            Exit 0 when the served run succeeded, 1 when it failed, was rejected or blocked, 2 for \
            refused input (malformed or unknown creator, malformed --week, RUN_IN_PROGRESS), 3 for an \
            invalid configuration, 4 when the database is unavailable.
            Examples: runner execute --creator alexia --week 2026-01-05
                      runner execute --all --tier STANDARD --concurrency 2 --format json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Creator id or page name.") var creator: String?
    @Flag(help: "Run every active creator (filtered by --tier / --page-type).") var all = false
    @Option(help: "First date of the week, YYYY-MM-DD (default: the first Monday after today).") var week: String?
    @Option(help: "Diagnostic run of this pipeline: skips routing, read-only.") var pipeline: String?
    @Flag(name: .customLong("dry-run"), help: "Routed run whose save step is a dry run.") var dryRun = false
    @Option(help: "With --all: only creators of this volume tier.") var tier: String?
    @Option(name: .customLong("page-type"), help: "With --all: paid or free.") var pageType: String?
    @Option(help: "With --all: at most N runs at once (default 4).") var concurrency: String?
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let inputs = try validatedInputs()
        let setup = try RoutingSetup.open(global, refuseInvalidConfig: true)
        defer { try? setup.storage.close() }
        let weekStart = inputs.week ?? RunRequest.defaultWeek(today: setup.clock.today())
        let launcher = Self.launcher(setup)
        if all {
            try await runAll(launcher, setup: setup, weekStart: weekStart, concurrency: inputs.concurrency)
            return
        }
        let request = RunRequest(
            creatorInput: creator ?? "", weekStart: weekStart, forcedPipeline: pipeline, dryRun: dryRun)
        let report = try await reportingErrors {
            try await Self.cancellingOnSignals { try await launcher.execute(request) }
        }
        for notice in report.notices { printError("note: \(notice)") }
        switch format {
        case .json: try printJSON(report)
        case .text: print(ExecuteText.report(report))
        }
        if report.isNegative { throw ExitCode(.negative) }
    }

    /// Checks the options argument-parser leaves to the command (exit 2, nothing done).
    private func validatedInputs() throws -> (week: String?, concurrency: Int) {
        func refuse(_ message: String) -> ExitCode { fail(CreatorInputError.invalid(message)) }
        if all == (creator != nil) { throw refuse("give exactly one of --creator ID or --all") }
        if !all && (tier != nil || pageType != nil || concurrency != nil) {
            throw refuse("--tier, --page-type and --concurrency go with --all")
        }
        if let week, Timestamp.parseDate(week) == nil {
            throw refuse("--week must be a real YYYY-MM-DD date, got: \(week)")
        }
        if let tier, !["MINIMAL", "LITE", "STANDARD", "HIGH_VALUE", "PREMIUM"].contains(tier.uppercased()) {
            throw refuse("Invalid tier '\(tier)'. Valid values: MINIMAL, LITE, STANDARD, HIGH_VALUE, PREMIUM")
        }
        if let pageType, !["paid", "free"].contains(pageType) {
            throw refuse("Invalid page_type '\(pageType)'. Valid values: paid, free")
        }
        var limit = 4
        if let concurrency {
            guard let n = Int(concurrency), (1...64).contains(n) else {
                throw refuse("--concurrency must be an integer from 1 to 64, got: \(concurrency)")
            }
            limit = n
        }
        return (week, limit)
    }

    /// The launcher of real runs: built-in steps over the project database.
    static func launcher(_ setup: RoutingSetup) -> RunLauncher<BuiltinSteps> {
        let tools = DataTools(storage: setup.storage)
        let source = ExecuteDataSource.make(storage: setup.storage)
        let owner = RunOwner(pid: getpid(), host: DatabaseOpener.hostName(), runnerVersion: RunnerVersion.string)
        return RunLauncher(
            config: setup.config, storage: setup.storage, environment: setup.environment, owner: owner,
            clock: setup.clock
        ) { environment in
            BuiltinSteps(services: StepServices(run: environment, dataSource: source, tools: tools))
        }
    }
}
