import ArgumentParser
import Foundation
import RunnerKit

/// `runner learnings`: check, grow and apply LEARNINGS.md (learnings.md).
public struct LearningsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "learnings",
        abstract: "Check and edit LEARNINGS.md, and turn validator signals into learnings.",
        discussion: "Example: runner learnings lint --strict",
        subcommands: [
            LearningsLintCommand.self, LearningsStatusCommand.self, LearningsInitCommand.self,
            LearningsAddCommand.self, LearningsPromoteCommand.self, LearningsDeprecateCommand.self,
            LearningsReflectCommand.self,

        ]
    )

    public init() {}
}

/// Options every learnings subcommand shares: the global ones plus `--file`, `--today`, `--format`.
struct LearningsOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The LEARNINGS.md file (default: LEARNINGS.md in the config root).")
    var file: String?

    @Option(name: .long, help: "Today's date as YYYY-MM-DD (default: the runner clock, EROS_NOW aware).")
    var today: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// The file URL and the path shown to the user.
    func location(positional: String? = nil) -> (url: URL, display: String) {
        if let path = positional ?? file {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            return (URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL, path)
        }
        let url = global.configRoot.appendingPathComponent("LEARNINGS.md")
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        let display = url.deletingLastPathComponent().path == cwd.path ? "LEARNINGS.md" : url.path
        return (url, display)
    }

    /// A writer for the file; `EROS_TEST_PAUSE_BEFORE_RENAME=SECONDS` makes it pause after syncing the temporary
    /// file and before the rename, so tests can kill a real writer at that point (acceptance check 4).
    func writer(_ url: URL, _ display: String, _ today: String) -> LearningsWriter {
        var writer = LearningsWriter(url: url, displayPath: display, today: today)
        if let raw = global.environment["EROS_TEST_PAUSE_BEFORE_RENAME"], let seconds = Double(raw), seconds > 0 {
            writer.beforeRename = { _ in Thread.sleep(forTimeInterval: seconds) }
        }
        return writer
    }

    /// Today's date: `--today` (exit 2 when malformed) or the runner clock (exit 3 on a bad EROS_NOW).
    func resolveToday() throws -> String {
        if let today {
            guard LearningsDates.isValid(today) else {
                throw LearningsError.refused("--today '\(today)' is not a real YYYY-MM-DD date")
            }
            return today
        }
        return try global.clock().today()
    }
}

/// What a learnings command prints and how it exits; tests compare it to golden files.
struct LearningsOutput: Sendable {
    var stdout = ""
    var stderr = ""
    var status: ExitStatus = .success

    /// An output that refuses with an error (and its findings, if it carries any).
    static func failure(_ error: any RunnerError, lines: [String] = []) -> LearningsOutput {
        var out = LearningsOutput()
        out.stderr = "error: \(error.description) [\(error.code)]\n"
        if let learnings = error as? LearningsError, !learnings.diagnostics.isEmpty {
            out.stderr += LearningsRender.text(learnings.diagnostics, lines: lines, summary: false)
        }
        out.status = error.exitStatus
        return out
    }

    /// Prints both streams and turns the status into the process exit code.
    func emit() throws {
        if !stdout.isEmpty { FileHandle.standardOutput.write(Data(stdout.utf8)) }
        if !stderr.isEmpty { FileHandle.standardError.write(Data(stderr.utf8)) }
        if status != .success { throw ExitCode(status) }
    }

    /// Runs a body, mapping thrown runner errors to a failure output.
    static func catching(lines: () -> [String] = { [] }, _ body: () throws -> LearningsOutput) -> LearningsOutput {
        do { return try body() } catch let error as any RunnerError {
            return failure(error, lines: lines())
        } catch {
            return LearningsOutput(stdout: "", stderr: "error: \(error)\n", status: .negative)
        }
    }
}
