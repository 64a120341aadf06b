import Foundation

/// Why `runner test alerts` could not even start (exit 2).
public enum AlertTestError: RunnerError, Equatable {
    case unreadable(path: String, reason: String)

    public var code: String { "FILE_UNREADABLE" }
    public var exitStatus: ExitStatus { .badInput }
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        }
    }
}

/// A test file with the configuration its rule files build.
public struct LoadedAlertTestFile: Sendable {
    /// The decoded test file (nil when it failed to decode).
    public var file: AlertTestFile?
    /// The path shown to the user.
    public var path: String
    /// The rules, notifiers, rollback policies and pipelines the test runs against.
    public var config: LoadedConfig
    /// Errors in the test file or its rule files (any error: exit 3, no test runs).
    public var errors: [Diagnostic]
    /// File texts for rendering diagnostics.
    public var sources: [String: String]
}

/// Loads `kind: alert_test` files and the rule files they name (operations.md §7.6): the rule
/// files are relative to the config root and are checked against the root's `pipelines/`.
public enum AlertTestLoader {
    /// Reads and decodes one test file; throws only when the file cannot be read.
    public static func load(testFile url: URL, root: URL) throws(AlertTestError) -> LoadedAlertTestFile {
        let shown = relativePath(url, root: root)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        // Test files named on the command line may live anywhere (fixtures); they are decoded
        // under an alerts/tests/ label so the folder rule of config.md §8 does not apply to them.
        let label = shown.hasPrefix("alerts/tests/") ? shown : "alerts/tests/" + shown
        let testOnly = ConfigLoader.load(
            sources: [ConfigSource(path: label, text: text)], environment: [:], root: root)
        var errors = testOnly.diagnostics.filter { $0.severity == .error }.map { relabel($0, from: label, to: shown) }
        var sources = [shown: text]
        guard let file = testOnly.alertTests.first else {
            return LoadedAlertTestFile(file: nil, path: shown, config: LoadedConfig(root: root), errors: errors,
                                       sources: sources)
        }
        let recommendations = ["control_failed", "v5_failed", "v5_better", "v4_better", "equivalent"]
        for test in file.tests {
            for comparison in test.comparisons where !recommendations.contains(comparison.recommendation) {
                errors.append(.error(
                    "C004",
                    "recommendation '\(comparison.recommendation)' is not one of \(recommendations.joined(separator: ", "))",
                    at: SourceLocation(file: shown, line: test.location.line, column: test.location.column)))
            }
        }
        var configSources = pipelineSources(root: root)
        var ruleFiles = Set<String>()
        for ruleFile in file.ruleFiles {
            let url = root.appendingPathComponent(ruleFile.value)
            guard let ruleText = try? String(contentsOf: url, encoding: .utf8) else {
                errors.append(.error("C015", "rule file '\(ruleFile.value)' cannot be read under the config root",
                                     at: SourceLocation(file: shown, line: ruleFile.location.line,
                                                        column: ruleFile.location.column)))
                continue
            }
            ruleFiles.insert(ruleFile.value)
            sources[ruleFile.value] = ruleText
            configSources.append(ConfigSource(path: ruleFile.value, text: ruleText))
        }
        let config = ConfigLoader.load(sources: configSources, environment: [:], root: root)
        errors += config.diagnostics.filter { $0.severity == .error && ruleFiles.contains($0.location.file) }
        var decoded = file
        decoded.file = shown
        return LoadedAlertTestFile(file: decoded, path: shown, config: config, errors: errors, sources: sources)
    }

    /// Every `*.yaml`/`*.yml` file directly in `pipelines/` (the pipelines rules refer to, the
    /// agents they use and the rollout file naming the candidate).
    static func pipelineSources(root: URL) -> [ConfigSource] {
        let folder = root.appendingPathComponent("pipelines")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().compactMap { name in
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else {
                return nil
            }
            return ConfigSource(path: "pipelines/" + name, text: text)
        }
    }

    /// `url` relative to `root` when inside it, else its path as given.
    static func relativePath(_ url: URL, root: URL) -> String {
        let full = url.standardizedFileURL.path
        let base = root.standardizedFileURL.path
        if full.hasPrefix(base + "/") { return String(full.dropFirst(base.count + 1)) }
        return full
    }

    private static func relabel(_ d: Diagnostic, from label: String, to shown: String) -> Diagnostic {
        guard d.location.file == label else { return d }
        var copy = d
        copy.location.file = shown
        return copy
    }
}
