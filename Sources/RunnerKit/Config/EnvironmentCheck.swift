/// C018: the `EROS_*` environment (operations.md §2.3, §13; cli.md "Clock").
public enum EnvironmentCheck {
    /// The accepted boolean spellings, case-insensitive.
    public static let booleanSpellings = ["true", "false", "1", "0", "yes", "no"]
    /// The candidate flag variable suffixes.
    public static let flagSuffixes = ["ENABLED", "SHADOW_MODE", "PERCENTAGE", "CREATORS", "AUTO_FALLBACK"]

    /// Every finding about the environment, with `file` = `env:NAME` and no position.
    public static func check(_ environment: [String: String], rollout: RolloutConfig?) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        func at(_ name: String) -> SourceLocation { SourceLocation(file: "env:" + name) }
        if let raw = environment["EROS_NOW"], Timestamp.parse(raw.trimmingSpaces) == nil || !isUTC(raw.trimmingSpaces) {
            findings.append(.error("C018", "EROS_NOW=\"\(raw)\" is not an ISO-8601 UTC timestamp (accepted: e.g. 2026-01-19T09:00:00Z)",
                                   at: at("EROS_NOW")))
        }
        let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
        if let raw = environment["EROS_LOG_LEVEL"], !levels.contains(raw.trimmingSpaces.lowercased()) {
            findings.append(.error("C018", "EROS_LOG_LEVEL=\"\(raw)\" is not a log level (accepted: \(levels.joined(separator: ", ")))",
                                   at: at("EROS_LOG_LEVEL")))
        }
        if let raw = environment["EROS_LOG_FORMAT"], !["text", "json"].contains(raw.trimmingSpaces.lowercased()) {
            findings.append(.error("C018", "EROS_LOG_FORMAT=\"\(raw)\" is not a log format (accepted: text, json)",
                                   at: at("EROS_LOG_FORMAT")))
        }
        let prefix = RolloutConfig.environmentPrefix(candidate: rollout?.candidate.value ?? "v5")
        for name in environment.keys.sorted() where name.hasPrefix(prefix) {
            let raw = environment[name] ?? ""
            let suffix = String(name.dropFirst(prefix.count))
            if let problem = flagProblem(suffix: suffix, raw: raw, name: name) {
                findings.append(.error("C018", problem, at: at(name)))
                continue
            }
            if !flagSuffixes.contains(suffix) {
                let candidates = flagSuffixes.map { prefix + $0 }
                let notes = Suggestion.closest(to: name, among: candidates).map { ["did you mean '\($0)'?"] } ?? []
                findings.append(.warning("C018", "\(name) is not a flag variable and is ignored", at: at(name), notes: notes))
                continue
            }
            if suffix == "CREATORS" {
                let parts = raw.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                var seen: Set<String> = []
                for part in parts where !seen.insert(part).inserted {
                    findings.append(.warning("C018", "\(name) lists '\(part)' more than once", at: at(name)))
                }
            }
            findings.append(.warning(
                "C018", "\(name)=\"\(raw)\" overrides the rollout file for this process only (not for cron or other shells)",
                at: at(name)))
            if let rollout, let desired = rollout.phase(named: rollout.desiredPhase.value),
                let raise = exposureIncrease(suffix: suffix, raw: raw, desired: desired.flags)
            {
                findings.append(.warning(
                    "C018", "\(name)=\"\(raw)\" gives the candidate more traffic than the desired phase '\(desired.name.value)' (\(raise))",
                    at: at(name)))
            }
        }
        return findings
    }

    /// The error message for an invalid flag value, nil when valid (or not a flag variable).
    static func flagProblem(suffix: String, raw: String, name: String) -> String? {
        let value = raw.trimmingSpaces
        switch suffix {
        case "ENABLED", "SHADOW_MODE", "AUTO_FALLBACK":
            guard booleanSpellings.contains(value.lowercased()) else {
                return "\(name)=\"\(raw)\" is not a boolean (accepted: \(booleanSpellings.joined(separator: ", ")))"
            }
        case "PERCENTAGE":
            guard !value.isEmpty, value.utf8.allSatisfy({ (48...57).contains($0) }), let number = Int(value), number <= 100 else {
                return "\(name)=\"\(raw)\" is not a percentage (accepted: decimal digits only, 0 to 100)"
            }
        case "CREATORS":
            let parts = value.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            if let bad = parts.first(where: { !NamePattern.isValidPageName($0) }) {
                return "\(name)=\"\(raw)\": '\(bad)' breaks the creator id rule (accepted: comma-separated page names of 2-100 A-Z a-z 0-9 _ -)"
            }
        default: break
        }
        return nil
    }

    /// How a valid override raises exposure over the desired phase's flags, nil when it does not.
    /// (The applied configuration lives in the database, which `validate` does not open.)
    static func exposureIncrease(suffix: String, raw: String, desired: RolloutFlags) -> String? {
        let value = raw.trimmingSpaces.lowercased()
        let isTrue = ["true", "1", "yes"].contains(value)
        switch suffix {
        case "ENABLED" where isTrue && !desired.enabled: return "enabled there is false"
        case "SHADOW_MODE" where !isTrue && desired.shadow && desired.enabled: return "shadow there is true"
        case "PERCENTAGE":
            if let percentage = Int(value), percentage > desired.percentage {
                return "percentage there is \(desired.percentage)"
            }
        case "CREATORS":
            let added = raw.split(separator: ",").map { String($0).trimmingSpaces }
                .filter { !$0.isEmpty && !desired.creators.contains($0) }
            if !added.isEmpty { return "adds \(added.joined(separator: ", ")) to its allowlist" }
        default: break
        }
        return nil
    }

    /// Whether a parsed timestamp text is in UTC: `Z`, `+00:00` or no zone.
    private static func isUTC(_ text: String) -> Bool {
        if text.hasSuffix("Z") { return true }
        guard text.count > 19 else { return true }
        let tail = text.suffix(6)
        if tail.hasPrefix("+") || tail.hasPrefix("-") { return tail.dropFirst() == "00:00" }
        let short = text.suffix(5)
        if short.hasPrefix("+") || short.hasPrefix("-") { return short.dropFirst() == "0000" }
        return true
    }
}
