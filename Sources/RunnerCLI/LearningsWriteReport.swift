import Foundation
import RunnerKit

/// Renders the outcome of a learnings write (add, promote, deprecate, lint --fix).
enum LearningsWriteReport {
    /// Text or JSON for a write result.
    static func output(_ result: LearningsWriteResult, display: String, format: OutputFormat, dryRun: Bool) -> LearningsOutput {
        var out = LearningsOutput()
        let lines = result.after.lines.map(\.text)
        switch format {
        case .text:
            var text = result.change.summary.joined(separator: "\n") + "\n"
            let before = result.metadataBefore, after = result.metadataAfter
            text += "\(display): version \(before?.version.description ?? "?") -> \(after?.version.description ?? "?"), total \(before?.total ?? 0) -> \(after?.total ?? 0)\n"
            if dryRun {
                text += "Diff (dry run, nothing written):\n" + result.diff.map { $0 + "\n" }.joined()
            }
            if !result.warnings.isEmpty { text += LearningsRender.text(result.warnings, lines: lines, summary: false) }
            if !dryRun { text += "\nSuggested commit message:\n\(result.change.commitMessage)\n" }
            out.stdout = text
        case .json:
            out.stdout = LearningsJSON.object([
                ("file", .string(display)),
                ("written", .bool(result.written)),
                ("dry_run", .bool(dryRun)),
                ("summary", .array(result.change.summary.map { .string($0) })),
                ("version", .optional(result.metadataAfter?.version.description)),
                ("last_updated", .optional(result.metadataAfter?.lastUpdated)),
                ("total_learnings", .optional(result.metadataAfter?.total)),
                ("diff", .array(result.diff.map { .string($0) })),
                ("warnings", LearningsRender.diagnosticsArray(result.warnings)),
                ("commit_message", dryRun ? .null : .string(result.change.commitMessage)),
            ]).rendered() + "\n"
        }
        return out
    }
}
