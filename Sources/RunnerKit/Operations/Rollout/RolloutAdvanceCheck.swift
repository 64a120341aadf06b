import Foundation

/// Whether the rollout may advance now: ACTIVE, cooldown over, gates of the applied phase pass.
public struct RolloutAdvanceCheck: Sendable, Hashable {
    /// The gates of the applied phase.
    public var gates: [RolloutGateResult]
    /// Everything that blocks an advancement now (empty: may advance).
    public var blockers: [String]

    /// Whether an advancement would be accepted now.
    public var allowed: Bool { blockers.isEmpty }

    /// Combines the rollback state, the cooldown and the gates at `now`.
    public init(rollback: RollbackStateRecord, gates: [RolloutGateResult], now: Date) {
        self.gates = gates
        var blockers: [String] = []
        if rollback.state != .active {
            blockers.append("rolled back (\(rollback.state.rawValue) since \(rollback.since))")
        }
        if rollback.inCooldown(at: now), let until = rollback.cooldownUntil {
            blockers.append("cooldown until \(until)")
        }
        let failed = gates.filter { !$0.passed }
        if !failed.isEmpty {
            blockers.append("gates not met: " + failed.map(\.summary).joined(separator: ", "))
        }
        self.blockers = blockers
    }

    /// Reads everything it needs inside `db` for the latest accepted configuration.
    public static func measure(
        evaluator: RolloutGateEvaluator, applied: AppliedConfigRecord?, now: Date, in db: RolloutConnection
    ) throws -> RolloutAdvanceCheck {
        let rollback = try db.rollbackState()
        let phase = applied?.config.phase
        let entry = try db.phaseEntry(phase: phase)
        let gates = try evaluator.evaluate(
            appliedPhase: phase, phaseEntry: entry, rollback: rollback, now: now, in: db)
        return RolloutAdvanceCheck(rollback: rollback, gates: gates, now: now)
    }
}
