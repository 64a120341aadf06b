import Foundation

/// One routed creator of `runner rollback verify`.
public struct RollbackVerifyEntry: Sendable {
    /// The decision, made without running or recording anything.
    public var decision: RoutingDecision
    /// Whether it goes to control with reason `rolled_back` or `v5_disabled`.
    public var passed: Bool
}

/// The result of `runner rollback verify` (operations.md §8.7).
public struct RollbackVerifyReport: Sendable {
    /// The controller state.
    public var state: RollbackStateRecord
    /// Every routed creator.
    public var entries: [RollbackVerifyEntry]

    /// Entries that would reach the candidate (or shadow).
    public var offenders: [RollbackVerifyEntry] { entries.filter { !$0.passed } }
    /// Passes only when rolled back and every creator goes to control.
    public var passed: Bool { state.state != .active && offenders.isEmpty }
}

/// Routes the runbook's creators, every active creator and every allowlisted page name under the
/// latest accepted configuration and the persisted rollback state.
public struct RollbackVerifier: Sendable {
    /// The runbook's creators, always checked.
    public static let runbookCreators = ["alexia", "test1", "test2"]

    /// Control and candidate names.
    public var settings: RollbackSettings
    /// The rollout file, when one loaded (desired configuration before the first reconciliation).
    public var plan: RolloutConfig?
    /// The process environment (flags of this process count, as for any routing).
    public var environment: [String: String]

    /// Creates a verifier.
    public init(settings: RollbackSettings, plan: RolloutConfig?, environment: [String: String]) {
        self.settings = settings
        self.plan = plan
        self.environment = environment
    }

    /// Routes everything; `extra` adds creators named on the command line.
    public func verify(storage: Storage, extra: [String] = []) throws -> RollbackVerifyReport {
        try storage.rolloutSnapshot { db in
            let state = try db.rollbackState()
            let applied = try db.latestAcceptedConfig()?.config ?? plan.flatMap(RolloutRoutingConfig.init(desiredBy:))
                ?? RolloutRoutingConfig(phase: nil)
            let flagEnvironment =
                (try? FlagEnvironment.parse(environment, candidate: settings.candidate))
                ?? FlagEnvironment(candidate: settings.candidate)
            let flags = FlagResolver(settings: applied.flagSettings(file: plan?.file ?? "pipelines/rollout.yaml"), environment: flagEnvironment)
                .resolve(rollbackState: state.state)
            let router = Router(control: settings.control, candidate: settings.candidate, salt: applied.salt)
            var inputs = Self.runbookCreators + (try db.activeCreators()).map(\.creatorId) + applied.creators
            inputs += flagEnvironment.creators ?? []
            inputs += extra
            var seen = Set<String>()
            var entries: [RollbackVerifyEntry] = []
            for input in inputs {
                let creator = try db.resolveCreator(input)
                let key = creator?.pageName ?? input
                guard seen.insert(key).inserted else { continue }
                let decision = router.decide(
                    creatorId: creator?.creatorId ?? input, routingKey: key, flags: flags, rollbackState: state.state)
                let passed =
                    decision.target == .control && (decision.reason == .rolledBack || decision.reason == .candidateDisabled)
                entries.append(RollbackVerifyEntry(decision: decision, passed: passed))
            }
            return RollbackVerifyReport(state: state, entries: entries)
        }
    }
}
