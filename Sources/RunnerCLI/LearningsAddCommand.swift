import ArgumentParser
import Foundation
import RunnerKit

/// `runner learnings add`: one new entry at the top of its section, lint-gated and atomic.
struct LearningsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a learning entry (the whole file is linted before writing).",
        discussion: """
            Example: runner learnings add --confidence MEDIUM --title "Spread Engagement Sends Between Paid Asks" \
            --source user --applies-to tier:HIGH_VALUE --pattern "..." --insight "..." --sample-size 3
            """)

    @OptionGroup var options: LearningsOptions
    @Option(help: "HIGH, MEDIUM or LOW.") var confidence: String?
    @Option(help: "Entry title.") var title: String?
    @Option(help: "validation, user or performance.") var source: String?
    @Option(help: "all, tier:NAME or creator:ID.") var appliesTo: String?
    @Option var pattern: String?
    @Option var issue: String?
    @Option var correction: String?
    @Option var insight: String?
    @Option var observation: String?
    @Option var hypothesis: String?
    @Option var violationCode: String?
    @Option var qualityScore: String?
    @Option var sampleSize: String?
    @Option var metricImpact: String?
    @Option var promoteWhen: String?
    @Option(name: .customLong("field"), help: "Extension field NAME=VALUE (repeatable).") var extraFields: [String] = []
    @Option(help: "Heading date (default today, never in the future).") var date: String?
    @Flag(help: "Store a pending user signal instead of writing: deferred, not available in this version.") var queue = false
    @Flag(help: "Show the diff without writing.") var dryRun = false

    func run() async throws { try output().emit() }

    /// Runs the command and returns what it prints.
    func output() -> LearningsOutput {
        LearningsOutput.catching {
            if queue { throw LearningsError.refused("--queue is deferred to a later version; add writes the file directly") }
            guard let raw = confidence, let tier = LearningTier(confidence: raw) else {
                throw LearningsError.refused("--confidence must be HIGH, MEDIUM or LOW")
            }
            guard let title, !title.isEmpty else { throw LearningsError.refused("--title is required") }
            let named: [(String, String?)] = [
                ("Pattern", pattern), ("Issue", issue), ("Correction", correction), ("Insight", insight),
                ("Observation", observation), ("Hypothesis", hypothesis), ("Source", source),
                ("Violation Code", violationCode), ("Quality Score", qualityScore), ("Sample Size", sampleSize),
                ("Applies To", appliesTo), ("Metric Impact", metricImpact), ("Promote When", promoteWhen),
            ]
            var fields = named.compactMap { name, value in value.map { (name: name, value: $0) } }
            for pair in extraFields {
                guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                    throw LearningsError.refused("--field '\(pair)' must be NAME=VALUE")
                }
                fields.append((String(pair[..<eq]), String(pair[pair.index(after: eq)...])))
            }
            let (url, display) = options.location()
            let today = try options.resolveToday()
            let request = AddLearning(confidence: tier, title: title, date: date, fields: fields)
            let result = try options.writer(url, display, today).write(dryRun: dryRun) {
                try request.change(to: $0, today: today)
            }
            return LearningsWriteReport.output(result, display: display, format: options.format, dryRun: dryRun)
        }
    }
}
