/// Resolves the routing flags: rollback > env > yaml > default (operations.md §2.2).
public struct FlagResolver: Sendable {
    /// The rollout file's flags (applied phase plus the global `auto_fallback`).
    public var settings: RolloutFlagSettings
    /// This process's strictly parsed overrides.
    public var environment: FlagEnvironment

    /// Creates a resolver.
    public init(settings: RolloutFlagSettings, environment: FlagEnvironment) {
        self.settings = settings
        self.environment = environment
    }

    /// The flags in force under `rollbackState`.
    public func resolve(rollbackState: RollbackState) -> ResolvedFlags {
        let configured = pick(
            env: environment.enabled, "ENABLED", yaml: settings.enabled, "enabled", default: false)
        let effective =
            rollbackState.turnsCandidateOff
            ? ResolvedFlag(value: false, source: .rollback, origin: "db:rollback_state (\(rollbackState.rawValue))")
            : configured
        return ResolvedFlags(
            enabled: effective,
            configuredEnabled: configured,
            shadow: pick(env: environment.shadow, "SHADOW_MODE", yaml: settings.shadow, "shadow", default: false),
            percentage: pick(
                env: environment.percentage, "PERCENTAGE", yaml: settings.percentage, "percentage", default: 0),
            creators: pick(env: environment.creators, "CREATORS", yaml: settings.creators, "creators", default: []),
            autoFallback: autoFallback())
    }

    private func pick<Value>(
        env: Value?, _ suffix: String, yaml: Value?, _ key: String, default fallback: Value
    ) -> ResolvedFlag<Value> {
        if let env {
            return ResolvedFlag(value: env, source: .env, origin: environment.variable(suffix))
        }
        if let yaml {
            return ResolvedFlag(value: yaml, source: .yaml, origin: settings.phaseOrigin(key))
        }
        return ResolvedFlag(value: fallback, source: .default, origin: "built-in default")
    }

    private func autoFallback() -> ResolvedFlag<Bool> {
        if let env = environment.autoFallback {
            return ResolvedFlag(value: env, source: .env, origin: environment.variable("AUTO_FALLBACK"))
        }
        if let yaml = settings.autoFallback {
            return ResolvedFlag(value: yaml, source: .yaml, origin: settings.autoFallbackOrigin)
        }
        return ResolvedFlag(value: true, source: .default, origin: "built-in default")
    }
}
