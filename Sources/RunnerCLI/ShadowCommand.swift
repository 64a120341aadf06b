import ArgumentParser
import Foundation
import RunnerKit

/// `runner shadow report|list` (operations.md §5.5).
struct ShadowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shadow", abstract: "Shadow comparisons, aggregated or one by one.",
        discussion: "Example: runner shadow report --by tier --mismatches 5",
        subcommands: [ShadowReportCommand.self, ShadowListCommand.self])
}

/// The filters shared by `shadow report` and `shadow list`.
struct ShadowFilterOptions: ParsableArguments {
    @Option(name: .long, help: "Only comparisons created within this duration (e.g. 24h).") var since: String?
    @Option(name: .long, help: "Only the N most recent comparisons.") var last: String?
    @Option(name: .long, help: "Only comparisons of this rollout phase.") var phase: String?

    /// The query; malformed values exit 2. Default: the applied phase since it was entered.
    func query() throws -> ShadowReportQuery {
        var duration: ConfigDuration?
        if let since {
            guard let parsed = ConfigDuration.parse(since), parsed.milliseconds > 0 else {
                printError("error: --since must be a duration such as 24h or 90m, got: \(since) [VALIDATION_ERROR]")
                throw ExitCode(.badInput)
            }
            duration = parsed
        }
        return ShadowReportQuery(since: duration, last: try parseCount(last, option: "--last"), phase: phase)
    }
}

/// `runner shadow report [--since 24h | --last N] [--phase NAME] [--by tier] [--mismatches N]`.
struct ShadowReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Aggregate shadow comparisons (default: the current phase since it was entered).",
        discussion: "Example: runner shadow report --since 24h --format json")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: ShadowFilterOptions
    @Option(name: .customLong("by"), help: "Group by: tier.") var by: String?
    @Option(name: .long, help: "List the N most recent non-equivalent comparisons.") var mismatches: String?
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let query = try filters.query()
        let mismatchCount = try parseCount(mismatches, option: "--mismatches")
        if let by, by != "tier" {
            printError("error: --by accepts only tier, got: \(by) [VALIDATION_ERROR]")
            throw ExitCode(.badInput)
        }
        let setup = try RoutingSetup.open(global, refuseInvalidConfig: false)
        defer { try? setup.storage.close() }
        let (filter, records) = try reportingErrors { try query.run(storage: setup.storage, now: setup.clock.now()) }
        let report = ShadowReport(filter: filter, records: records, byTier: by == "tier", mismatches: mismatchCount)
        if format == .json { return try printJSONValue(ShadowJSON.report(report)) }
        print(ShadowJSON.text(report))
    }
}

/// `runner shadow list [--since D | --last N] [--phase NAME]`: one line per comparison.
struct ShadowListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Individual shadow comparisons, newest first.",
        discussion: "Example: runner shadow list --last 20")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: ShadowFilterOptions
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let query = try filters.query()
        let setup = try RoutingSetup.open(global, refuseInvalidConfig: false)
        defer { try? setup.storage.close() }
        let (_, records) = try reportingErrors { try query.run(storage: setup.storage, now: setup.clock.now()) }
        if format == .json { return try printJSONValue(.object(["comparisons": .array(records.map(ShadowJSON.record))])) }
        if records.isEmpty { print("no shadow comparisons") }
        for r in records {
            let diff = r.qualityDiff.map { String(format: "%+.1f", $0) } ?? "-"
            print(
                "\(r.createdAt)  \(r.creatorId)  \(r.weekStart)  \(r.tier)  \(r.recommendation)  quality \(diff)  "
                    + "\(r.controlDurationMs) ms vs \(r.candidateDurationMs) ms  \(r.controlStatus)/\(r.candidateStatus)")
        }
    }
}
