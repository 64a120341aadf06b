import Foundation

/// The effective flags with sources and origins for `runner status` (operations.md §2.2, §2.5),
/// resolved by the router's `FlagResolver` over the applied routing configuration, this
/// process's environment (leniently parsed) and the rollback state.
public enum StatusFlags {
    /// The `flags` object of `runner status --format json`.
    public static func json(
        routing: RoutingConfiguration, rollbackState: String?, environment: [String: String]
    ) -> ToolValue {
        let parsed = FlagEnvironment.parseLeniently(environment, candidate: routing.candidate).environment
        let state = rollbackState.flatMap(RollbackState.init(rawValue:)) ?? .active
        let flags = FlagResolver(settings: routing.settings, environment: parsed).resolve(rollbackState: state)
        func entry<V>(_ flag: ResolvedFlag<V>, _ value: (V) -> ToolValue) -> [String: ToolValue] {
            ["value": value(flag.value), "source": .string(flag.source.rawValue), "origin": .string(flag.origin)]
        }
        var enabled = entry(flags.enabled, ToolValue.bool)
        enabled["configured_value"] = .bool(flags.configuredEnabled.value)
        enabled["configured_source"] = .string(flags.configuredEnabled.source.rawValue)
        return .object([
            "enabled": .object(enabled), "shadow": .object(entry(flags.shadow, ToolValue.bool)),
            "percentage": .object(entry(flags.percentage) { .number(Double($0)) }),
            "creators": .object(entry(flags.creators) { .array($0.map(ToolValue.string)) }),
            "auto_fallback": .object(entry(flags.autoFallback, ToolValue.bool)),
            "salt_set": .bool(!routing.salt.isEmpty),
        ])
    }

    /// The `EROS_<CANDIDATE>_*` variables set in the environment, sorted.
    public static func environmentOverrides(config: LoadedConfig, environment: [String: String]) -> [String] {
        let prefix = config.rollout?.environmentPrefix ?? "EROS_V5_"
        return environment.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
