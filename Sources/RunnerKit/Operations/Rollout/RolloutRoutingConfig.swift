import Foundation

/// The routing configuration the runner reconciles (operations.md §9.2): the phase name, the four
/// phase flags, `auto_fallback` and the salt. Its hash is the configuration fingerprint.
public struct RolloutRoutingConfig: Sendable, Hashable {
    /// The phase these flags come from (nil when built without a plan).
    public var phase: String?
    /// `enabled`.
    public var enabled: Bool
    /// `shadow`.
    public var shadow: Bool
    /// `percentage`, 0...100.
    public var percentage: Int
    /// The allowlisted page names, as written.
    public var creators: [String]
    /// The global `auto_fallback`.
    public var autoFallback: Bool
    /// `bucketing.salt`.
    public var salt: String

    /// Creates a configuration.
    public init(
        phase: String?, enabled: Bool = false, shadow: Bool = false, percentage: Int = 0, creators: [String] = [],
        autoFallback: Bool = true, salt: String = ""
    ) {
        self.phase = phase
        self.enabled = enabled
        self.shadow = shadow
        self.percentage = percentage
        self.creators = creators
        self.autoFallback = autoFallback
        self.salt = salt
    }

    /// The desired configuration of a rollout file: its `phase:` line's flags (nil when the
    /// desired phase is not listed).
    public init?(desiredBy rollout: RolloutConfig) {
        self.init(phaseNamed: rollout.desiredPhase.value, in: rollout)
    }

    /// The configuration of a named phase of the plan, with the file's `auto_fallback` and salt.
    public init?(phaseNamed name: String, in rollout: RolloutConfig) {
        guard let phase = rollout.phase(named: name) else { return nil }
        self.init(
            phase: name, enabled: phase.flags.enabled, shadow: phase.flags.shadow,
            percentage: phase.flags.percentage, creators: phase.flags.creators,
            autoFallback: rollout.autoFallback, salt: rollout.bucketingSalt)
    }

    /// Whether any creator can be served by the candidate: enabled and not in shadow mode.
    public var isLive: Bool { enabled && !shadow }

    /// The four phase flags and auto_fallback, as stored in `applied_configs.flags`.
    public var flagsValue: ToolValue {
        .object([
            "enabled": .bool(enabled), "shadow": .bool(shadow), "percentage": .number(Double(percentage)),
            "creators": .array(creators.map(ToolValue.string)), "auto_fallback": .bool(autoFallback),
        ])
    }

    /// The configuration fingerprint: the same `sha256:` hash as routing's
    /// `RoutingConfiguration.configHash` (phase name, flags snapshot, salt), so rows recorded by
    /// either side compare equal.
    public var hash: String { routingConfiguration(control: "", candidate: "").configHash }

    /// The routing configuration (router and flag settings) of these flags.
    public func routingConfiguration(
        control: String, candidate: String, file: String = "pipelines/rollout.yaml"
    ) -> RoutingConfiguration {
        RoutingConfiguration(control: control, candidate: candidate, salt: salt, settings: flagSettings(file: file))
    }

    /// The configuration a routing configuration describes (unset flags at their defaults).
    public init(_ routing: RoutingConfiguration) {
        let settings = routing.settings
        self.init(
            phase: settings.phaseName, enabled: settings.enabled ?? false, shadow: settings.shadow ?? false,
            percentage: settings.percentage ?? 0, creators: settings.creators ?? [],
            autoFallback: settings.autoFallback ?? true, salt: routing.salt)
    }

    /// Rebuilds a configuration from a stored row's phase, flags JSON and salt.
    public init(phase: String?, flags: ToolValue, salt: String) {
        self.init(
            phase: phase, enabled: flags["enabled"]?.boolValue ?? false, shadow: flags["shadow"]?.boolValue ?? false,
            percentage: Int(flags["percentage"]?.numberValue ?? 0),
            creators: flags["creators"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            autoFallback: flags["auto_fallback"]?.boolValue ?? true, salt: salt)
    }

    /// The flags as the routing flag resolver reads them (every flag set, source `yaml`).
    public func flagSettings(file: String = "pipelines/rollout.yaml") -> RolloutFlagSettings {
        RolloutFlagSettings(
            file: file, phaseName: phase, enabled: enabled, shadow: shadow, percentage: percentage,
            creators: creators, autoFallback: autoFallback)
    }

    /// One line for logs and text output: `canary enabled=true shadow=false percentage=0 creators=[alexia]`.
    public var summary: String {
        "\(phase ?? "-") enabled=\(enabled) shadow=\(shadow) percentage=\(percentage) "
            + "creators=[\(creators.joined(separator: ","))] auto_fallback=\(autoFallback)"
            + (salt.isEmpty ? "" : " salt=\(salt)")
    }
}
