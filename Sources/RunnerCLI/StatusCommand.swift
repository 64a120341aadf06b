import ArgumentParser
import Foundation
import RunnerKit

/// `runner status [--runs N] [--format text|json]` (operations.md §11).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Flags, health of both pipelines, alerts, rollback state, rollout phase and the last runs.",
        discussion: "Example: runner status --runs 20 --format json")

    @OptionGroup var globals: GlobalOptions

    @Option(help: "How many recent runs to show (default 10).")
    var runs: Int = 10

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let context = try MonitoringContext.open(globals, command: "status", refuses: false)
        ReconcileStep.run(storage: context.storage, config: context.config, clock: context.clock)
        let report = StatusReport(storage: context.storage, config: context.config, environment: globals.environment)
        let json = try reportingErrors { try report.json(at: context.clock.now(), runs: runs) }
        if format == .json {
            try printJSONValue(json)
        } else {
            print(StatusText.render(json).joined(separator: "\n"))
        }
    }
}

/// The text form of the status object.
enum StatusText {
    static func render(_ s: ToolValue) -> [String] {
        var lines: [String] = []
        let flags = s["flags"]?.objectValue ?? [:]
        let flagText = ["enabled", "shadow", "percentage", "creators", "auto_fallback"].map { name -> String in
            let f = flags[name]
            return "\(name)=\(show(f?["value"])) (\(f?["source"]?.stringValue ?? "-"))"
        }
        lines.append("Flags      " + flagText.prefix(3).joined(separator: "  "))
        lines.append("           " + flagText.dropFirst(3).joined(separator: "  "))
        let r = s["rollback"]
        var rollback = "Rollback   \(r?["state"]?.stringValue ?? "-") since \(r?["since"]?.stringValue ?? "-")"
        rollback += " (\(r?["reason"]?.stringValue ?? "-") by \(r?["initiated_by"]?.stringValue ?? "-"))"
        if r?["in_cooldown"]?.boolValue == true { rollback += "; cooldown until \(r?["cooldown_until"]?.stringValue ?? "-")" }
        lines.append(rollback)
        let o = s["rollout"]
        var rollout = "Rollout    \(o?["applied_phase"]?.stringValue ?? "(none applied)")"
        if let entered = o?["entered_at"]?.stringValue {
            rollout += " since \(entered) (\(String(format: "%.1f", o?["hours_in_phase"]?.numberValue ?? 0)) h)"
        }
        rollout += "; desired \(o?["desired_phase"]?.stringValue ?? "-")"
        if let next = o?["next_phase"]?.stringValue { rollout += "; next \(next)" }
        let blockers = o?["blockers"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if !blockers.isEmpty { rollout += ": may not advance (" + blockers.joined(separator: "; ") + ")" }
        lines.append(rollout)
        for (_, health) in (s["health"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            lines += HealthText.render(health)
        }
        let alerts = s["alerts"]
        let firing = alerts?["firing"]?.arrayValue ?? []
        let pending = alerts?["pending"]?.arrayValue ?? []
        if firing.isEmpty && pending.isEmpty { lines.append("Alerts     none firing or pending") }
        for (label, list) in [("firing", firing), ("pending", pending)] {
            for a in list {
                let since = (label == "firing" ? a["fired_at"] : a["active_at"])?.stringValue ?? "-"
                lines.append("Alerts     \(label) \(a["name"]?.stringValue ?? "-") (\(a["severity"]?.stringValue ?? "-")) since \(since) value \(show(a["value"]))")
            }
        }
        let runs = s["last_runs"]?.arrayValue ?? []
        lines.append("Last runs  \(runs.isEmpty ? "none" : "")")
        for run in runs {
            let fields = [
                run["started_at"]?.stringValue ?? "-", run["pipeline"]?.stringValue ?? "-", run["role"]?.stringValue ?? "-",
                run["status"]?.stringValue ?? "-", run["creator_id"]?.stringValue ?? "-", run["week_start"]?.stringValue ?? "-",
                run["duration_ms"]?.numberValue.map { "\(Int($0)) ms" } ?? "-", run["run_id"]?.stringValue ?? "-",
            ]
            lines.append("  " + fields.joined(separator: "  "))
        }
        return lines
    }

    static func show(_ value: ToolValue?) -> String {
        guard let value else { return "-" }
        switch value {
        case .null: return "-"
        case .string(let s): return s
        case .array(let items): return "[" + items.map { show($0) }.joined(separator: ",") + "]"
        default: return value.canonicalJSON()
        }
    }
}
