import Foundation

/// One creator whose side would change under a hypothetical configuration.
public struct RolloutPlanMove: Sendable, Hashable {
    /// The resolved creator_id, nil for a name that matches no creator.
    public var creatorId: String?
    /// The page name hashed.
    public var routingKey: String
    /// Its bucket under the hypothetical salt.
    public var bucket: Int
    /// Why it goes where it goes now.
    public var fromReason: String
    /// Why it would go where it would go.
    public var toReason: String
}

/// `runner rollout plan --percentage N | --phase NAME` (operations.md §9.4); nothing is recorded.
public struct RolloutPlanReport: Sendable {
    /// The applied configuration compared against.
    public var applied: RolloutRoutingConfig
    /// The hypothetical configuration.
    public var target: RolloutRoutingConfig
    /// Creators that would move to the candidate.
    public var toCandidate: [RolloutPlanMove]
    /// Creators that would move back to control.
    public var toControl: [RolloutPlanMove]
    /// Creators served by the candidate before and after.
    public var stayCandidate: Int
    /// Creators served by control before and after.
    public var stayControl: Int
    /// The exposure classification of the change.
    public var change: RolloutChange
    /// Whether the rollback state, cooldown and gates allow the change now (always true when not an advancement).
    public var allowedNow: Bool
    /// What blocks it now.
    public var blockers: [String]
    /// The gates of the applied phase.
    public var gates: [RolloutGateResult]
}

/// Compares the applied routing configuration with a hypothetical one over every active creator
/// and every allowlisted page name.
public struct RolloutPlanner: Sendable {
    /// The rollout file.
    public var plan: RolloutConfig
    /// Names of the candidate's alert rules.
    public var candidateAlertRules: [String]

    /// Creates a planner.
    public init(plan: RolloutConfig, candidateAlertRules: [String]) {
        self.plan = plan
        self.candidateAlertRules = candidateAlertRules
    }

    /// The hypothetical configuration of `--percentage N`: enabled, not shadow, the applied allowlist and salt.
    public static func percentageTarget(_ percentage: Int, applied: RolloutRoutingConfig) -> RolloutRoutingConfig {
        var target = applied
        target.phase = "percentage \(percentage)"
        target.enabled = true
        target.shadow = false
        target.percentage = percentage
        return target
    }

    /// Compares at `now`. `applied` nil uses the latest accepted row, or the desired configuration
    /// when none exists yet.
    public func plan(to target: RolloutRoutingConfig, storage: Storage, now: Date) throws -> RolloutPlanReport {
        let evaluator = RolloutGateEvaluator(plan: plan, candidateAlertRules: candidateAlertRules)
        return try storage.rolloutSnapshot { db in
            let latest = try db.latestAcceptedConfig()
            guard let applied = latest?.config ?? RolloutRoutingConfig(desiredBy: plan) else {
                throw RolloutError.noRolloutFile
            }
            var keys: [String: String?] = [:]
            for creator in try db.activeCreators() { keys[creator.pageName] = creator.creatorId }
            for name in applied.creators + target.creators where keys[name] == nil {
                let resolved = try db.resolveCreator(name)
                keys[resolved?.pageName ?? name] = resolved?.creatorId
            }
            var report = RolloutPlanReport(
                applied: applied, target: target, toCandidate: [], toControl: [], stayCandidate: 0, stayControl: 0,
                change: RolloutChange.classify(from: applied, to: target), allowedNow: true, blockers: [], gates: [])
            for (key, creatorId) in keys.sorted(by: { $0.key < $1.key }) {
                let before = decide(key, creatorId: creatorId, config: applied)
                let after = decide(key, creatorId: creatorId, config: target)
                let move = RolloutPlanMove(
                    creatorId: creatorId, routingKey: key, bucket: after.bucket.bucket, fromReason: before.reason.text,
                    toReason: after.reason.text)
                switch (before.target == .candidate, after.target == .candidate) {
                case (false, true): report.toCandidate.append(move)
                case (true, false): report.toControl.append(move)
                case (true, true): report.stayCandidate += 1
                case (false, false): report.stayControl += 1
                }
            }
            let check = try RolloutAdvanceCheck.measure(evaluator: evaluator, applied: latest, now: now, in: db)
            report.gates = check.gates
            if report.change.isAdvancement {
                report.allowedNow = check.allowed
                report.blockers = check.blockers
            }
            return report
        }
    }

    private func decide(_ key: String, creatorId: String?, config: RolloutRoutingConfig) -> RoutingDecision {
        let flags = FlagResolver(settings: config.flagSettings(file: plan.file), environment: FlagEnvironment(candidate: plan.candidate.value))
            .resolve(rollbackState: .active)
        return Router(control: plan.control.value, candidate: plan.candidate.value, salt: config.salt)
            .decide(creatorId: creatorId ?? key, routingKey: key, flags: flags, rollbackState: .active)
    }
}
