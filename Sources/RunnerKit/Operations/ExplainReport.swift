import Foundation

/// `runner explain --creator ID`: why a creator goes where it goes, and what operations know
/// about it (cli.md): the decision, the rollback state, alerts on its pipeline, the learnings
/// recorded as applicable to its runs, and its last runs.
public struct ExplainReport: Sendable {
    /// The creator, nil when the id matches none (routed with the id as given).
    public var creator: CreatorRef?
    /// The routing decision under the applied configuration, this process's flags and the rollback state.
    public var decision: RoutingDecision
    /// The applied rollout phase.
    public var appliedPhase: String?
    /// The rollback state.
    public var rollback: RollbackStateRecord
    /// Firing and pending alert rules watching the decided pipeline.
    public var alerts: [AlertStateSummary]
    /// The learning ids recorded on the creator's latest run (selection order), with that run's id.
    public var learnings: (runId: String, ids: [String])?
    /// The creator's last runs, newest first.
    public var lastRuns: [RunSummaryRecord]
    /// The learnings that apply to the creator today (learnings.md §9), when it exists.
    public var applicable: ExplainLearnings? = nil
}

/// Builds an `ExplainReport` from the database and the (possibly invalid) configuration.
public struct ExplainBuilder: Sendable {
    /// The loaded configuration (alert rules by pipeline, the rollout file).
    public var config: LoadedConfig
    /// The process environment.
    public var environment: [String: String]

    /// Creates a builder.
    public init(config: LoadedConfig, environment: [String: String]) {
        self.config = config
        self.environment = environment
    }

    /// Explains `input` (already checked against the creator id rule) with its last `runs` runs.
    public func explain(_ input: String, runs: Int, storage: Storage) throws -> ExplainReport {
        let routing = RoutingConfiguration(rollout: config.rollout)
        return try storage.rolloutSnapshot { db in
            let creator = try db.resolveCreator(input)
            let rollback = try db.rollbackState()
            let applied = try db.latestAcceptedConfig()?.config ?? RolloutRoutingConfig(routing)
            let flagEnvironment = FlagEnvironment.parseLeniently(environment, candidate: routing.candidate).environment
            let flags = FlagResolver(settings: applied.flagSettings(file: config.rollout?.file ?? "pipelines/rollout.yaml"), environment: flagEnvironment)
                .resolve(rollbackState: rollback.state)
            let decision = Router(control: routing.control, candidate: routing.candidate, salt: applied.salt).decide(
                creatorId: creator?.creatorId ?? input, routingKey: creator?.pageName ?? input, flags: flags,
                rollbackState: rollback.state)
            let pipelines = decision.target == .shadow ? [routing.control, routing.candidate] : [decision.pipeline]
            let ruleNames = Set(pipelines.flatMap { config.alertRules(for: $0).map(\.name.value) })
            let alerts = try db.activeAlertStates().filter { config.alerts.rules.isEmpty || ruleNames.contains($0.name) }
            let lastRuns = try creator.map { try db.recentRuns(creatorId: $0.creatorId, limit: runs) } ?? []
            let latest = lastRuns.first
            return ExplainReport(
                creator: creator, decision: decision, appliedPhase: applied.phase, rollback: rollback, alerts: alerts,
                learnings: latest.map { ($0.runId, $0.learningIds) }, lastRuns: lastRuns)
        }
    }
}
