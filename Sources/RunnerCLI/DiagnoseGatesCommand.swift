import ArgumentParser
import Foundation
import RunnerKit

/// `runner diagnose gates --creator ID [--last N]` (operations.md §12): hard-gate false positives.
struct DiagnoseGatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gates",
        abstract: "Vault and AVOID data with staleness, gate codes of recent runs, likely false positives.",
        discussion: "Example: runner diagnose gates --creator alexia --last 20")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Creator id or page name.") var creator: String?
    @Option(name: .long, help: "How many recent runs (both pipelines, default 10).") var last: String?
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let id = try reportingErrors { try CreatorIdRule.check(creator ?? "") }
        let count = try parseCount(last, option: "--last") ?? 10
        let setup = try RoutingSetup.open(global, refuseInvalidConfig: false)
        defer { try? setup.storage.close() }
        let diagnosis = try reportingErrors { () throws -> ExplainGateDiagnosis in
            guard let resolved = try setup.storage.rolloutSnapshot({ try $0.resolveCreator(id) }) else {
                throw CreatorInputError.notFound(id)
            }
            return try ExplainGateDiagnosis.diagnose(
                creator: resolved, last: count, storage: setup.storage, now: setup.clock.now())
        }
        if format == .json {
            return try printJSONValue(
                .object([
                    "creator_id": .string(diagnosis.creator.creatorId), "page_name": .string(diagnosis.creator.pageName),
                    "allowed_types": .strings(diagnosis.allowedTypes), "avoid_types": .strings(diagnosis.avoidTypes),
                    "analysis_date": .text(diagnosis.analysisDate), "data_age_days": .int(diagnosis.dataAgeDays),
                    "is_stale": .bool(diagnosis.isStale),
                    "runs": .array(
                        diagnosis.runs.map {
                            var run = ExplainCommand.run($0.run).objectValue ?? [:]
                            run["suspects"] = .strings($0.suspects)
                            return .object(run)
                        }),
                ]))
        }
        var lines = [
            "creator        \(diagnosis.creator.pageName) (\(diagnosis.creator.creatorId))",
            "vault allows   \(diagnosis.allowedTypes.count): \(diagnosis.allowedTypes.joined(separator: ", "))",
            "AVOID          \(diagnosis.avoidTypes.isEmpty ? "none" : diagnosis.avoidTypes.joined(separator: ", "))"
                + " (analysis \(diagnosis.analysisDate ?? "none"), "
                + "\(diagnosis.dataAgeDays.map { "\($0) days old" } ?? "no data")\(diagnosis.isStale ? ", STALE" : ""))",
            "recent runs    \(diagnosis.runs.count)",
        ]
        for finding in diagnosis.runs {
            let run = finding.run
            lines.append(
                "  \(run.startedAt)  \(run.pipeline) \(run.status)  "
                    + (run.gateCodes.isEmpty ? "no gate codes" : run.gateCodes.joined(separator: ", ")))
            for suspect in finding.suspects { lines.append("    likely false positive: \(suspect)") }
        }
        print(lines.joined(separator: "\n"))
    }
}
