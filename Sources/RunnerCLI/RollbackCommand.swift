import ArgumentParser
import Foundation
import RunnerKit

/// `runner rollback status|check|trigger|restore|history|verify` (operations.md §8).
struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "The rollback controller: state, automatic check, manual trigger, restore, history, verify.",
        discussion: "Example: runner rollback trigger --reason \"v5 failing for alexia\"",
        subcommands: [
            RollbackStatusCommand.self, RollbackCheckCommand.self, RollbackTriggerCommand.self,
            RollbackRestoreCommand.self, RollbackHistoryCommand.self, RollbackVerifyCommand.self,
        ])
}

/// What every rollback subcommand opens: clock, configuration (reported or refused), database,
/// and the controller built from them. Rollback settings fall back to the defaults of config.md §7
/// when the rollback file is missing or invalid, so `trigger` works with broken YAML.
struct RollbackSetup {
    let routing: RoutingSetup
    let controller: RollbackController

    static func open(_ global: GlobalOptions, refuseInvalidConfig: Bool) throws -> RollbackSetup {
        let routing = try RoutingSetup.open(global, refuseInvalidConfig: refuseInvalidConfig)
        let settings = RollbackSettings(config: routing.config)
        let controller = RollbackController(storage: routing.storage, settings: settings, clock: routing.clock)
        return RollbackSetup(routing: routing, controller: controller)
    }

    var now: Date { routing.clock.now() }

    /// Evaluates the rollback event rules (V5_AUTO_ROLLBACK) after this process changed the
    /// rollback state and sends their notifications (operations.md §8.3, §7.4); never throws.
    func fireEventRules(environment: [String: String]) async {
        let monitor = AlertMonitor(
            storage: routing.storage, config: routing.config, environment: environment, clock: routing.clock)
        do {
            _ = await monitor.notify(try monitor.evaluator.evaluateEventRules(at: now))
        } catch {
            printError("warning: rollback event rules not evaluated: \(error)")
        }
    }
}

/// `runner rollback status [--format json]`.
struct RollbackStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Rollback state, since, reason, initiated_by, trigger, cooldown.",
        discussion: "Example: runner rollback status --format json")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let setup = try RollbackSetup.open(global, refuseInvalidConfig: false)
        defer { try? setup.routing.storage.close() }
        let state = try reportingErrors { () throws -> RollbackStateRecord in
            try setup.controller.completeStaleDrain()
            return try setup.controller.status()
        }
        if format == .json { return try printJSONValue(state.json(now: setup.now)) }
        print(RollbackText.state(state, now: setup.now))
    }
}

/// `runner rollback history [--limit N] [--format json]`.
struct RollbackHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Every rollback event, newest first, with metrics snapshots.",
        discussion: "Example: runner rollback history --limit 5 --format json")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Show at most N events.") var limit: String?
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let count = try parseCount(limit, option: "--limit")
        let setup = try RollbackSetup.open(global, refuseInvalidConfig: false)
        defer { try? setup.routing.storage.close() }
        let events = try reportingErrors { try setup.controller.history(limit: count) }
        if format == .json { return try printJSONValue(.object(["events": .array(events.map(\.json))])) }
        if events.isEmpty { print("no rollback events") }
        for event in events {
            print(event.line)
            if let snapshot = event.metricsSnapshot { print("  metrics \(snapshot.canonicalJSON())") }
        }
    }
}

/// Parses an optional positive count option (exit 2 when malformed).
func parseCount(_ text: String?, option: String) throws -> Int? {
    guard let text else { return nil }
    guard let value = Int(text), value > 0 else {
        printError("error: \(option) must be a positive integer, got: \(text) [VALIDATION_ERROR]")
        throw ExitCode(.badInput)
    }
    return value
}

/// Text renderings shared by the rollback commands.
enum RollbackText {
    /// `Rollback   DISABLED since ... (reason, by kim, trigger x); cooldown until ...`.
    static func state(_ state: RollbackStateRecord, now: Date) -> String {
        var lines = ["state           \(state.state.rawValue)", "since           \(state.since)",
                     "reason          \(state.reason)", "initiated_by    \(state.initiatedBy)",
                     "trigger         \(state.trigger ?? "-")"]
        if let until = state.cooldownUntil {
            lines.append("cooldown_until  \(until)" + (state.inCooldown(at: now) ? " (in cooldown)" : " (ended)"))
        } else {
            lines.append("cooldown_until  -")
        }
        lines.append("epoch_started   \(state.epochStartedAt)")
        return lines.joined(separator: "\n")
    }
}
