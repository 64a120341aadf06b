import ArgumentParser
import Foundation
import RunnerKit

/// `runner learnings deprecate ID --reason TEXT`: move an active learning to Deprecated.
struct LearningsDeprecateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deprecate", abstract: "Deprecate an active learning (Reason: Superseded, Invalidated or Expired).",
        discussion: "Example: runner learnings deprecate 2026-02-12/cluster-paid-asks --reason \"Superseded - ...\" --superseded-by 2026-03-05/spread-engagement-sends-between-paid-asks")

    @OptionGroup var options: LearningsOptions
    @Argument(help: "The full learning id.") var id: String
    @Option(help: "Starts with Superseded, Invalidated or Expired; free text may follow after ' - '.") var reason: String?
    @Option(help: "Id of the active entry that replaces this one (only with Superseded).") var supersededBy: String?
    @Option(help: "Original text (default: the entry's main statement).") var original: String?
    @Flag(help: "Show the diff without writing.") var dryRun = false

    func run() async throws { try output().emit() }

    /// Runs the command and returns what it prints.
    func output() -> LearningsOutput {
        LearningsOutput.catching {
            let (url, display) = options.location()
            let today = try options.resolveToday()
            let request = DeprecateLearning(id: id, reason: reason, supersededBy: supersededBy, original: original)
            let result = try options.writer(url, display, today).write(dryRun: dryRun) {
                try request.change(to: $0, today: today)
            }
            return LearningsWriteReport.output(result, display: display, format: options.format, dryRun: dryRun)
        }
    }
}
