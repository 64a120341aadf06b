/// What the rollback controller needs from the configuration, with the defaults of config.md §7
/// when the rollback file is missing or invalid (so a broken YAML edit never locks operators out).
public struct RollbackSettings: Sendable {
    /// The candidate pipeline protected (`v5`).
    public var candidate: String
    /// The control pipeline (`v4`).
    public var control: String
    /// The candidate's `kind: rollback` policy, nil when none could be loaded.
    public var policy: RollbackPolicy?
    /// The candidate's health window and min_samples (metrics snapshots).
    public var healthWindow: MetricWindow
    /// The metrics the candidate's slo file bands (snapshots list these first).
    public var healthMetrics: [MetricKind]

    /// Creates settings.
    public init(
        candidate: String = "v5", control: String = "v4", policy: RollbackPolicy? = nil,
        healthWindow: MetricWindow = ConfigDefaults.sloWindow, healthMetrics: [MetricKind] = []
    ) {
        self.candidate = candidate
        self.control = control
        self.policy = policy
        self.healthWindow = healthWindow
        self.healthMetrics = healthMetrics
    }

    /// Settings from a loaded configuration (which may hold errors): the rollout file names the
    /// pipelines (`v4`/`v5` without one), the candidate's rollback and slo files supply the rest.
    public init(config: LoadedConfig?) {
        let candidate = config?.rollout?.candidate.value ?? "v5"
        let slo = config?.slo[candidate]
        self.init(
            candidate: candidate, control: config?.rollout?.control.value ?? "v4", policy: config?.rollback[candidate],
            healthWindow: slo?.window ?? ConfigDefaults.sloWindow, healthMetrics: slo?.metrics.map(\.metric.value) ?? [])
    }

    /// How long a drain waits (60 s without a rollback file).
    public var drainTimeout: ConfigDuration { policy?.drainTimeout ?? ConfigDefaults.drainTimeout }
    /// The post-restore cooldown (1 h without a rollback file).
    public var cooldown: ConfigDuration { policy?.cooldown ?? ConfigDefaults.cooldown }
    /// The restore confirmation token (the default token without a valid rollback file).
    public var restoreToken: String { policy?.restoreToken ?? RollbackPolicy.defaultRestoreToken }
    /// Whether triggers may roll back automatically (false without a policy: nothing to evaluate).
    public var automatic: Bool { policy?.automatic ?? false }
    /// The declared triggers.
    public var triggers: [RollbackTrigger] { policy?.triggers ?? [] }
}
