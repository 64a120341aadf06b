import ArgumentParser
import Foundation
import RunnerKit

/// `runner test`: unit tests of declarations.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Unit tests of declarations.", subcommands: [TestAlertsCommand.self])
}

/// `runner test alerts FILE... [--run REGEX]` (operations.md §7.6).
struct TestAlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Run kind: alert_test files on a simulated clock and a throwaway database.",
        discussion: """
            Exit 0 when all tests pass, 1 when any fails, 3 when a test or rule file is invalid \
            (no test runs), 2 when a FILE cannot be read.
            Example: runner test alerts alerts/tests/*.yaml
            """)

    @OptionGroup var globals: GlobalOptions

    @Argument(help: "Alert test files.")
    var files: [String]

    @Option(name: .customLong("run"), help: "Only tests whose name matches this regular expression.")
    var runFilter: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let clock: RunnerClock
        do { clock = try globals.clock() } catch let error as ClockError { throw fail(error) }
        globals.bootstrapLogging(command: "test alerts", clock: clock)
        let runner = AlertTestRunner(root: globals.configRoot)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let loaded: [LoadedAlertTestFile]
        do {
            loaded = try runner.load(files.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL })
        } catch {
            throw fail(error)
        }
        let errors = loaded.flatMap(\.errors)
        if !errors.isEmpty {
            var sources: [String: String] = [:]
            for file in loaded { sources.merge(file.sources) { a, _ in a } }
            let renderer = DiagnosticRenderer(sources: sources)
            for diagnostic in errors { printError(renderer.text(diagnostic)) }
            if format == .json {
                try printJSONValue(.object(["tests": .array([]), "errors": .array(errors.map(StatusJSON.diagnostic))]))
            }
            printError("invalid test or rule file: no test was run")
            throw ExitCode(.invalidConfig)
        }
        let results: [AlertTestResult]
        do {
            results = try runner.run(loaded, filter: runFilter)
        } catch let error as any RunnerError {
            throw fail(error)
        } catch {
            printError("error: --run is not a valid regular expression: \(runFilter ?? "") [VALIDATION_ERROR]")
            throw ExitCode(.badInput)
        }
        let failed = results.filter { !$0.passed }.count
        if format == .json {
            try printJSONValue(.object([
                "tests": .array(results.map { r in
                    .object([
                        "file": .string(r.file), "name": .string(r.name), "passed": .bool(r.passed),
                        "failures": .array(r.failures.map { .string($0) }),
                    ])
                }),
                "passed": .number(Double(results.count - failed)), "failed": .number(Double(failed)),
            ]))
        } else {
            for result in results {
                print("\(result.passed ? "PASS" : "FAIL") \(result.name)")
                for failure in result.failures { print("  \(failure)") }
            }
            print("\(results.count - failed) passed, \(failed) failed")
        }
        if failed > 0 { throw ExitCode(.negative) }
    }
}
