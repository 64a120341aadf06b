import ArgumentParser
import Foundation
import RunnerKit

/// `runner db`: database maintenance.
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Create or upgrade the database.",
        subcommands: [DbInitCommand.self]
    )
}

/// `runner db init [--sample] [--as-of DATE] [--creators N]`.
struct DbInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create or upgrade the schema at any path; --sample loads the deterministic sample dataset.",
        discussion: "Example: runner db init --db /tmp/eros.db --sample --as-of 2026-01-05"
    )

    @OptionGroup var globals: GlobalOptions

    @Flag(help: "Load the deterministic sample dataset (refused when domain tables already have rows).")
    var sample = false

    @Option(name: .customLong("as-of"), help: "Sample reference date YYYY-MM-DD (default: today, UTC).")
    var asOf: String?

    @Option(help: "Number of sample creators (at least 40; default 40).")
    var creators: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        try reportingErrors {
            let clock = try globals.clock()
            var count = SampleDataset.minimumCreators
            if let creators {
                guard let n = Int(creators) else { throw StorageError.invalidAsOf("--creators \(creators)") }
                guard n >= SampleDataset.minimumCreators else { throw StorageError.invalidCreatorCount(n) }
                count = n
            }
            let day = asOf ?? clock.today()
            guard CivilDay(day) != nil else { throw StorageError.invalidAsOf(day) }
            let path = globals.databasePath.path
            let storage = try Storage.open(path: path, create: true, clock: clock, runnerVersion: RunnerVersion.string)
            let version = try storage.schemaVersion()
            var summary: SampleSummary?
            if sample {
                summary = try SampleDataset.load(into: storage, asOf: day, creators: count, actor: NSUserName())
            }
            try render(path: path, version: version, summary: summary)
        }
    }

    private func render(path: String, version: Int, summary: SampleSummary?) throws {
        struct Output: Encodable {
            var path: String
            var schema_version: Int
            var sample: SampleSummary?
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(path, forKey: .path)
                try c.encode(schema_version, forKey: .schema_version)
                try c.encode(sample, forKey: .sample)
            }
            enum CodingKeys: String, CodingKey { case path, schema_version, sample }
        }
        if format == .json {
            try printJSON(Output(path: path, schema_version: version, sample: summary))
            return
        }
        print("database \(path): schema version \(version)")
        guard let summary else { return }
        print("sample dataset as of \(summary.asOf), seed \(summary.seed), \(summary.creators) creators")
        let width = summary.rowCounts.keys.map(\.count).max() ?? 0
        for table in summary.rowCounts.keys.sorted() {
            print("  " + table.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(summary.rowCounts[table]!)")
        }
        print("digest \(summary.digest)")
    }
}
