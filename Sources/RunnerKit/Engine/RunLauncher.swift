import Foundation

/// The run lifecycle of operations.md §1.3: check the input, record the routing configuration,
/// route and insert the run in one transaction, execute with heartbeats and per-attempt rows,
/// finish the row; then automatic fallback (`fallingBack`) or the shadow pair (`runShadowPair`);
/// then rollback and alert evaluation and notifications (`afterRuns`).
public struct RunLauncher<Runner: StepRunner>: Sendable {
    /// Builds the step runner of one run.
    public typealias RunnerFactory = @Sendable (RunEnvironment) -> Runner

    /// The loaded, valid configuration.
    public var config: LoadedConfig
    /// The project database.
    public var storage: Storage
    /// This process's strictly parsed `EROS_<CANDIDATE>_*` overrides.
    public var environment: FlagEnvironment
    /// This process.
    public var owner: RunOwner
    /// The runner clock.
    public var clock: RunnerClock
    /// Makes the steps of each run.
    public var makeRunner: RunnerFactory
    /// LEARNINGS.md, read once for all runs of this launcher.
    public var learnings: LearningsSource
    /// How often a running run refreshes `heartbeat_at`.
    public var heartbeatInterval: Duration = .seconds(5)
    /// Backoff sleeps (tests record instead of sleeping).
    public var backoffSleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    /// Per-attempt timeout and deadline timer; nil uses real sleeps (tests inject their own).
    public var timer: (@Sendable (TimerPurpose, Duration) async throws -> Void)?
    /// The routing reconciled once for a batch (`reconcilingOnce`); nil reconciles before every run.
    var batchRouting: ReconciledRouting?

    /// Creates a launcher.
    public init(
        config: LoadedConfig, storage: Storage, environment: FlagEnvironment, owner: RunOwner, clock: RunnerClock,
        makeRunner: @escaping RunnerFactory
    ) {
        self.config = config
        self.storage = storage
        self.environment = environment
        self.owner = owner
        self.clock = clock
        self.makeRunner = makeRunner
        self.learnings = LearningsSource(configRoot: config.root, today: clock.today())
    }

    /// The desired routing configuration (pipeline names; `execute` routes with the reconciled one).
    public var routing: RoutingConfiguration { RoutingConfiguration(rollout: config.rollout) }

    /// Resolves the input creator; VALIDATION_ERROR or CREATOR_NOT_FOUND refuse (exit 2).
    public func resolve(_ input: String) throws -> CreatorIdentity {
        let id = try CreatorIdRule.check(input)
        guard let creator = try storage.resolveCreator(id) else { throw CreatorInputError.notFound(id) }
        return creator
    }

    /// Runs one creator's week. Throws only refusals (nothing recorded) and storage failures
    /// before the run row exists; everything after is in the report.
    public func execute(_ request: RunRequest) async throws -> RunReport {
        let creator = try resolve(request.creatorInput)
        guard Timestamp.parseDate(request.weekStart) != nil else {
            throw CreatorInputError.invalid("--week must be a real YYYY-MM-DD date, got: \(request.weekStart)")
        }
        if let forced = request.forcedPipeline, config.pipelines[forced] == nil {
            let known = config.pipelineNames.joined(separator: ", ")
            throw CreatorInputError.invalid("unknown pipeline '\(forced)' (known: \(known))")
        }
        let reconciled = try batchRouting ?? reconcileRouting()
        let routing = reconciled.routing
        let started = try storage.startRuns(creatorId: creator.creatorId, weekStart: request.weekStart, owner: owner) {
            state in
            let flags = FlagResolver(settings: routing.settings, environment: environment).resolve(rollbackState: state)
            let router = routing.router
            let decision =
                request.forcedPipeline.map {
                    router.forced(
                        pipeline: $0, creatorId: creator.creatorId, routingKey: creator.pageName, flags: flags,
                        rollbackState: state)
                }
                ?? router.decide(
                    creatorId: creator.creatorId, routingKey: creator.pageName, flags: flags, rollbackState: state)
            let pipeline = decision.target == .shadow ? routing.control : decision.pipeline
            let role: ExecutionRole = request.forcedPipeline == nil ? .primary : .diagnostic
            let row = RunStart(
                runId: UUID().uuidString.lowercased(), creatorId: creator.creatorId, weekStart: request.weekStart,
                pipeline: pipeline, role: role, decisionJSON: Self.json(decision),
                decisionTarget: decision.target.rawValue, decisionReason: decision.reason.text,
                rolloutPhase: reconciled.appliedPhase, appliedConfigId: reconciled.appliedConfigId,
                readOnly: request.dryRun || role == .diagnostic)
            guard decision.target == .shadow else { return ([row], decision) }
            return ([row, Self.shadowCandidate(of: row, pipeline: routing.candidate)], decision)
        }
        guard let row = started.rows.first else { throw RunLifecycleError.runNotFound(runId: "(none inserted)") }
        Self.logDecision(started.extra, row: row)
        let notices = started.abandoned.map { "marked run \($0) abandoned (its owner is gone)" }
        if started.rows.count == 2 {
            let served = await runShadowPair(
                control: row, candidate: started.rows[1], creator: creator, decision: started.extra, notices: notices)
            return await afterRuns(served: served, first: served, firstRow: row, candidate: routing.candidate)
        }
        let report = await run(row, creator: creator, decision: started.extra, notices: notices)
        let served = await fallingBack(from: report, row: row, creator: creator, decision: started.extra)
        return await afterRuns(served: served, first: report, firstRow: row, candidate: routing.candidate)
    }

    /// Executes an inserted run row and finishes it.
    /// `shadowDeadline` replaces the pipeline deadline of a shadow candidate; passing it ends the
    /// run with SHADOW_DEADLINE_EXCEEDED instead of DEADLINE_EXCEEDED (operations.md §5.1).
    func run(
        _ row: RunStart, creator: CreatorIdentity, decision: RoutingDecision, notices: [String],
        shadowDeadline: ConfigDuration? = nil
    ) async -> RunReport {
        await RunLogContext.$metadata.withValue(RunLogContext.metadata(of: row)) {
            RunLogContext.logger("eros.orchestrator", for: row).info("run started")
            let report = await runBody(
                row, creator: creator, decision: decision, notices: notices, shadowDeadline: shadowDeadline)
            Self.logFinished(report, row: row)
            return report
        }
    }

    /// The body of `run`, inside the run's log context.
    private func runBody(
        _ row: RunStart, creator: CreatorIdentity, decision: RoutingDecision, notices: [String],
        shadowDeadline: ConfigDuration?
    ) async -> RunReport {
        let journal = RunJournal(storage: storage, runId: row.runId)
        let learnings = RunLearnings(source: self.learnings, creator: creator)
        let environment = RunEnvironment(
            runId: row.runId, creator: creator, weekStart: row.weekStart, pipeline: row.pipeline, role: row.role,
            readOnly: row.readOnly, storage: storage, clock: clock, actor: owner.actor, configRoot: config.root,
            agents: config.agents, learnings: learnings)
        let runner = makeRunner(environment)
        var outcome: PipelineOutcome<StepOutput<Runner.Value>>
        if let pipeline = config.pipelines[row.pipeline], let graph = config.graphs[row.pipeline] {
            let executor = PipelineExecutor(
                pipeline: pipeline, graph: graph, agents: config.agents, runner: runner, clock: clock,
                deadline: shadowDeadline, backoffSleep: backoffSleep,
                onEvent: { event in
                    Self.logPhase(event, row: row)
                    await journal.record(event)
                },
                timer: timer)
            let heartbeat = Task { await journal.keepBeating(every: heartbeatInterval) }
            outcome = await executor.run()
            heartbeat.cancel()
            if let shadowDeadline, outcome.failure?.errorCode == .deadlineExceeded {
                outcome.failure = PhaseFailure(
                    .shadowDeadlineExceeded, "shadow candidate passed shadow.candidate_deadline of \(shadowDeadline)")
            }
        } else {
            outcome = PipelineOutcome(
                phases: [], failure: PhaseFailure(.internalError, "pipeline \(row.pipeline) is not loaded"),
                failedPhase: nil, durationMs: 0)
        }
        return await finish(row, creator: creator, decision: decision, outcome: outcome, runner: runner,
            journal: journal, notices: notices, learnings: learnings)
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
