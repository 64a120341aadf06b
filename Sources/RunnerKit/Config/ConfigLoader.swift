import Foundation

/// One configuration file's text, or the finding that explains why it could not be read.
public struct ConfigSource: Sendable {
    /// Path relative to the config root (`pipelines/v5.yaml`).
    public var path: String
    /// The text; nil when the file could not be read.
    public var text: String?
    /// Why the file could not be read.
    public var readFailure: Diagnostic?

    /// A readable source.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.readFailure = nil
    }

    /// Reads a file from disk (for `runner test alerts FILE...`); `path` is how findings name it.
    /// Directories, unreadable, oversized (> 4 MiB) and non-UTF-8 files give a C001 `readFailure`.
    public static func read(_ url: URL, as path: String) -> ConfigSource {
        ConfigFileReader.readFile(url, path: path)
    }

    /// An unreadable source.
    public init(path: String, failure: Diagnostic) {
        self.path = path
        self.text = nil
        self.readFailure = failure
    }
}

/// Why the configuration could not be loaded at all (exit 3).
public enum ConfigLoadError: RunnerError, Equatable {
    /// The root is missing, not a directory, or cannot be listed.
    case rootUnreadable(path: String, reason: String)

    /// The stable error code.
    public var code: String { "CONFIG_ROOT_UNREADABLE" }
    /// Always exit 3.
    public var exitStatus: ExitStatus { .invalidConfig }
    /// The message naming the path and the reason.
    public var description: String {
        switch self {
        case .rootUnreadable(let path, let reason): "cannot read the config root \(path): \(reason)"
        }
    }
}

/// Loads and checks `pipelines/` and `alerts/` (config.md §1, §9): the single entry point.
public enum ConfigLoader {
    /// Files larger than this are refused (C001) instead of parsed.
    public static let maximumFileSize = 4 * 1024 * 1024

    /// Reads every `*.yaml` / `*.yml` directly in `pipelines/` and `alerts/` (and `alerts/tests/`
    /// when `includeAlertTests`), decodes them and runs every file and environment check.
    /// Throws only when the root itself cannot be read.
    public static func load(
        root: URL, environment: [String: String], includeAlertTests: Bool = false
    ) throws(ConfigLoadError) -> LoadedConfig {
        let sources = try ConfigFileReader.readSources(root: root, includeAlertTests: includeAlertTests)
        return load(sources: sources.sources, environment: environment, root: root, extraDiagnostics: sources.diagnostics)
    }

    /// Decodes and checks configuration given as text (tests, benchmarks); `root` enables the
    /// checks that look at other files (prompt files, notifier programs).
    public static func load(
        sources: [ConfigSource], environment: [String: String], root: URL? = nil, extraDiagnostics: [Diagnostic] = []
    ) -> LoadedConfig {
        var config = LoadedConfig(root: root)
        var collector = ConfigCollector()
        collector.diagnostics = extraDiagnostics
        for source in sources.sorted(by: { $0.path < $1.path }) {
            config.files.append(source.path)
            if let failure = source.readFailure {
                collector.diagnostics.append(failure)
                continue
            }
            guard let text = source.text else { continue }
            config.sources[source.path] = text
            collector.add(text: text, path: source.path, into: &config)
        }
        ConfigValidator(collector: collector, environment: environment).validate(&config)
        config.diagnostics = sortDiagnostics(config.diagnostics)
        return config
    }

    /// Orders findings by file then position; `env:` after files, `db:` after `env:`.
    public static func sortDiagnostics(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        func group(_ file: String) -> Int { file.hasPrefix("env:") ? 1 : file.hasPrefix("db:") ? 2 : 0 }
        return diagnostics.enumerated().sorted { left, right in
            let a = left.element.location, b = right.element.location
            let key1 = (group(a.file), a.file, a.line ?? 0, a.column ?? 0)
            let key2 = (group(b.file), b.file, b.line ?? 0, b.column ?? 0)
            if key1 != key2 { return key1 < key2 }
            return left.offset < right.offset
        }.map(\.element)
    }
}
