import Foundation

/// `runner rollout status` (operations.md §9.4) and the `rollout` object of `runner status` (§11).
public struct RolloutStatusReport: Sendable {
    /// The phase the YAML asks for.
    public var desiredPhase: String?
    /// The phase of the latest accepted configuration.
    public var appliedPhase: String?
    /// When measuring in this phase started: the later of phase entry and last restore.
    public var enteredAt: String?
    /// Hours since `enteredAt`.
    public var hoursInPhase: Double?
    /// The phase after the applied one, nil at the last phase.
    public var nextPhase: String?
    /// Whether an advancement would be accepted now.
    public var canAdvance: Bool
    /// Rolled back, cooldown, failed gates, refused configuration.
    public var blockers: [String]
    /// The gates of the applied phase.
    public var gates: [RolloutGateResult]
    /// The refused row of the desired configuration, if it was refused.
    public var refusedConfig: AppliedConfigRecord?
    /// `EROS_<C>_*` variables set in this process.
    public var envOverrides: [String]
    /// The effective flags (applied configuration, environment, rollback state).
    public var flags: ResolvedFlags
    /// The latest accepted row.
    public var applied: AppliedConfigRecord?
    /// The desired configuration's hash.
    public var desiredConfigHash: String?
    /// The rollback state.
    public var rollback: RollbackStateRecord

    /// The one-line verdict: `next phase early_adopters: may advance`, `...: may not advance (min_hours 12.3/48)`, `final phase`.
    public var verdict: String {
        guard let nextPhase else { return "final phase" }
        if canAdvance { return "next phase \(nextPhase): may advance" }
        guard !blockers.isEmpty else { return "next phase \(nextPhase): may not advance" }
        let failed = gates.filter { !$0.passed }.map(\.summary)
        var reasons = failed
        if rollback.state != .active { reasons.insert("rolled back", at: 0) }
        if let until = rollback.cooldownUntil, blockers.contains(where: { $0.hasPrefix("cooldown") }) {
            reasons.insert("cooldown until \(until)", at: 0)
        }
        return "next phase \(nextPhase): may not advance (\(reasons.joined(separator: ", ")))"
    }
}

/// Builds the rollout status from the database and the configuration.
public struct RolloutStatusBuilder: Sendable {
    /// The rollout file.
    public var plan: RolloutConfig
    /// Names of the candidate's alert rules.
    public var candidateAlertRules: [String]
    /// The process environment (for `EROS_<C>_*` overrides).
    public var environment: [String: String]

    /// Creates a builder.
    public init(plan: RolloutConfig, candidateAlertRules: [String], environment: [String: String]) {
        self.plan = plan
        self.candidateAlertRules = candidateAlertRules
        self.environment = environment
    }

    /// Builds the report at `now` (call after reconciling, for commands that reconcile).
    public func build(storage: Storage, now: Date) throws -> RolloutStatusReport {
        let desired = RolloutRoutingConfig(desiredBy: plan)
        let evaluator = RolloutGateEvaluator(plan: plan, candidateAlertRules: candidateAlertRules)
        return try storage.rolloutSnapshot { db in
            let applied = try db.latestAcceptedConfig()
            let check = try RolloutAdvanceCheck.measure(evaluator: evaluator, applied: applied, now: now, in: db)
            let rollback = try db.rollbackState()
            let phase = applied?.config.phase ?? desired?.phase
            let entry = try db.phaseEntry(phase: applied?.config.phase)
            let start = RolloutGateEvaluator.measuringStart(phaseEntry: entry, epochStartedAt: rollback.epochStartedAt)
            var refused: AppliedConfigRecord?
            if let desired, desired.hash != applied?.configHash {
                refused = try db.refusedConfig(hash: desired.hash)
            }
            var blockers = check.blockers
            if let refused { blockers.append("refused configuration \(refused.config.phase ?? "-"): \(refused.reason ?? "")") }
            let next = phase.flatMap(plan.index(ofPhase:)).flatMap { $0 + 1 < plan.phases.count ? plan.phases[$0 + 1].name.value : nil }
            let effective = applied?.config ?? desired ?? RolloutRoutingConfig(phase: nil)
            let flagEnvironment =
                (try? FlagEnvironment.parse(environment, candidate: plan.candidate.value))
                ?? FlagEnvironment(candidate: plan.candidate.value)
            let flags = FlagResolver(settings: effective.flagSettings(file: plan.file), environment: flagEnvironment)
                .resolve(rollbackState: rollback.state)
            return RolloutStatusReport(
                desiredPhase: plan.desiredPhase.value, appliedPhase: applied?.config.phase, enteredAt: start,
                hoursInPhase: Timestamp.parse(start).map { now.timeIntervalSince($0) / 3600 },
                nextPhase: next, canAdvance: next.map { Self.mayMove(to: $0, from: effective, plan: plan, check: check) } ?? false,
                blockers: blockers, gates: check.gates,
                refusedConfig: refused,
                envOverrides: FlagEnvironment.presentVariables(environment, candidate: plan.candidate.value),
                flags: flags, applied: applied, desiredConfigHash: desired?.hash, rollback: rollback)
        }
    }

    /// A move that does not increase exposure (such as `off` to `shadow`) is always accepted;
    /// an advancement needs the advance check to pass.
    static func mayMove(
        to phase: String, from applied: RolloutRoutingConfig, plan: RolloutConfig, check: RolloutAdvanceCheck
    ) -> Bool {
        guard let target = RolloutRoutingConfig(phaseNamed: phase, in: plan) else { return false }
        return !RolloutChange.classify(from: applied, to: target).isAdvancement || check.allowed
    }
}
