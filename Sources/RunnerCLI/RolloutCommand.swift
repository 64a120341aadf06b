import ArgumentParser
import Foundation
import RunnerKit

/// `runner rollout status|plan` (operations.md §9.4).
struct RolloutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollout",
        abstract: "Phased rollout: applied vs desired phase, gates, and what a change would move.",
        discussion: "Example: runner rollout plan --percentage 25",
        subcommands: [RolloutStatusCommand.self, RolloutPlanCommand.self])
}

/// Opens what the rollout commands need; a missing rollout file is a configuration error (exit 3).
struct RolloutSetup {
    let routing: RoutingSetup
    let plan: RolloutConfig
    let candidateRules: [String]

    static func open(_ global: GlobalOptions) throws -> RolloutSetup {
        let routing = try RoutingSetup.open(global, refuseInvalidConfig: false)
        guard let plan = routing.config.rollout else {
            try? routing.storage.close()
            throw fail(RolloutError.noRolloutFile)
        }
        let rules = routing.config.alertRules(for: plan.candidate.value).map(\.name.value)
        return RolloutSetup(routing: routing, plan: plan, candidateRules: rules)
    }
}

/// `runner rollout status [--format json]`: reconciles, then reports phases, gates and the verdict.
struct RolloutStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Desired and applied phase, gates, blockers and the may-advance verdict.",
        discussion: "Example: runner rollout status --format json")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let setup = try RolloutSetup.open(global)
        let storage = setup.routing.storage
        defer { try? storage.close() }
        let report = try reportingErrors { () throws -> RolloutStatusReport in
            if setup.routing.config.isValid {
                _ = try RolloutReconciler(
                    storage: storage, plan: setup.plan, clock: setup.routing.clock,
                    candidateAlertRules: setup.candidateRules,
                    seenBy: "runner@\(DatabaseOpener.hostName()):\(ProcessInfo.processInfo.processIdentifier)"
                ).reconcile()
            }
            return try RolloutStatusBuilder(
                plan: setup.plan, candidateAlertRules: setup.candidateRules, environment: global.environment
            ).build(storage: storage, now: setup.routing.clock.now())
        }
        if format == .json { return try printJSONValue(try Self.json(report, now: setup.routing.clock.now())) }
        print(Self.text(report))
    }

    /// The `rollout` object of operations.md §11 plus the flags and hashes.
    static func json(_ r: RolloutStatusReport, now: Date) throws -> ToolValue {
        .object([
            "desired_phase": .text(r.desiredPhase), "applied_phase": .text(r.appliedPhase),
            "entered_at": .text(r.enteredAt), "hours_in_phase": .num(r.hoursInPhase), "next_phase": .text(r.nextPhase),
            "can_advance": .bool(r.canAdvance), "blockers": .strings(r.blockers), "gates": .array(r.gates.map(\.json)),
            "refused_config": r.refusedConfig.map {
                .object(["hash": .string($0.configHash), "reason": .text($0.reason), "seen_at": .string($0.seenAt)])
            } ?? .null,
            "env_overrides": .strings(r.envOverrides), "verdict": .string(r.verdict),
            "flags": try ToolValue.encode(r.flags), "applied_config_id": .int(r.applied?.id),
            "applied_config_hash": .text(r.applied?.configHash), "desired_config_hash": .text(r.desiredConfigHash),
            "rollback": r.rollback.json(now: now),
        ])
    }

    static func text(_ r: RolloutStatusReport) -> String {
        var lines = [
            "desired phase  \(r.desiredPhase ?? "-")",
            "applied phase  \(r.appliedPhase ?? "-") since \(r.enteredAt ?? "-")"
                + (r.hoursInPhase.map { String(format: " (%.1f h)", $0) } ?? ""),
            "rollback       \(r.rollback.state.rawValue)" + (r.rollback.cooldownUntil.map { ", cooldown until \($0)" } ?? ""),
        ]
        lines += flagLines(r.flags, indent: "flag ")
        for gate in r.gates { lines.append("gate  \(gate.passed ? "pass" : "FAIL")  \(gate.summary)") }
        for blocker in r.blockers { lines.append("blocker  \(blocker)") }
        if !r.envOverrides.isEmpty { lines.append("env overrides  \(r.envOverrides.joined(separator: ", "))") }
        lines.append(r.verdict)
        return lines.joined(separator: "\n")
    }
}

/// `runner rollout plan --percentage N | --phase NAME`: what would move; records nothing.
struct RolloutPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "List the creators a hypothetical percentage or phase would move, and whether it is allowed now.",
        discussion: "Example: runner rollout plan --phase percent_25 --format json")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Hypothetical percentage 0-100 (enabled, not shadow, same allowlist and salt).")
    var percentage: String?
    @Option(name: .long, help: "Hypothetical phase of the plan.") var phase: String?
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        if (percentage == nil) == (phase == nil) { throw fail(RolloutError.planTargetRequired) }
        if let percentage, Int(percentage).map({ !(0...100).contains($0) }) ?? true {
            throw fail(RolloutError.invalidPercentage(percentage))
        }
        let setup = try RolloutSetup.open(global)
        let storage = setup.routing.storage
        defer { try? storage.close() }
        let report = try reportingErrors { () throws -> RolloutPlanReport in
            let planner = RolloutPlanner(plan: setup.plan, candidateAlertRules: setup.candidateRules)
            let target: RolloutRoutingConfig
            if let phase {
                guard let config = RolloutRoutingConfig(phaseNamed: phase, in: setup.plan) else {
                    throw RolloutError.unknownPhase(phase, known: setup.plan.phases.map(\.name.value))
                }
                target = config
            } else {
                let applied = try storage.rolloutSnapshot { try $0.latestAcceptedConfig() }?.config
                    ?? RolloutRoutingConfig(desiredBy: setup.plan) ?? RolloutRoutingConfig(phase: nil)
                target = RolloutPlanner.percentageTarget(Int(percentage!)!, applied: applied)
            }
            return try planner.plan(to: target, storage: storage, now: setup.routing.clock.now())
        }
        if format == .json { return try printJSONValue(Self.json(report)) }
        print(Self.text(report))
    }

    static func json(_ r: RolloutPlanReport) -> ToolValue {
        func moves(_ list: [RolloutPlanMove]) -> ToolValue {
            .array(list.map {
                .object([
                    "creator_id": .text($0.creatorId), "routing_key": .string($0.routingKey), "bucket": .int($0.bucket),
                    "from_reason": .string($0.fromReason), "to_reason": .string($0.toReason),
                ])
            })
        }
        var reasons: [String] = []
        if case .advancement(let list) = r.change { reasons = list }
        return .object([
            "applied_phase": .text(r.applied.phase), "target": .text(r.target.phase),
            "target_flags": r.target.flagsValue, "to_candidate": moves(r.toCandidate), "to_control": moves(r.toControl),
            "stay_candidate": .int(r.stayCandidate), "stay_control": .int(r.stayControl),
            "is_advancement": .bool(r.change.isAdvancement), "advancement_reasons": .strings(reasons),
            "allowed_now": .bool(r.allowedNow), "blockers": .strings(r.blockers), "gates": .array(r.gates.map(\.json)),
        ])
    }

    static func text(_ r: RolloutPlanReport) -> String {
        var lines = ["from \(r.applied.summary)", "to   \(r.target.summary)"]
        lines.append("move to the candidate: \(r.toCandidate.count)")
        for m in r.toCandidate { lines.append("  \(m.routingKey) (bucket \(m.bucket)) \(m.fromReason) -> \(m.toReason)") }
        lines.append("move back to control: \(r.toControl.count)")
        for m in r.toControl { lines.append("  \(m.routingKey) (bucket \(m.bucket)) \(m.fromReason) -> \(m.toReason)") }
        lines.append("stay on the candidate: \(r.stayCandidate); stay on control: \(r.stayControl)")
        if case .advancement(let reasons) = r.change {
            lines.append("advancement (\(reasons.joined(separator: "; "))): "
                + (r.allowedNow ? "allowed now" : "refused now: " + r.blockers.joined(separator: "; ")))
        } else {
            lines.append("not an advancement: accepted at once when edited into the rollout file")
        }
        return lines.joined(separator: "\n")
    }
}
