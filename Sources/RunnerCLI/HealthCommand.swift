import ArgumentParser
import Foundation
import RunnerKit

/// `--fail-on degraded|unhealthy`.
enum HealthFailOn: String, ExpressibleByArgument, CaseIterable {
    case degraded, unhealthy

    var status: HealthStatus { self == .degraded ? .degraded : .unhealthy }
}

/// `runner health [--pipeline P] [--fail-on degraded|unhealthy]` (operations.md §6.4).
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Health of one pipeline against its slo bands; exit 1 when at or past --fail-on or unknown.",
        discussion: "Example (cron): runner health --pipeline v5 --fail-on degraded")

    @OptionGroup var globals: GlobalOptions

    @Option(help: "Pipeline to check (default: the rollout candidate).")
    var pipeline: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 at or past this status: degraded (default) or unhealthy.")
    var failOn: HealthFailOn = .degraded

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let context = try MonitoringContext.open(globals, command: "health", refuses: true)
        let name = pipeline ?? MetricScope.candidate(in: context.config) ?? context.config.slo.keys.sorted().first ?? "v5"
        let report = try reportingErrors {
            try HealthEvaluator(storage: context.storage).health(of: name, config: context.config, at: context.clock.now())
        }
        let json = StatusJSON.health(report)
        if format == .json {
            try printJSONValue(json)
        } else {
            print(HealthText.render(json).joined(separator: "\n"))
        }
        if HealthEvaluator.fails(report.status, failOn: failOn.status) { throw ExitCode(.negative) }
    }
}

/// Text lines of a health object (shared by `health` and `status`).
enum HealthText {
    static func render(_ health: ToolValue) -> [String] {
        let pipeline = health["pipeline"]?.stringValue ?? "-"
        let status = health["status"]?.stringValue ?? "unknown"
        let window = health["window"]?.stringValue ?? "-"
        let count = Int(health["run_count"]?.numberValue ?? 0)
        let minimum = Int(health["min_samples"]?.numberValue ?? 0)
        var headline = "Health \(pipeline)  \(status.uppercased()) over last \(window) (\(count) runs)"
        if status == "unknown" {
            headline += ", no slo file"
        } else if health["insufficient_data"]?.boolValue == true {
            headline = "Health \(pipeline)  HEALTHY, insufficient data (\(count) of \(minimum) runs) over last \(window)"
        }
        var lines = [headline]
        let metrics = health["metrics"]?.objectValue ?? [:]
        for kind in MetricOrder.report {
            guard let m = metrics[kind.rawValue] else { continue }
            let band = m["band"]?.stringValue ?? "-"
            if band == "unbanded" && m["value"]?.numberValue == nil { continue }
            let value = m["value"]?.numberValue.map { AlertPayload.format($0, kind) } ?? "-"
            let symbol = m["comparison"]?.stringValue == "above" ? ">" : "<"
            let warning = m["warning_threshold"]?.numberValue.map { "warning \(symbol) \(AlertPayload.format($0, kind))" } ?? ""
            let critical = m["critical_threshold"]?.numberValue.map { "critical \(symbol) \(AlertPayload.format($0, kind))" } ?? ""
            lines.append("  " + pad(kind.rawValue, 22) + pad(value, 9) + pad(warning, 18) + pad(critical, 19) + "-> \(band)")
        }
        return lines
    }
}
