import ArgumentParser
import Foundation
import RunnerKit

/// `runner learnings status`: metadata, computed statistics, expected rates, candidates, lint summary.
struct LearningsStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show counts, expected-rate checks and candidates (never opens the database).",
        discussion: "Example: runner learnings status --today 2026-03-06")

    @OptionGroup var options: LearningsOptions

    func run() async throws { try output().emit() }

    /// Runs the command and returns what it prints.
    func output() -> LearningsOutput {
        LearningsOutput.catching {
            let (url, display) = options.location()
            let today = try options.resolveToday()
            let (_, file) = try options.writer(url, display, today).read()
            let report = LearningsStatusReport.build(file, path: display, today: today)
            var out = LearningsOutput()
            out.stdout = options.format == .json ? json(report, display) : text(report, display, today)
            out.status = report.findings.errorCount > 0 ? .negative : .success
            return out
        }
    }

    private func text(_ r: LearningsStatusReport, _ display: String, _ today: String) -> String {
        let meta = r.metadata
        var out = "\(display)  version \(meta?.version.description ?? "?")  last updated \(meta?.lastUpdated ?? "?")  total \(meta?.total ?? 0)\n"
        let stated = r.statedStatistics?.lines
        for (index, line) in r.statistics.lines.enumerated() {
            out += line + (stated?[index] == line ? "" : "  (stats block out of sync)") + "\n"
        }
        out += "rates (as of \(today)):\n"
        for rate in r.rates {
            let name = rate.metric.padding(toLength: 24, withPad: " ", startingAt: 0)
            // Pad to the spec's 9-column layout, but never cut a longer state such as
            // insufficient_history.
            let state = rate.state.count >= 9 ? rate.state + " " : rate.state.padding(toLength: 9, withPad: " ", startingAt: 0)
            var line = "  \(name)\(rate.value)  \(state)(normal \(rate.normal); warning \(rate.warning))"
            if rate.state == "warning" { line += " - " + rate.action.prefix(1).lowercased() + rate.action.dropFirst() }
            out += line + "\n"
        }
        if !r.promotionCandidates.isEmpty {
            out += "promotion candidates:\n"
            for c in r.promotionCandidates {
                out += "  \(c.entry.id)  sample \(c.sampleSize)"
                out += c.blockedBy.isEmpty ? "\n" : "  blocked by \(c.blockedBy.map(\.id).joined(separator: ", "))\n"
            }
        }
        if !r.archiveCandidates.isEmpty {
            out += "archive candidates:\n"
            for e in r.archiveCandidates { out += "  \(e.id)  deprecated \(e.deprecatedOn ?? "?")\n" }
        }
        return out + "lint: " + LearningsRender.countLine(r.findings) + "\n"
    }

    private func json(_ r: LearningsStatusReport, _ display: String) -> String {
        let infos = r.findings.filter { $0.severity == .info }.count
        var pairs: [(String, LearningsJSON)] = [
            ("file", .string(display)),
            ("version", .optional(r.metadata?.version.description)),
            ("last_updated", .optional(r.metadata?.lastUpdated)),
            ("total_learnings", .optional(r.metadata?.total)),
        ]
        pairs += LearningsReflectRender.statistics(r.statistics)
        pairs += [
            ("stats_block_in_sync", .bool(r.statsInSync)),
            ("rates", .array(r.rates.map { rate in
                .object([
                    ("metric", .string(rate.metric)), ("value", .int(rate.value)),
                    ("window_start", .string(rate.windowStart)), ("window_end", .string(rate.windowEnd)),
                    ("normal", .string(rate.normal)), ("warning", .string(rate.warning)),
                    ("state", .string(rate.state)), ("action", .string(rate.action)),
                ])
            })),
            ("promotion_candidates", .array(r.promotionCandidates.map { c in
                .object([
                    ("id", .string(c.entry.id)), ("title", .string(c.entry.title)), ("sample_size", .int(c.sampleSize)),
                    ("blocked_by", .array(c.blockedBy.map { .string($0.id) })),
                ])
            })),
            ("archive_candidates", .array(r.archiveCandidates.map { e in
                .object([("id", .string(e.id)), ("deprecated_on", .optional(e.deprecatedOn))])
            })),
            ("lint", .object([
                ("errors", .int(r.findings.errorCount)), ("warnings", .int(r.findings.warningCount)), ("infos", .int(infos)),
            ])),
        ]
        return LearningsJSON.object(pairs).rendered() + "\n"
    }
}
