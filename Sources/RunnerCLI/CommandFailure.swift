import ArgumentParser
import Foundation
import RunnerKit

/// Prints a message on stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Ends a command with a `RunnerError`: its message on stderr and its exit status.
func fail(_ error: any RunnerError) -> ExitCode {
    printError("error: \(error.description) [\(error.code)]")
    return ExitCode(error.exitStatus.rawValue)
}

extension ExitCode {
    /// The argument-parser exit code for one of our exit statuses.
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}
