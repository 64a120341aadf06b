import ArgumentParser
import Foundation
import RunnerKit

/// What the monitoring commands (status, health, alerts) share: the clock, logging, the loaded
/// configuration with the report-or-refuse rule of cli.md, and the database.
struct MonitoringContext {
    var clock: RunnerClock
    var config: LoadedConfig
    var storage: Storage

    /// Sets up a command. `refuses` commands stop with exit 3 on configuration errors (logging
    /// options included); others print the errors on stderr and carry on.
    static func open(_ globals: GlobalOptions, command: String, refuses: Bool) throws -> MonitoringContext {
        let clock: RunnerClock
        do { clock = try globals.clock() } catch let error as ClockError { throw fail(error) }
        let logFindings = globals.bootstrapLogging(command: command, clock: clock)
        let config: LoadedConfig
        do {
            config = try ConfigLoader.load(root: globals.configRoot, environment: globals.environment)
        } catch {
            throw fail(error)
        }
        // The configuration check already reports bad EROS_LOG_* values; keep only the others
        // (bad --log-level / --log-format options).
        let reported = Set(config.diagnostics.map(\.location.file))
        let errors = config.blockingErrors + logFindings.filter { !reported.contains($0.location.file) }
        if !errors.isEmpty {
            let renderer = DiagnosticRenderer(sources: config.sources)
            for diagnostic in errors { printError(renderer.text(diagnostic)) }
            if refuses {
                printError("configuration error: \(errors.count) error\(errors.count == 1 ? "" : "s"); \(command) refused")
                throw ExitCode(.invalidConfig)
            }
        }
        do {
            let storage = try globals.openDatabase(mayCreate: true, clock: clock)
            return MonitoringContext(clock: clock, config: config, storage: storage)
        } catch let error as any RunnerError {
            throw fail(error)
        }
    }
}

/// Prints a `ToolValue` as the one JSON document on stdout.
func printJSONValue(_ value: ToolValue) throws {
    try printJSON(value)
}

/// Pads `text` to `width` columns.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}
