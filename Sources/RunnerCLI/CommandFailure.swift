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

/// Runs a command body, turning any `RunnerError` into its message on stderr and its exit status.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as any RunnerError { throw fail(error) }
}

/// The async form of `reportingErrors`.
func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch let error as any RunnerError { throw fail(error) }
}
