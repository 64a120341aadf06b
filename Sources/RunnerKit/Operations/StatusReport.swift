import Foundation

/// Builds the `runner status --format json` object (operations.md §11): every key present,
/// absent values null, also on an empty database. Rollback and rollout parts read the rows their
/// owners write (`rollback_state`, `applied_configs`) directly.
public struct StatusReport: Sendable {
    /// The database.
    public var storage: Storage
    /// The loaded configuration (may hold errors: status reports and carries on).
    public var config: LoadedConfig
    /// The process environment (flags overrides).
    public var environment: [String: String]

    /// Creates a builder.
    public init(storage: Storage, config: LoadedConfig, environment: [String: String]) {
        self.storage = storage
        self.config = config
        self.environment = environment
    }

    /// The status object at `now` with the last `runs` runs.
    public func json(at now: Date, runs: Int) throws -> ToolValue {
        let rollback = try storage.rollbackStateSnapshot()
        let applied = try storage.latestAppliedConfigs()
        return .object([
            "schema_version": 1,
            "generated_at": .string(Timestamp.string(now)),
            "config": configObject(applied: applied.accepted),
            "flags": StatusFlags.json(
                routing: try RolloutAppliedRouting.current(storage: storage, config: config).routing,
                rollbackState: rollback?.state, environment: environment),
            "rollback": rollbackObject(rollback, now: now),
            "rollout": try rolloutObject(applied: applied, rollback: rollback, now: now),
            "health": try healthObject(now: now),
            "alerts": try alertsObject(),
            "last_runs": .array(try storage.recentRuns(limit: max(runs, 0)).map(runObject)),
        ])
    }

    /// The pipelines whose health is shown: control and candidate, else every loaded pipeline.
    public func healthPipelines() -> [String] {
        if let rollout = config.rollout { return [rollout.control.value, rollout.candidate.value] }
        let names = Set(config.pipelineNames).union(config.slo.keys)
        return names.isEmpty ? ["v4", "v5"] : names.sorted()
    }

    private func configObject(applied: AppliedConfigSnapshot?) -> ToolValue {
        let errors = config.blockingErrors
        let warnings = config.diagnostics.filter { $0.severity == .warning }
        return .object([
            "valid": .bool(config.isValid),
            "errors": .array(errors.map(StatusJSON.diagnostic)),
            "warnings": .array(warnings.map(StatusJSON.diagnostic)),
            "applied_config_id": applied.map { .number(Double($0.id)) } ?? .null,
            "applied_config_hash": StatusJSON.string(applied?.configHash),
            "desired_config_hash": StatusJSON.string(desiredConfigHash()),
        ])
    }

    /// The fingerprint of the desired routing configuration (phase, the four phase flags,
    /// auto_fallback, salt) as canonical JSON hashed with SHA-256; nil without a rollout file.
    public func desiredConfigHash() -> String? {
        guard let rollout = config.rollout, let phase = rollout.phase(named: rollout.desiredPhase.value) else { return nil }
        let flags: ToolValue = .object([
            "enabled": .bool(phase.flags.enabled), "shadow": .bool(phase.flags.shadow),
            "percentage": .number(Double(phase.flags.percentage)),
            "creators": .array(phase.flags.creators.map { .string($0) }),
            "auto_fallback": .bool(rollout.autoFallback),
        ])
        let text = ToolValue.object([
            "phase": .string(phase.name.value), "flags": flags, "salt": .string(rollout.bucketingSalt),
        ]).canonicalJSON()
        return "sha256:" + HashText.sha256Hex(text)
    }

    private func rollbackObject(_ r: RollbackStateSnapshot?, now: Date) -> ToolValue {
        let cooldown = r?.cooldownUntil.flatMap(Timestamp.parse)
        return .object([
            "state": StatusJSON.string(r?.state), "since": StatusJSON.string(r?.since),
            "reason": StatusJSON.string(r?.reason), "initiated_by": StatusJSON.string(r?.initiatedBy),
            "trigger": StatusJSON.string(r?.trigger), "cooldown_until": StatusJSON.string(r?.cooldownUntil),
            "in_cooldown": .bool(cooldown.map { $0 > now } ?? false),
            "epoch_started_at": StatusJSON.string(r?.epochStartedAt),
        ])
    }

    private func rolloutObject(
        applied: (accepted: AppliedConfigSnapshot?, refused: AppliedConfigSnapshot?), rollback: RollbackStateSnapshot?,
        now: Date
    ) throws -> ToolValue {
        let rollout = config.rollout
        let appliedPhase = applied.accepted?.phase
        let entered = try storage.phaseEnteredAt()
        let hours = entered.flatMap(Timestamp.parse).map { now.timeIntervalSince($0) / 3600 }
        var next: String?
        if let rollout, let current = appliedPhase ?? Optional(rollout.desiredPhase.value),
            let index = rollout.index(ofPhase: current), index + 1 < rollout.phases.count
        {
            next = rollout.phases[index + 1].name.value
        }
        let pendingRefusal = applied.refused.flatMap { refused in
            (applied.accepted.map { refused.id > $0.id } ?? true) ? refused : nil
        }
        var blockers: [ToolValue] = []
        if let state = rollback?.state, state != "ACTIVE" { blockers.append(.string("rolled back (\(state))")) }
        if let until = rollback?.cooldownUntil, let date = Timestamp.parse(until), date > now {
            blockers.append(.string("cooldown until \(until)"))
        }
        if let refused = pendingRefusal { blockers.append(.string("refused configuration: \(refused.reason ?? "-")")) }
        return .object([
            "desired_phase": StatusJSON.string(rollout?.desiredPhase.value),
            "applied_phase": StatusJSON.string(appliedPhase),
            "entered_at": StatusJSON.string(entered),
            "hours_in_phase": StatusJSON.number(hours),
            "next_phase": StatusJSON.string(next),
            // Gate evaluation belongs to the rollout controller; status reports what it can read.
            "can_advance": next == nil ? .bool(false) : (blockers.isEmpty ? .null : .bool(false)),
            "blockers": .array(blockers),
            "gates": .array([]),
            "refused_config": pendingRefusal.map { r in
                .object(["hash": .string(r.configHash), "reason": StatusJSON.string(r.reason), "seen_at": .string(r.seenAt)])
            } ?? .null,
            "env_overrides": .array(
                StatusFlags.environmentOverrides(config: config, environment: environment).map { .string($0) }),
        ])
    }

    private func healthObject(now: Date) throws -> ToolValue {
        let evaluator = HealthEvaluator(storage: storage)
        var result: [String: ToolValue] = [:]
        for pipeline in healthPipelines() {
            result[pipeline] = StatusJSON.health(try evaluator.health(of: pipeline, config: config, at: now))
        }
        return .object(result)
    }

    private func alertsObject() throws -> ToolValue {
        let states = Dictionary(
            try storage.alertStates(kind: .alert).map { ($0.ruleName, $0) }, uniquingKeysWith: { a, _ in a })
        func list(_ wanted: AlertStateName) -> ToolValue {
            .array(config.alerts.rules.compactMap { rule in
                guard let state = states[rule.name.value], state.state == wanted else { return nil }
                return StatusJSON.alert(rule, state: state)
            })
        }
        return .object(["firing": list(.firing), "pending": list(.pending)])
    }

    private func runObject(_ run: RecentRun) -> ToolValue {
        .object([
            "run_id": .string(run.runId), "creator_id": .string(run.creatorId), "week_start": .string(run.weekStart),
            "pipeline": .string(run.pipeline), "role": .string(run.role), "status": .string(run.status),
            "reason": .string(run.reason), "started_at": .string(run.startedAt),
            "finished_at": StatusJSON.string(run.finishedAt),
            "duration_ms": run.durationMs.map { .number(Double($0)) } ?? .null,
            "quality_score": StatusJSON.number(run.qualityScore),
            "gate_codes": .array(run.gateCodes.map { .string($0) }),
            "fallback_run_id": StatusJSON.string(run.fallbackRunId),
        ])
    }
}
