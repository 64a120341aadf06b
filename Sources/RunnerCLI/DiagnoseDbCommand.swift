import ArgumentParser
import Foundation
import RunnerKit

/// `runner diagnose db`: path, permissions, WAL, schema version, row counts and a timed probe.
struct DiagnoseDbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Data-layer health: path, permissions, WAL, schema version, row counts, a timed probe query.",
        discussion: "Example: runner diagnose db --db ./eros.db --format json. Exit 0 all checks pass, 1 one failed, 4 cannot open."
    )

    @OptionGroup var globals: GlobalOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        var healthy = true
        try reportingErrors {
            let clock = try globals.clock()
            let storage = try globals.openDatabase(mayCreate: true, clock: clock)
            let report = DatabaseDiagnosis.run(storage)
            healthy = report.ok
            if format == .json {
                try printJSON(report)
            } else {
                render(report)
            }
        }
        if !healthy { throw ExitCode(ExitStatus.negative) }
    }

    private func render(_ r: DatabaseDiagnosis) {
        print("database       \(r.path)")
        print("sqlite         \(r.sqlite_version)")
        print("schema         version \(r.schema_version) (supported \(r.supported_schema_version))")
        print("journal mode   \(r.journal_mode)")
        print("permissions    read \(r.readable ? "yes" : "no"), write \(r.writable ? "yes" : "no"), directory write \(r.directory_writable ? "yes" : "no")")
        print("probe          \(r.probe.query): \(r.probe.ok ? "ok" : "FAILED") in \(r.probe.duration_ms) ms")
        print("")
        printTable(header: ["TABLE", "ROWS"], rows: r.row_counts.keys.sorted().map { [$0, String(r.row_counts[$0]!)] })
        print("")
        printTable(header: ["CHECK", "RESULT", "DETAIL"], rows: r.checks.map { [$0.name, $0.ok ? "ok" : "FAIL", $0.detail] })
    }
}
