/// Every default of the configuration language, in one place (config.md, operations.md).
public enum ConfigDefaults {
    /// The version of the configuration language this binary reads.
    public static let supportedVersion = 1
    /// `defaults.timeout` of a pipeline that sets none.
    public static let phaseTimeout = ConfigDuration.seconds(60)
    /// `defaults.retry` of a pipeline that sets none.
    public static let retry = RetryPolicy(attempts: 1, backoff: .seconds(1), maxBackoff: .seconds(30))
    /// `deadline` of a pipeline that sets none.
    public static let pipelineDeadline = ConfigDuration.seconds(360)
    /// Rule `min_samples`.
    public static let ruleMinSamples = 5
    /// Rule `on_no_data`.
    public static let onNoData = NoDataPolicy.hold
    /// Rule `keep_firing_for`.
    public static let keepFiringFor = ConfigDuration.zero
    /// Rule `roles`.
    public static let roles: [RunRole] = [.primary, .fallback]
    /// Notifier `timeout`.
    public static let notifierTimeout = ConfigDuration.seconds(10)
    /// Notifier `states`.
    public static let notifierStates: [AlertStateName] = [.firing, .resolved]
    /// SLO window and the window of a pipeline without an slo file.
    public static let sloWindow = MetricWindow.runs(100)
    /// SLO `min_samples`.
    public static let sloMinSamples = 5
    /// Rollback `automatic`.
    public static let rollbackAutomatic = true
    /// Rollback `drain_timeout`.
    public static let drainTimeout = ConfigDuration.seconds(60)
    /// Rollback `cooldown`.
    public static let cooldown = ConfigDuration.hours(1)
    /// Rollback `min_samples`.
    public static let rollbackMinSamples = 10
    /// Rollout `auto_fallback`.
    public static let autoFallback = true
    /// Rollout `shadow.candidate_deadline`.
    public static let shadowCandidateDeadline = ConfigDuration.seconds(360)
    /// Alert test `evaluate_every`.
    public static let evaluateEvery = ConfigDuration.minutes(1)
}
