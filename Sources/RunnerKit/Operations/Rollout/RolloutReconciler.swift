import Foundation
import Logging

/// What one reconciliation did (operations.md §9.2).
public enum RolloutReconcileOutcome: Sendable, Hashable {
    /// The first configuration ever seen was accepted.
    case bootstrap
    /// The desired configuration is the applied one.
    case unchanged
    /// A change was accepted (non-advancing, or an advancement whose conditions hold).
    case accepted(RolloutChange)
    /// An advancement was refused; routing keeps the last accepted configuration.
    case refused(reason: String)
}

/// The result of reconciling the desired configuration with `applied_configs`.
public struct RolloutReconciliation: Sendable {
    /// The configuration the YAML asks for.
    public var desired: RolloutRoutingConfig
    /// The latest accepted row after reconciliation: what routing uses.
    public var applied: AppliedConfigRecord
    /// What happened.
    public var outcome: RolloutReconcileOutcome
    /// The refused row of the desired configuration, when refused.
    public var refused: AppliedConfigRecord?
}

/// Compares the rollout file's desired configuration with the latest accepted `applied_configs`
/// row and records the decision, in one `BEGIN IMMEDIATE` transaction. Called at the start of
/// `execute`, `status`, `rollout status`, `alerts check` and `rollback check` only.
public struct RolloutReconciler: Sendable {
    /// The database.
    public var storage: Storage
    /// The rollout file.
    public var plan: RolloutConfig
    /// The runner clock.
    public var clock: RunnerClock
    /// Names of the alert rules that watch the candidate (for `block_on_alerts`).
    public var candidateAlertRules: [String]
    /// The actor recorded in `seen_by`.
    public var seenBy: String
    /// `eros.rollout`.
    public var logger: Logger

    /// Creates a reconciler.
    public init(
        storage: Storage, plan: RolloutConfig, clock: RunnerClock, candidateAlertRules: [String], seenBy: String,
        logger: Logger = Logger(label: "eros.rollout")
    ) {
        self.storage = storage
        self.plan = plan
        self.clock = clock
        self.candidateAlertRules = candidateAlertRules
        self.seenBy = seenBy
        self.logger = logger
    }

    /// Builds a reconciler from a loaded configuration (nil without a valid rollout file).
    public init?(storage: Storage, config: LoadedConfig, clock: RunnerClock, seenBy: String) {
        guard let plan = config.rollout else { return nil }
        let rules = config.alertRules(for: plan.candidate.value).map(\.name.value)
        self.init(storage: storage, plan: plan, clock: clock, candidateAlertRules: rules, seenBy: seenBy)
    }

    /// Reconciles once. Throws `RolloutError.noRolloutFile` when the desired phase is not listed.
    public func reconcile() throws -> RolloutReconciliation {
        guard let desired = RolloutRoutingConfig(desiredBy: plan) else { throw RolloutError.noRolloutFile }
        let evaluator = RolloutGateEvaluator(plan: plan, candidateAlertRules: candidateAlertRules)
        let result: RolloutReconciliation = try storage.rolloutTransaction { db in
            let nowDate = clock.now()
            let now = Timestamp.string(nowDate)
            guard let latest = try db.latestAcceptedConfig() else {
                let row = try db.insertAppliedConfig(
                    desired, status: .accepted, reason: "bootstrap", seenAt: now, seenBy: seenBy)
                return RolloutReconciliation(desired: desired, applied: row, outcome: .bootstrap, refused: nil)
            }
            let change = RolloutChange.classify(from: latest.config, to: desired)
            switch change {
            case .unchanged:
                return RolloutReconciliation(desired: desired, applied: latest, outcome: .unchanged, refused: nil)
            case .nonAdvancing:
                let row = try db.insertAppliedConfig(
                    desired, status: .accepted, reason: "does not increase candidate exposure", seenAt: now,
                    seenBy: seenBy)
                return RolloutReconciliation(desired: desired, applied: row, outcome: .accepted(change), refused: nil)
            case .advancement(let reasons):
                let check = try RolloutAdvanceCheck.measure(evaluator: evaluator, applied: latest, now: nowDate, in: db)
                if check.allowed {
                    let row = try db.insertAppliedConfig(
                        desired, status: .accepted,
                        reason: "advancement (\(reasons.joined(separator: "; "))): gates of \(latest.config.phase ?? "-") passed",
                        seenAt: now, seenBy: seenBy)
                    return RolloutReconciliation(desired: desired, applied: row, outcome: .accepted(change), refused: nil)
                }
                let reason =
                    "advancement (\(reasons.joined(separator: "; "))) refused: " + check.blockers.joined(separator: "; ")
                let refused = try db.insertAppliedConfig(
                    desired, status: .refused, reason: reason, seenAt: now, seenBy: seenBy)
                return RolloutReconciliation(
                    desired: desired, applied: latest, outcome: .refused(reason: reason), refused: refused)
            }
        }
        log(result)
        return result
    }

    private func log(_ result: RolloutReconciliation) {
        switch result.outcome {
        case .bootstrap, .accepted:
            logger.notice(
                "configuration accepted",
                metadata: ["phase": "\(result.applied.config.phase ?? "-")", "flags": "\(result.applied.config.summary)",
                           "applied_config_id": "\(result.applied.id)"])
        case .refused(let reason):
            logger.warning(
                "advancement refused",
                metadata: ["desired_phase": "\(result.desired.phase ?? "-")",
                           "applied_phase": "\(result.applied.config.phase ?? "-")", "reason": "\(reason)"])
        case .unchanged:
            break
        }
    }
}
