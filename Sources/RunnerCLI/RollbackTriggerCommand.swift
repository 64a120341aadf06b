import ArgumentParser
import Foundation
import RunnerKit

/// `runner rollback trigger --reason TEXT [--drain-timeout 10s]` (operations.md §8.4).
struct RollbackTriggerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trigger",
        abstract: "Roll the candidate back now: DRAINING, wait for in-flight candidate runs, then DISABLED.",
        discussion: """
            Works with a broken configuration (defaults: drain_timeout 60s). initiated_by is $USER.
            Example: runner rollback trigger --reason "v5 rejecting every schedule" --drain-timeout 10s
            """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Why (required, non-blank).") var reason: String?
    @Option(name: .customLong("drain-timeout"), help: "Override the rollback file's drain_timeout (e.g. 10s).")
    var drainTimeout: String?
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let user = operatorName(global.environment)
        let timeout = try reportingErrors { () throws -> ConfigDuration? in
            guard let drainTimeout else { return nil }
            guard let parsed = ConfigDuration.parse(drainTimeout), parsed.milliseconds > 0 else {
                throw RollbackError.invalidDrainTimeout(drainTimeout)
            }
            return parsed
        }
        if reason?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
            throw fail(RollbackError.missingReason(command: "trigger"))
        }
        let setup = try RollbackSetup.open(global, refuseInvalidConfig: false)
        defer { try? setup.routing.storage.close() }
        let outcome = try await reportingErrors {
            try await setup.controller.trigger(reason: reason, initiatedBy: user, drainTimeout: timeout)
        }
        if !outcome.alreadyRolledBack { await setup.fireEventRules(environment: global.environment) }
        if format == .json {
            return try printJSONValue(
                .object([
                    "already_rolled_back": .bool(outcome.alreadyRolledBack), "state": outcome.state.json(now: setup.now),
                    "events": .array(outcome.events.map(\.json)),
                ]))
        }
        print(RollbackTriggerCommand.text(outcome, candidate: setup.controller.settings.candidate))
    }

    /// The text result of a trigger (manual or from `check`).
    static func text(_ outcome: RollbackOutcome, candidate: String) -> String {
        if outcome.alreadyRolledBack {
            var line = "already rolled back (\(outcome.state.state.rawValue) since \(outcome.state.since))"
            if outcome.events.contains(where: \.recovered) { line += "; completed a drain left by a process that died" }
            return line
        }
        var lines: [String] = []
        if let start = outcome.events.first(where: { $0.event == .drainStarted }) {
            lines.append("\(candidate) DRAINING since \(start.at) (\(start.inFlightAtStart ?? 0) candidate runs in flight)")
        }
        if let done = outcome.disabledEvent {
            lines.append(
                "\(candidate) DISABLED at \(done.at) after \(done.drainMs ?? 0) ms "
                    + "(\(done.inFlightRemaining ?? 0) still in flight at the end)")
            lines.append("[ROLLBACK] \(candidate) disabled. Reason: \(done.reason). Initiated by: \(done.initiatedBy).")
        }
        return lines.joined(separator: "\n")
    }
}

/// `runner rollback restore --confirm TOKEN --reason TEXT` (operations.md §8.5).
struct RollbackRestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Return to ACTIVE with the confirmation token: new candidate epoch and a cooldown.",
        discussion: "Example: runner rollback restore --confirm RESTORE_V5_CONFIRMED --reason \"fix deployed\"")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The rollback file's restore_token.") var confirm: String?
    @Option(name: .long, help: "Why (required, non-blank).") var reason: String?
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let user = operatorName(global.environment)
        let setup = try RollbackSetup.open(global, refuseInvalidConfig: false)
        defer { try? setup.routing.storage.close() }
        let outcome = try reportingErrors {
            try setup.controller.restore(token: confirm, reason: reason, initiatedBy: user)
        }
        if !outcome.alreadyActive { await setup.fireEventRules(environment: global.environment) }
        let applied = (try? setup.routing.storage.rolloutSnapshot { try $0.latestAcceptedConfig() }) ?? nil
        var warning: String?
        if !outcome.alreadyActive, let config = applied?.config, config.isLive {
            warning =
                "the applied rollout phase \(config.phase ?? "-") routes creators to the candidate; "
                + "consider `phase: shadow` in pipelines/rollout.yaml first (runbook: re-validate in shadow)"
            printError("warning: \(warning!)")
        }
        if format == .json {
            return try printJSONValue(
                .object([
                    "already_active": .bool(outcome.alreadyActive), "state": outcome.state.json(now: setup.now),
                    "event": outcome.event?.json ?? .null, "warning": .text(warning),
                ]))
        }
        if outcome.alreadyActive {
            print("already active (since \(outcome.state.since)); nothing changed")
        } else {
            print(
                "\(setup.controller.settings.candidate) ACTIVE since \(outcome.state.since) (restored by \(user)); "
                    + "new epoch from \(outcome.state.epochStartedAt); cooldown until \(outcome.state.cooldownUntil ?? "-")")
        }
    }
}
