import ArgumentParser
import Foundation
import RunnerKit

/// `runner validate`: checks every config file and the `EROS_*` environment together.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check pipelines/, alerts/ (with alerts/tests/) and the EROS_* environment.",
        discussion: """
            Prints every finding as FILE:LINE:COL: error|warning: MESSAGE [RULE]. Exit 0 when there \
            is no error, 1 when there is any, 3 when the config root cannot be read.
            Example: runner validate --config . --format json
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        var config: LoadedConfig
        do {
            config = try ConfigLoader.load(root: global.configRoot, environment: global.environment, includeAlertTests: true)
        } catch {
            throw fail(error)
        }
        config.diagnostics = ConfigLoader.sortDiagnostics(config.diagnostics + databaseFindings(config))
        let renderer = DiagnosticRenderer(sources: config.sources)
        let output: String
        switch format {
        case .text: output = renderer.text(config.diagnostics, fileCount: config.files.count)
        case .json: output = renderer.json(config.diagnostics, files: config.files)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if config.errorCount > 0 { throw ExitCode(.negative) }
    }

    /// The checks that read `applied_configs` and `creators` (operations.md §13), only when the
    /// database file exists; it is never created here, and an unreadable one is reported and skipped.
    private func databaseFindings(_ config: LoadedConfig) -> [Diagnostic] {
        let path = global.databasePath.path
        guard FileManager.default.fileExists(atPath: path), let clock = try? global.clock() else { return [] }
        do {
            let storage = try Storage.open(path: path, create: false, clock: clock, runnerVersion: RunnerVersion.string)
            defer { try? storage.close() }
            return try RolloutHistoryChecks.diagnostics(config: config, storage: storage, clock: clock)
        } catch {
            printError("warning: database checks skipped: \(error)")
            return []
        }
    }
}
