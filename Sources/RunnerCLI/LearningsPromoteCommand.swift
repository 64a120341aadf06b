import ArgumentParser
import Foundation
import RunnerKit

/// `runner learnings promote ID --to MEDIUM|HIGH`: one step up, same id.
struct LearningsPromoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote", abstract: "Promote a learning one step (LOW to MEDIUM, MEDIUM to HIGH).",
        discussion: "Example: runner learnings promote 2026-03-06/midday-link-drops --to MEDIUM --metric-impact \"+3% opens\"")

    @OptionGroup var options: LearningsOptions
    @Argument(help: "The full learning id, such as 2026-03-04/mark-every-live-promo-as-a-flyer-send.") var id: String
    @Option(help: "MEDIUM or HIGH.") var to: String?
    @Option(help: "Why (required for MEDIUM to HIGH).") var reason: String?
    @Option var pattern: String?
    @Option var insight: String?
    @Option var issue: String?
    @Option var correction: String?
    @Option var qualityScore: String?
    @Option var metricImpact: String?
    @Option var violationCode: String?
    @Flag(help: "Show the diff without writing.") var dryRun = false

    func run() async throws { try output().emit() }

    /// Runs the command and returns what it prints.
    func output() -> LearningsOutput {
        LearningsOutput.catching {
            guard let raw = to, let target = LearningTier(confidence: raw), target != .low else {
                throw LearningsError.refused("--to must be MEDIUM or HIGH")
            }
            var overrides: [String: String] = [:]
            let named: [(String, String?)] = [
                ("Pattern", pattern), ("Insight", insight), ("Issue", issue), ("Correction", correction),
                ("Quality Score", qualityScore), ("Metric Impact", metricImpact), ("Violation Code", violationCode),
            ]
            for (name, value) in named { if let value { overrides[name] = value } }
            let (url, display) = options.location()
            let today = try options.resolveToday()
            let request = PromoteLearning(id: id, to: target, reason: reason, overrides: overrides)
            let result = try options.writer(url, display, today).write(dryRun: dryRun) {
                try request.change(to: $0, today: today)
            }
            return LearningsWriteReport.output(result, display: display, format: options.format, dryRun: dryRun)
        }
    }
}
