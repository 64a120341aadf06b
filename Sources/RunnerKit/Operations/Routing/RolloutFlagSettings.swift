/// The flags as the rollout file declares them: nil means the file leaves the flag unset.
///
/// Built from the config helper's rollout model (or a test); `file` and `phaseName` only serve
/// to name origins such as `pipelines/rollout.yaml: phases[canary].flags.percentage`.
public struct RolloutFlagSettings: Sendable, Hashable {
    /// The rollout file as shown to users.
    public var file: String
    /// The applied phase whose flags these are, or nil when there is no rollout file.
    public var phaseName: String?
    /// The phase's `enabled`, if set.
    public var enabled: Bool?
    /// The phase's `shadow`, if set.
    public var shadow: Bool?
    /// The phase's `percentage`, if set.
    public var percentage: Int?
    /// The phase's `creators` allowlist, if set.
    public var creators: [String]?
    /// The top-level `auto_fallback`, if set.
    public var autoFallback: Bool?

    /// Creates settings; every flag defaults to unset.
    public init(
        file: String = "pipelines/rollout.yaml", phaseName: String? = nil, enabled: Bool? = nil,
        shadow: Bool? = nil, percentage: Int? = nil, creators: [String]? = nil, autoFallback: Bool? = nil
    ) {
        self.file = file
        self.phaseName = phaseName
        self.enabled = enabled
        self.shadow = shadow
        self.percentage = percentage
        self.creators = creators
        self.autoFallback = autoFallback
    }

    /// No rollout file at all: every flag takes its built-in default.
    public static let none = RolloutFlagSettings()

    /// The origin text of a phase flag (`pipelines/rollout.yaml: phases[canary].flags.KEY`).
    func phaseOrigin(_ key: String) -> String {
        "\(file): phases[\(phaseName ?? "?")].flags.\(key)"
    }

    /// The origin text of the global `auto_fallback`.
    var autoFallbackOrigin: String { "\(file): auto_fallback" }
}
