import ArgumentParser
import Foundation
import RunnerKit

/// `runner learnings lint [FILE]`: every rule of learnings.md section 7 (the `--git` rules are deferred).
struct LearningsLintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check LEARNINGS.md against the lint rules (exit 1 on errors, or warnings with --strict).",
        discussion: "Example: runner learnings lint LEARNINGS.md --format json")

    @Argument(help: "The file to check (default: --file or LEARNINGS.md in the config root).")
    var path: String?

    @OptionGroup var options: LearningsOptions

    @Flag(name: .long, help: "Warnings also fail the lint (exit 1).")
    var strict = false

    @Flag(name: .long, help: "Recompute the statistics block and Total Learnings (patch bump) when only L050-L055 fail.")
    var fix = false

    @Flag(name: .long, help: "Check git history (L070-L073): deferred, not available in this version.")
    var git = false

    func run() async throws { try output().emit() }

    /// Runs the command and returns what it prints.
    func output() -> LearningsOutput {
        let (url, display) = options.location(positional: path)
        var lines: [String] = []
        return LearningsOutput.catching(lines: { lines }) {
            if git { throw LearningsError.refused("--git (rules L070-L073) is deferred and not available in this version") }
            let today = try options.resolveToday()
            let writer = options.writer(url, display, today)
            var (_, file) = try writer.read()
            lines = file.document.lines.map(\.text)
            var findings = LearningsLinter(path: display, today: today).lint(file)
            var fixNote = ""
            if fix, findings.contains(where: { LearningsLinter.derivedRules.contains($0.rule) }) {
                let result = try writer.fix()
                file = LearningsParser.parse(result.after)
                lines = file.document.lines.map(\.text)
                findings = LearningsLinter(path: display, today: today).lint(file)
                fixNote = "Fixed: statistics and Total Learnings recomputed (version \(result.metadataAfter?.version.description ?? "?"))\n\nSuggested commit message:\n\(LearningsCommitMessage.fix)\n"
            }
            var out = LearningsOutput()
            switch options.format {
            case .text:
                out.stdout = LearningsRender.text(findings, lines: lines) + (fixNote.isEmpty ? "" : "\n" + fixNote)
            case .json:
                out.stdout = LearningsRender.json(findings, files: [display]).rendered() + "\n"
            }
            let failing = findings.errorCount > 0 || (strict && findings.warningCount > 0)
            out.status = failing ? .negative : .success
            return out
        }
    }
}
