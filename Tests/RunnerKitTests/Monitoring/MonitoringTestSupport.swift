import Foundation
@testable import RunnerKit

/// Shared helpers of the monitoring tests: a fresh database, synthetic runs, the shipped config.
enum MonitoringFixture {
    /// The test start instant T0.
    static let t0 = Timestamp.parse("2026-01-19T09:00:00Z")!

    /// The repository root (for the shipped `alerts/` and `pipelines/`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The fixtures folder of the alert tests.
    static let alertFixtures = repositoryRoot.appendingPathComponent("Tests/RunnerKitTests/Fixtures/alerts")

    /// An empty migrated database in `dir` whose candidate epoch starts long before T0.
    static func database(_ dir: TempDirectory) throws -> Storage {
        let storage = try Storage.open(
            path: dir.path("eros.db"), create: true, clock: RunnerClock(startingAt: t0.addingTimeInterval(-86_400 * 30)))
        return storage
    }

    /// The shipped configuration, loaded as every command does.
    static func shippedConfig() throws -> LoadedConfig {
        try ConfigLoader.load(root: repositoryRoot, environment: [:])
    }

    /// `count` finished runs of `pipeline`, one a minute ending at T0, with per-run fields.
    static func runs(
        _ count: Int, pipeline: String = "v5", status: (Int) -> String = { _ in "succeeded" },
        durationSeconds: (Int) -> Double = { _ in 60 }, quality: (Int) -> Double? = { _ in 85 },
        gates: (Int) -> [String] = { _ in [] }, role: String = "primary", readOnly: Bool = false,
        endingAt end: Date = t0
    ) -> [SyntheticRun] {
        (0..<count).map { i in
            let finished = end.addingTimeInterval(Double(i - count + 1) * 60)
            return SyntheticRun(
                pipeline: pipeline, role: role, status: status(i),
                startedAt: finished.addingTimeInterval(-durationSeconds(i)), finishedAt: finished,
                qualityScore: quality(i), gateCodes: gates(i), readOnly: readOnly)
        }
    }
}

extension MonitoringFixture {
    /// The shipped pipelines plus one `kind: alerts` file given as text (at alerts/test.yaml).
    static func config(alerts yaml: String, extra: [ConfigSource] = []) -> LoadedConfig {
        var sources = AlertTestLoader.pipelineSources(root: repositoryRoot)
        sources.append(ConfigSource(path: "alerts/test.yaml", text: yaml))
        sources += extra
        return ConfigLoader.load(sources: sources, environment: [:], root: repositoryRoot)
    }

    /// A one-rule alerts file on v5.
    static func rule(_ body: String, name: String = "T_RULE", notifiers: String = "") -> String {
        """
        version: 1
        kind: alerts
        pipeline: v5
        rules:
          - name: \(name)
        \(body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        \(notifiers)
        """
    }

    /// A run reference for `evaluate(after:)`.
    static func reference(_ run: SyntheticRun) -> FinishedRunReference {
        FinishedRunReference(runId: run.runId, pipeline: run.pipeline, role: run.role, status: run.status, readOnly: run.readOnly)
    }
}
