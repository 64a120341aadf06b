import ArgumentParser
import Foundation
import RunnerKit

/// The options every subcommand accepts (cli.md "Global options").
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: "Config root holding pipelines/, alerts/ and LEARNINGS.md (env EROS_CONFIG_DIR).")
    public var config: String?

    @Option(name: .long, help: "SQLite database path (env EROS_DB_PATH; default ./eros.db).")
    public var db: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical (env EROS_LOG_LEVEL).")
    public var logLevel: String?

    @Option(name: .long, help: "Log format: text or json (env EROS_LOG_FORMAT).")
    public var logFormat: String?

    public init() {}

    /// The process environment.
    public var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The config root: `--config`, else `EROS_CONFIG_DIR`, else the current directory.
    public var configRoot: URL {
        let path = config ?? environment["EROS_CONFIG_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }

    /// The database path and whether it was given explicitly (`--db` or `EROS_DB_PATH`).
    public var databasePath: (path: String, explicit: Bool) {
        if let db { return (db, true) }
        if let env = environment["EROS_DB_PATH"], !env.isEmpty { return (env, true) }
        return ("eros.db", false)
    }

    /// The runner clock; an unparsable `EROS_NOW` is a configuration error (exit 3).
    public func clock() throws -> RunnerClock {
        try RunnerClock.fromEnvironment(environment)
    }
}
