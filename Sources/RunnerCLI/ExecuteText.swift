import Foundation
import RunnerKit

/// Text renderings of `execute` results.
enum ExecuteText {
    /// One run, for people.
    static func report(_ r: RunReport) -> String {
        let d = r.decision
        var lines = [
            "run \(r.runId)",
            "  creator   \(r.pageName) (\(r.creatorId)), week \(r.weekStart)",
            "  decision  \(d.pipeline) (reason \(d.reason.text), bucket \(d.bucket.bucket), rollback \(d.rollbackState.rawValue))",
            "  ran       \(r.pipeline) as \(r.role.rawValue)",
            "  status    \(r.status.rawValue)" + (r.validationStatus.map { ", validation \($0)" } ?? "")
                + (r.qualityScore.map { ", quality \(Self.number($0))" } ?? "")
                + (r.totalItems.map { ", \($0) items" } ?? ""),
        ]
        if r.scheduleId != nil || r.scheduleHash != nil {
            lines.append("  schedule  \(r.scheduleId.map(String.init) ?? "dry run") \(r.scheduleHash ?? "")")
        }
        lines.append("  duration  \(r.durationMs) ms")
        lines.append("  phases:")
        let width = r.phases.map(\.id.count).max() ?? 0
        for phase in r.phases {
            let attempts = phase.attempts == 1 ? "1 attempt" : "\(phase.attempts) attempts"
            var line = "    \(phase.id.padding(toLength: width, withPad: " ", startingAt: 0))  "
                + "\(phase.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))  \(attempts), \(phase.durationMs) ms"
            if let error = phase.error { line += "  \(error.code): \(error.message)" }
            lines.append(line)
        }
        for violation in r.violations.prefix(10) {
            lines.append("  violation \(violation.code): \(violation.message)")
        }
        for error in r.errors { lines.append("  error \(error.code): \(error.message)") }
        return lines.joined(separator: "\n")
    }

    /// The summary table of `execute --all`.
    static func table(_ reports: [RunReport], summary: ExecuteSummary) -> String {
        var rows = [["CREATOR", "PIPELINE", "REASON", "STATUS", "VALIDATION", "QUALITY", "ITEMS", "DURATION", "ERROR"]]
        let ordered = reports.filter { $0.status != .blocked } + reports.filter { $0.status == .blocked }
        for r in ordered {
            rows.append([
                r.pageName, r.pipeline, r.decision.reason.text, r.status.rawValue, r.validationStatus ?? "-",
                r.qualityScore.map(Self.number) ?? "-", r.totalItems.map(String.init) ?? "-", "\(r.durationMs) ms",
                r.errors.first?.code ?? "",
            ])
        }
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        lines.append(
            "total \(summary.total): \(summary.succeeded) succeeded, \(summary.rejected) rejected, "
                + "\(summary.failed) failed, \(summary.blocked) blocked (listed last), \(summary.refused) refused; "
                + "\(summary.durationMs) ms")
        return lines.joined(separator: "\n")
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
