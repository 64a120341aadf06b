import ArgumentParser
import Foundation
import RunnerKit

/// `runner bench status --db PATH [--runs N]`: times `runner status` on a database filled with N
/// synthetic runs and prints the query plans (benchmarks are not tests; house-style.md).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks (print figures; never part of the tests).",
        shouldDisplay: false, subcommands: [StatusBenchmarkCommand.self])
}

struct StatusBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Fill a new database with N synthetic runs, then time status, health and alerts check on it.",
        discussion: "Example: runner bench status --db /tmp/bench.db --runs 1000000")

    @OptionGroup var globals: GlobalOptions

    @Option(help: "Synthetic runs to insert when the database is new (default 1000000).")
    var runs: Int = 1_000_000

    @Option(name: .customLong("repeat"), help: "Timed repetitions of each measurement (default 5).")
    var repetitions: Int = 5

    func run() async throws {
        guard globals.db != nil else {
            printError("error: bench status needs an explicit --db path (a new file is created) [VALIDATION_ERROR]")
            throw ExitCode(.badInput)
        }
        let clock = RunnerClock(startingAt: Timestamp.parse("2026-06-01T00:00:00Z")!)
        let config = try ConfigLoader.load(root: globals.configRoot, environment: [:])
        let storage = try reportingErrors {
            // Migrated "in the past", so the candidate epoch starts before every synthetic run.
            try Storage.open(
                path: globals.databasePath.path, create: true,
                clock: RunnerClock(startingAt: Timestamp.parse("2020-01-01T00:00:00Z")!), runnerVersion: RunnerVersion.string)
        }
        var existing = try reportingErrors { try storage.runCount() }
        if existing == 0 {
            let started = ContinuousClock.now
            try reportingErrors {
                try storage.insertBenchmarkRuns(count: runs, pipelines: ["v4", "v5"], endingAt: clock.now())
            }
            existing = try reportingErrors { try storage.runCount() }
            print("inserted \(existing) runs in \(ContinuousClock.now - started)")
        } else {
            print("database already holds \(existing) runs")
        }
        let report = StatusReport(storage: storage, config: config, environment: [:])
        try time("status (json object, 10 last runs)") { _ = try report.json(at: clock.now(), runs: 10) }
        try time("health v5 (100 runs)") {
            _ = try HealthEvaluator(storage: storage).health(of: "v5", config: config, at: clock.now())
        }
        try time("alerts check (every rule)") {
            _ = try AlertEvaluator(storage: storage, config: config, actor: "bench").evaluateAll(at: clock.now())
        }
        for query in Storage.statusQueriesForPlan() {
            let plan = try reportingErrors { try storage.explainQueryPlan(query.sql, arguments: query.arguments) }
            print("plan \(query.name): " + plan.joined(separator: " | "))
        }
    }

    private func time(_ name: String, _ body: () throws -> Void) throws {
        var samples: [Duration] = []
        for _ in 0..<max(1, repetitions) {
            let started = ContinuousClock.now
            try reportingErrors { try body() }
            samples.append(ContinuousClock.now - started)
        }
        samples.sort()
        print("\(name): median \(samples[samples.count / 2]), max \(samples.last!) over \(samples.count) runs")
    }
}
