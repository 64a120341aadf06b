import ArgumentParser
import Foundation
import RunnerKit

/// `runner learnings init`: writes the section 11 skeleton dated today; refuses if the file exists.
struct LearningsInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create LEARNINGS.md from the skeleton (never overwrites).",
        discussion: "Example: runner learnings init --today 2026-02-02")

    @OptionGroup var options: LearningsOptions

    func run() async throws { try output().emit() }

    /// Runs the command and returns what it prints.
    func output() -> LearningsOutput {
        LearningsOutput.catching {
            let (url, display) = options.location()
            let today = try options.resolveToday()
            let document = try options.writer(url, display, today).initialize()
            var out = LearningsOutput()
            switch options.format {
            case .text:
                out.stdout = "Created \(display) (version 1.0.0, \(document.lines.count) lines)\n\nSuggested commit message:\n\(LearningsSkeleton.commitMessage)\n"
            case .json:
                out.stdout = LearningsJSON.object([
                    ("file", .string(display)), ("written", .bool(true)), ("version", .string("1.0.0")),
                    ("last_updated", .string(today)), ("commit_message", .string(LearningsSkeleton.commitMessage)),
                ]).rendered() + "\n"
            }
            return out
        }
    }
}
