import ArgumentParser
import Foundation
import RunnerKit

/// `runner alerts list|check|history` (operations.md §7.3).
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Alert rule states, evaluation (cron) and state-change history.",
        subcommands: [AlertsListCommand.self, AlertsCheckCommand.self, AlertsHistoryCommand.self])
}

/// `runner alerts list [--format json]`.
struct AlertsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Each rule with its state, last value, active_at and fired_at.",
        discussion: "Example: runner alerts list --format json")

    @OptionGroup var globals: GlobalOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let context = try MonitoringContext.open(globals, command: "alerts list", refuses: false)
        let states = try reportingErrors { try context.storage.alertStates(kind: .alert) }
        let byName = Dictionary(states.map { ($0.ruleName, $0) }, uniquingKeysWith: { a, _ in a })
        let rules = context.config.alerts.rules.map { StatusJSON.alert($0, state: byName[$0.name.value]) }
        if format == .json {
            try printJSONValue(.object(["alerts": .array(rules)]))
            return
        }
        if rules.isEmpty { print("no alert rules declared (no kind: alerts file)") }
        print(pad("RULE", 24) + pad("PIPELINE", 9) + pad("SEVERITY", 9) + pad("STATE", 9) + pad("VALUE", 10)
              + pad("ACTIVE_AT", 25) + "FIRED_AT")
        for rule in rules {
            print(pad(rule["name"]?.stringValue ?? "-", 24) + pad(rule["pipeline"]?.stringValue ?? "-", 9)
                  + pad(rule["severity"]?.stringValue ?? "-", 9) + pad(rule["state"]?.stringValue ?? "-", 9)
                  + pad(StatusText.show(rule["value"]), 10) + pad(StatusText.show(rule["active_at"]), 25)
                  + StatusText.show(rule["fired_at"]))
        }
    }
}

/// `runner alerts check`: evaluates every rule now and notifies committed changes.
struct AlertsCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Evaluate every alert rule now and send notifications (cron, every minute).",
        discussion: "Example (cron): * * * * * runner alerts check")

    @OptionGroup var globals: GlobalOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let context = try MonitoringContext.open(globals, command: "alerts check", refuses: true)
        ReconcileStep.run(storage: context.storage, config: context.config, clock: context.clock)
        let evaluator = AlertEvaluator(storage: context.storage, config: context.config)
        let transitions = try reportingErrors { try evaluator.evaluateAll(at: context.clock.now()) }
        let dispatcher = NotificationDispatcher(
            storage: context.storage, notifiers: context.config.alerts.notifiers, environment: globals.environment,
            configRoot: globals.configRoot, clock: context.clock)
        let reports = await dispatcher.dispatch(transitions)
        let outcome = Dictionary(reports.map { ($0.eventId, $0.outcome) }, uniquingKeysWith: { a, _ in a })
        let changes: [ToolValue] = transitions.map { t in
            .object([
                "alert": .string(t.name), "from_state": .string(t.fromState.rawValue), "to_state": .string(t.toState.rawValue),
                "value": StatusJSON.number(t.event.value), "event_id": t.event.eventId.map { .number(Double($0)) } ?? .null,
                "notification_outcome": .string(t.event.eventId.flatMap { outcome[$0] } ?? "none"),
            ])
        }
        if format == .json {
            try printJSONValue(.object(["evaluated": .number(Double(context.config.alerts.rules.count)), "changes": .array(changes)]))
            return
        }
        print("evaluated \(context.config.alerts.rules.count) rules, \(transitions.count) state change\(transitions.count == 1 ? "" : "s")")
        for t in transitions { print("  " + AlertPayload.text(t)) }
    }
}

/// `runner alerts history [--since 24h] [--rule NAME]`.
struct AlertsHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "State changes with their notification outcomes.",
        discussion: "Example: runner alerts history --since 7d --rule V5_SUCCESS_LOW")

    @OptionGroup var globals: GlobalOptions

    @Option(help: "How far back, a duration such as 24h or 7d (default 24h).")
    var since: String = "24h"

    @Option(help: "Only this rule.")
    var rule: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        guard let span = ConfigDuration.parse(since) else {
            printError("error: --since must be a duration such as 24h or 7d, got: \(since) [VALIDATION_ERROR]")
            throw ExitCode(.badInput)
        }
        let context = try MonitoringContext.open(globals, command: "alerts history", refuses: false)
        let from = context.clock.now().addingTimeInterval(-span.seconds)
        let (events, attempts) = try reportingErrors {
            let events = try context.storage.alertEvents(since: from, rule: rule)
            return (events, try context.storage.notificationAttempts(eventIds: events.compactMap(\.eventId)))
        }
        let items: [ToolValue] = events.map { e in
            .object([
                "event_id": e.eventId.map { .number(Double($0)) } ?? .null, "kind": .string(e.kind.rawValue),
                "rule": .string(e.ruleName), "at": .string(Timestamp.string(e.at)),
                "from_state": .string(e.fromState.rawValue), "to_state": .string(e.toState.rawValue),
                "value": StatusJSON.number(e.value), "threshold": StatusJSON.number(e.threshold),
                "severity": StatusJSON.string(e.severity?.rawValue), "run_id": StatusJSON.string(e.runId),
                "resolution": StatusJSON.string(e.resolution), "notification_outcome": .string(e.notificationOutcome),
                "attempts": .array((e.eventId.flatMap { attempts[$0] } ?? []).map { a in
                    .object([
                        "notifier": .string(a.notifier), "attempt": .number(Double(a.attempt)),
                        "at": .string(Timestamp.string(a.at)), "outcome": .string(a.delivered ? "delivered" : "failed"),
                        "http_status": a.httpStatus.map { .number(Double($0)) } ?? .null,
                        "exit_code": a.exitCode.map { .number(Double($0)) } ?? .null, "error": StatusJSON.string(a.error),
                    ])
                }),
            ])
        }
        if format == .json {
            try printJSONValue(.object(["since": .string(Timestamp.string(from)), "events": .array(items)]))
            return
        }
        if events.isEmpty { print("no alert state changes since \(Timestamp.string(from))") }
        for e in events {
            let value = e.value.map { ToolValue.formatNumber($0) } ?? "-"
            print("\(Timestamp.string(e.at))  \(pad(e.ruleName, 22))\(e.fromState.rawValue) -> \(e.toState.rawValue)  value \(value)  notification \(e.notificationOutcome)\(e.resolution.map { "  (\($0))" } ?? "")")
        }
    }
}
