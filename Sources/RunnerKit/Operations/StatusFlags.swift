import Foundation

/// The effective flags with sources and origins for `runner status` (operations.md §2.2, §2.5),
/// read from the rollback state, this process's environment, the latest accepted applied
/// configuration (or the desired phase when none was accepted yet) and the built-in defaults.
public enum StatusFlags {
    /// The `flags` object of `runner status --format json`.
    public static func json(
        config: LoadedConfig, applied: AppliedConfigSnapshot?, rollbackState: String?, environment: [String: String]
    ) -> ToolValue {
        let rollout = config.rollout
        let prefix = rollout?.environmentPrefix ?? "EROS_V5_"
        let file = rollout?.file ?? "pipelines/rollout.yaml"
        let phaseName = applied?.phase ?? rollout?.desiredPhase.value
        let phase = phaseName.flatMap { rollout?.phase(named: $0) }
        let appliedFlags = applied?.flags
        func yamlOrigin(_ flag: String) -> String { "\(file): phases[\(phaseName ?? "-")].flags.\(flag)" }

        func resolve(_ flag: String, env: String, yaml: ToolValue?, declared: Bool, fallback: ToolValue,
                     parse: (String) -> ToolValue?) -> (ToolValue, String, String) {
            let variable = prefix + env
            if let raw = environment[variable], let value = parse(raw.trimmingCharacters(in: .whitespaces)) {
                return (value, "env", variable)
            }
            if let yaml, declared { return (yaml, "yaml", flag == "auto_fallback" ? "\(file): auto_fallback" : yamlOrigin(flag)) }
            return (fallback, "default", "built-in default")
        }
        let fromPhase = phase?.flags
        let declared = fromPhase?.declared ?? []
        let enabled = resolve("enabled", env: "ENABLED",
                              yaml: appliedFlags?["enabled"] ?? fromPhase.map { .bool($0.enabled) },
                              declared: appliedFlags?["enabled"] != nil || declared.contains("enabled"),
                              fallback: .bool(false), parse: parseBool)
        let shadow = resolve("shadow", env: "SHADOW_MODE",
                             yaml: appliedFlags?["shadow"] ?? fromPhase.map { .bool($0.shadow) },
                             declared: appliedFlags?["shadow"] != nil || declared.contains("shadow"),
                             fallback: .bool(false), parse: parseBool)
        let percentage = resolve("percentage", env: "PERCENTAGE",
                                 yaml: appliedFlags?["percentage"] ?? fromPhase.map { .number(Double($0.percentage)) },
                                 declared: appliedFlags?["percentage"] != nil || declared.contains("percentage"),
                                 fallback: .number(0), parse: parsePercentage)
        let creators = resolve("creators", env: "CREATORS",
                               yaml: appliedFlags?["creators"] ?? fromPhase.map { .array($0.creators.map { .string($0) }) },
                               declared: appliedFlags?["creators"] != nil || declared.contains("creators"),
                               fallback: .array([]), parse: parseCreators)
        let autoFallback = resolve("auto_fallback", env: "AUTO_FALLBACK",
                                   yaml: appliedFlags?["auto_fallback"] ?? rollout.map { .bool($0.autoFallback) },
                                   declared: appliedFlags?["auto_fallback"] != nil || rollout != nil,
                                   fallback: .bool(true), parse: parseBool)
        func entry(_ r: (ToolValue, String, String)) -> ToolValue {
            .object(["value": r.0, "source": .string(r.1), "origin": .string(r.2)])
        }
        var enabledEntry = ["configured_value": enabled.0, "configured_source": .string(enabled.1)]
        if rollbackState == "DRAINING" || rollbackState == "DISABLED" {
            enabledEntry["value"] = .bool(false)
            enabledEntry["source"] = "rollback"
            enabledEntry["origin"] = .string("rollback_state: \(rollbackState!)")
        } else {
            enabledEntry["value"] = enabled.0
            enabledEntry["source"] = .string(enabled.1)
            enabledEntry["origin"] = .string(enabled.2)
        }
        let salt = applied?.salt ?? rollout?.bucketingSalt ?? ""
        return .object([
            "enabled": .object(enabledEntry), "shadow": entry(shadow), "percentage": entry(percentage),
            "creators": entry(creators), "auto_fallback": entry(autoFallback), "salt_set": .bool(!salt.isEmpty),
        ])
    }

    /// The `EROS_<CANDIDATE>_*` variables set in the environment, sorted.
    public static func environmentOverrides(config: LoadedConfig, environment: [String: String]) -> [String] {
        let prefix = config.rollout?.environmentPrefix ?? "EROS_V5_"
        return environment.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    static func parseBool(_ text: String) -> ToolValue? {
        switch text.lowercased() {
        case "true", "1", "yes": .bool(true)
        case "false", "0", "no": .bool(false)
        default: nil
        }
    }

    static func parsePercentage(_ text: String) -> ToolValue? {
        guard !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber), let n = Int(text), n <= 100
        else { return nil }
        return .number(Double(n))
    }

    static func parseCreators(_ text: String) -> ToolValue? {
        .array(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { .string($0) })
    }
}
