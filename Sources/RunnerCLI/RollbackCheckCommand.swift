import ArgumentParser
import Foundation
import RunnerKit

/// `runner rollback check [--dry-run]` (operations.md §8.1): cron, every minute. Refuses an
/// invalid configuration (exit 3), reconciles `applied_configs`, evaluates the triggers; exit 1
/// when it performed a rollback.
struct RollbackCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Evaluate the rollback triggers now (cron); exit 1 when this performed a rollback.",
        discussion: "Example: runner rollback check --dry-run --format json")

    @OptionGroup var global: GlobalOptions
    @Flag(name: .customLong("dry-run"), help: "Report what would trigger without acting.") var dryRun = false
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let setup = try RollbackSetup.open(global, refuseInvalidConfig: true)
        defer { try? setup.routing.storage.close() }
        let result = try await reportingErrors { () async throws -> RollbackCheckResult in
            if !dryRun, let reconciler = RolloutReconciler(
                storage: setup.routing.storage, config: setup.routing.config, clock: setup.routing.clock,
                seenBy: RollbackCheckCommand.actor(setup))
            {
                _ = try reconciler.reconcile()
            }
            return try await setup.controller.check(dryRun: dryRun)
        }
        if result.rolledBack { await setup.fireEventRules(environment: global.environment) }
        if format == .json {
            try printJSONValue(
                .object([
                    "dry_run": .bool(dryRun), "skipped": .text(result.skipped),
                    "fired_trigger": .text(result.firedTrigger), "rolled_back": .bool(result.rolledBack),
                    "evaluations": .array(result.evaluations.map(\.json)),
                    "events": .array((result.rollback?.events ?? []).map(\.json)),
                    "state": try setup.controller.status().json(now: setup.now),
                ]))
        } else {
            print(Self.text(result, dryRun: dryRun, candidate: setup.controller.settings.candidate))
        }
        if result.rolledBack { throw ExitCode(.negative) }
    }

    static func actor(_ setup: RollbackSetup) -> String { setup.controller.automaticActor }

    static func text(_ result: RollbackCheckResult, dryRun: Bool, candidate: String) -> String {
        var lines: [String] = []
        if let skipped = result.skipped { lines.append("nothing evaluated: \(skipped)") }
        for e in result.evaluations {
            let value = e.measurement.value.map { ToolValue.formatNumber(($0 * 1000).rounded() / 1000) } ?? "-"
            lines.append(
                "\(e.name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(e.metric.rawValue) \(value) "
                    + "(\(e.threshold.direction.rawValue) \(ToolValue.formatNumber(e.threshold.value)), "
                    + "\(e.measurement.samples) samples, \(e.window)) \(e.resultText)  \(e.from.rawValue) -> \(e.to.rawValue)")
        }
        if let fired = result.firedTrigger {
            lines.append(dryRun ? "would roll back: trigger \(fired) fires" : "trigger \(fired) fired")
        } else if result.skipped == nil {
            lines.append("no trigger fires")
        }
        if let rollback = result.rollback {
            lines.append(RollbackTriggerCommand.text(rollback, candidate: candidate))
        }
        return lines.joined(separator: "\n")
    }
}

/// `runner rollback verify [--creator ID ...]` (operations.md §8.7).
struct RollbackVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that every known creator routes to control; exit 1 on any offender or when ACTIVE.",
        discussion: "Example: runner rollback verify --creator alexia")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Also route this creator (repeatable).") var creator: [String] = []
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let setup = try RollbackSetup.open(global, refuseInvalidConfig: false)
        defer { try? setup.routing.storage.close() }
        let report = try reportingErrors { () throws -> RollbackVerifyReport in
            let extra = try creator.map { try CreatorIdRule.check($0) }
            try setup.controller.completeStaleDrain()
            return try RollbackVerifier(
                settings: setup.controller.settings, plan: setup.routing.config.rollout,
                environment: global.environment
            ).verify(storage: setup.routing.storage, extra: extra)
        }
        if format == .json {
            try printJSONValue(
                .object([
                    "state": .string(report.state.state.rawValue), "passed": .bool(report.passed),
                    "checked": .int(report.entries.count),
                    "offenders": .array(try report.offenders.map { try ToolValue.encode($0.decision) }),
                ]))
        } else {
            if report.state.state == .active { print("rollback state is ACTIVE: the candidate is not rolled back") }
            for entry in report.offenders {
                print("OFFENDER \(entry.decision.routingKey) -> \(entry.decision.pipeline) (\(entry.decision.reason.text))")
            }
            print(
                report.passed
                    ? "verified: \(report.entries.count) creators route to control (\(report.state.state.rawValue))"
                    : "verification failed: \(report.offenders.count) of \(report.entries.count) creators reach the candidate")
        }
        if !report.passed { throw ExitCode(.negative) }
    }
}
