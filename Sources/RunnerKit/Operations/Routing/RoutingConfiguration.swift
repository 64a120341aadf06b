import Crypto
import Foundation

/// The routing configuration in force: pipelines, salt and the applied phase's flags, with the
/// fingerprint `applied_configs` records (operations.md §9.2).
public struct RoutingConfiguration: Sendable, Hashable {
    /// The control pipeline.
    public var control: String
    /// The candidate pipeline.
    public var candidate: String
    /// The bucketing salt.
    public var salt: String
    /// The applied phase's flags as the file declares them.
    public var settings: RolloutFlagSettings

    /// Creates a configuration.
    public init(control: String, candidate: String, salt: String, settings: RolloutFlagSettings) {
        self.control = control
        self.candidate = candidate
        self.salt = salt
        self.settings = settings
    }

    /// The rollout file's configuration at `phaseName` (the applied phase), or at its desired
    /// phase when nil or not listed; with no file, the safe defaults (v4/v5, all off).
    public init(rollout: RolloutConfig?, phaseName: String? = nil) {
        guard let rollout else {
            self.init(control: "v4", candidate: "v5", salt: "", settings: .none)
            return
        }
        let name = phaseName.flatMap { rollout.phase(named: $0) == nil ? nil : $0 } ?? rollout.desiredPhase.value
        let phase = rollout.phase(named: name)
        let flags = phase?.flags
        func declared<T>(_ key: String, _ value: T?) -> T? { flags?.declared.contains(key) == true ? value : nil }
        self.init(
            control: rollout.control.value, candidate: rollout.candidate.value, salt: rollout.bucketingSalt,
            settings: RolloutFlagSettings(
                file: rollout.file, phaseName: name,
                enabled: declared("enabled", flags?.enabled), shadow: declared("shadow", flags?.shadow),
                percentage: declared("percentage", flags?.percentage), creators: declared("creators", flags?.creators),
                autoFallback: rollout.autoFallback))
    }

    /// The flags snapshot stored in `applied_configs.flags` (unset flags at their defaults).
    public var flagsJSON: String {
        let creators = (settings.creators ?? []).map { "\"\($0)\"" }.joined(separator: ",")
        return "{\"auto_fallback\":\(settings.autoFallback ?? true),\"creators\":[\(creators)],"
            + "\"enabled\":\(settings.enabled ?? false),\"percentage\":\(settings.percentage ?? 0),"
            + "\"shadow\":\(settings.shadow ?? false)}"
    }

    /// `sha256:` + hex of the phase name, flags snapshot and salt.
    public var configHash: String {
        let text = "phase=\(settings.phaseName ?? "")\nflags=\(flagsJSON)\nsalt=\(salt)"
        return "sha256:" + HashText.sha256Hex(text)
    }

    /// The router for these pipelines and salt.
    public var router: Router { Router(control: control, candidate: candidate, salt: salt) }
}
