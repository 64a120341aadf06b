import Foundation

/// Everything loaded from `pipelines/` and `alerts/` (and `alerts/tests/` when asked), with every
/// finding of the load and of `runner validate`'s file and environment checks.
public struct LoadedConfig: Sendable {
    /// The config root (nil for configuration loaded from memory).
    public var root: URL?
    /// Every file read, relative to the root, sorted.
    public var files: [String]
    /// The text of each file read, by relative path (for source lines in diagnostics).
    public var sources: [String: String]
    /// Every finding, in file then line order, `env:` findings after the files.
    public var diagnostics: [Diagnostic]
    /// Pipelines by name.
    public var pipelines: [String: Pipeline]
    /// The dependency graph of each pipeline, by name.
    public var graphs: [String: PipelineDAG]
    /// Every declared agent.
    public var agents: AgentsConfig
    /// The rollout file, nil when absent or invalid.
    public var rollout: RolloutConfig?
    /// Health bands by pipeline name.
    public var slo: [String: SLOConfig]
    /// Every alert rule and notifier.
    public var alerts: AlertsConfig
    /// Rollback policies by pipeline name.
    public var rollback: [String: RollbackPolicy]
    /// Alert unit test files (only when loaded with `includeAlertTests`).
    public var alertTests: [AlertTestFile]

    /// Creates an empty configuration.
    public init(root: URL? = nil) {
        self.root = root
        files = []
        sources = [:]
        diagnostics = []
        pipelines = [:]
        graphs = [:]
        agents = AgentsConfig()
        rollout = nil
        slo = [:]
        alerts = AlertsConfig()
        rollback = [:]
        alertTests = []
    }

    /// Number of errors.
    public var errorCount: Int { diagnostics.errorCount }
    /// Number of warnings.
    public var warningCount: Int { diagnostics.warningCount }

    /// The errors that make other commands refuse: everything except findings in `alerts/tests/`.
    public var blockingErrors: [Diagnostic] {
        diagnostics.filter { $0.severity == .error && !$0.location.file.hasPrefix("alerts/tests/") }
    }

    /// Whether the configuration is valid for commands that refuse on errors (exit 3).
    public var isValid: Bool { blockingErrors.isEmpty }

    /// The pipeline names, sorted.
    public var pipelineNames: [String] { pipelines.keys.sorted() }

    /// The SLO of a pipeline, or the defaults a pipeline without an slo file is measured with.
    public func sloOrDefault(for pipeline: String) -> SLOConfig {
        slo[pipeline] ?? SLOConfig(
            pipeline: Located(pipeline, at: .builtIn), window: ConfigDefaults.sloWindow,
            minSamples: ConfigDefaults.sloMinSamples, metrics: [], file: "")
    }

    /// The rules watching a pipeline.
    public func alertRules(for pipeline: String) -> [AlertRule] {
        alerts.rules.filter { $0.pipeline.value == pipeline }
    }
}
