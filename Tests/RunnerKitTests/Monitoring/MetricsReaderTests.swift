import Foundation
import Testing
@testable import RunnerKit

@Suite("Metrics over windows")
struct MetricsReaderTests {
    @Test(
        "the p95 is the nearest-rank value at position ceil(0.95 n)",
        arguments: [(1, 1), (10, 10), (19, 19), (20, 19), (21, 20), (100, 95)])
    func p95Positions(count: Int, position: Int) throws {
        #expect(MetricsCalculator.p95Position(count: count) == position)
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        // Durations 1 s ... n s, inserted in shuffled order so the sort is exercised.
        let runs = MonitoringFixture.runs(count, durationSeconds: { Double(count - $0) })
        try storage.insertSyntheticRuns(runs.shuffled())
        let scope = MetricScope(pipeline: "v5", window: .runs(1000))
        let p95 = try MetricsReader(storage: storage).measure(.p95Latency, scope: scope, at: MonitoringFixture.t0)
        #expect(p95.value == Double(position))
        #expect(p95.samples == count)
    }

    @Test("an empty window is no data for every metric, never zero")
    func emptyWindowIsNoData() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        let metrics = try MetricsReader(storage: storage).measureAll(
            scope: MetricScope(pipeline: "v5", window: .runs(20), isCandidate: true), at: MonitoringFixture.t0)
        #expect(metrics.runCount == 0)
        for kind in MetricKind.allCases {
            #expect(metrics[kind].value == nil, "\(kind.rawValue) should be no data")
        }
    }

    @Test("read-only, shadow, diagnostic, blocked and running runs never count")
    func excludedRunsDoNotCount() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        let t0 = MonitoringFixture.t0
        var runs = MonitoringFixture.runs(4)
        runs += MonitoringFixture.runs(3, status: { _ in "failed" }, readOnly: true)
        runs += MonitoringFixture.runs(2, status: { _ in "failed" }, role: "diagnostic", readOnly: true)
        runs += MonitoringFixture.runs(2, status: { _ in "blocked" })
        runs.append(SyntheticRun(pipeline: "v5", status: "running", startedAt: t0, finishedAt: nil))
        try storage.insertSyntheticRuns(runs)
        let metrics = try MetricsReader(storage: storage).measureAll(
            scope: MetricScope(pipeline: "v5", window: .runs(50)), at: t0)
        #expect(metrics.runCount == 4)
        #expect(metrics[.successRate].value == 1.0)
    }

    @Test("hard_gate_rate counts every one of the seven hard-gate codes and nothing else")
    func hardGateRateCodes() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        let codes: [[String]] = [
            ["TIMING_COLLISION"], ["PRICE_OUT_OF_BOUNDS"], ["VAULT_VIOLATION", "LOW_QUALITY_SCORE"],
            ["VALIDATION_ERROR"], ["LOW_QUALITY_SCORE"], ["VALIDATION_ERROR", "LOW_QUALITY_SCORE"], [], [],
        ]
        let runs = MonitoringFixture.runs(
            codes.count, status: { codes[$0].isEmpty ? "succeeded" : "rejected" }, gates: { codes[$0] })
        try storage.insertSyntheticRuns(runs)
        let rate = try MetricsReader(storage: storage).measure(
            .hardGateRate, scope: MetricScope(pipeline: "v5", window: .runs(20)), at: MonitoringFixture.t0)
        #expect(rate.value == 3.0 / 8.0)
        for code in MetricsCalculator.hardGateCodes {
            #expect(MetricsCalculator.isHardGateViolation([code]))
        }
        #expect(!MetricsCalculator.isHardGateViolation(["VALIDATION_ERROR", "LOW_QUALITY_SCORE"]))
    }

    @Test("quality_avg averages succeeded runs only and is no data without one")
    func qualityAverage() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        let reader = MetricsReader(storage: storage)
        let scope = MetricScope(pipeline: "v5", window: .runs(20))
        try storage.insertSyntheticRuns(MonitoringFixture.runs(3, status: { _ in "rejected" }, quality: { _ in 40 }))
        #expect(try reader.measure(.qualityAvg, scope: scope, at: MonitoringFixture.t0).value == nil)
        try storage.insertSyntheticRuns(
            MonitoringFixture.runs(2, quality: { $0 == 0 ? 80 : 90 }, endingAt: MonitoringFixture.t0.addingTimeInterval(120)))
        let quality = try reader.measure(.qualityAvg, scope: scope, at: MonitoringFixture.t0.addingTimeInterval(120))
        #expect(quality.value == 85)
        #expect(quality.samples == 2)
        #expect(quality.runCount == 5)
    }

    @Test("an N-runs window takes the N most recently finished runs; a duration window the runs finished within it")
    func windows() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        // 10 failures then 10 successes, one a minute, the last at T0.
        try storage.insertSyntheticRuns(MonitoringFixture.runs(20, status: { $0 < 10 ? "failed" : "succeeded" }))
        let reader = MetricsReader(storage: storage)
        let t0 = MonitoringFixture.t0
        #expect(try reader.measure(.successRate, scope: .init(pipeline: "v5", window: .runs(10)), at: t0).value == 1)
        #expect(try reader.measure(.successRate, scope: .init(pipeline: "v5", window: .runs(20)), at: t0).value == 0.5)
        let fiveMinutes = MetricWindow.duration(.minutes(5))
        let recent = try reader.measure(.runCount, scope: .init(pipeline: "v5", window: fiveMinutes), at: t0)
        #expect(recent.value == 6)  // finished at T0-5m ... T0
        // Runs finishing after the evaluation time are not visible yet (a clock moved back).
        let earlier = try reader.measure(.successRate, scope: .init(pipeline: "v5", window: .runs(10)), at: t0.addingTimeInterval(-600))
        #expect(earlier.value == 0)
    }

    @Test("candidate runs started before the epoch are ignored, control runs are not")
    func epoch() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        let t0 = MonitoringFixture.t0
        try storage.insertSyntheticRuns(MonitoringFixture.runs(6, status: { $0 < 3 ? "failed" : "succeeded" }))
        let reader = MetricsReader(storage: storage)
        let epoch = t0.addingTimeInterval(-150)  // after the third run started
        let candidate = MetricScope(pipeline: "v5", window: .runs(20), isCandidate: true, epochStartedAt: epoch)
        #expect(try reader.measure(.successRate, scope: candidate, at: t0).samples == 2)
        let control = MetricScope(pipeline: "v5", window: .runs(20), isCandidate: false, epochStartedAt: epoch)
        #expect(try reader.measure(.successRate, scope: control, at: t0).value == 0.5)
    }

    @Test("fallback_rate, shadow_mismatch_rate and phase_p95_latency are measured for the candidate")
    func candidateMetrics() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        let t0 = MonitoringFixture.t0
        var runs = MonitoringFixture.runs(4, status: { $0 == 0 ? "rejected" : "succeeded" })
        runs[0].startedFallback = true
        var phases: [String: [(phase: String, durationMs: Int64)]] = [:]
        for (i, run) in runs.enumerated() { phases[run.runId] = [("context", 1000), ("generate", Int64(10_000 * (i + 1)))] }
        try storage.insertSyntheticRuns(runs, phases: phases)
        for (i, recommendation) in ["equivalent", "v5_better", "control_failed", "v5_failed", "equivalent"].enumerated() {
            try storage.insertSyntheticComparison(
                createdAt: t0.addingTimeInterval(Double(i - 5)), recommendation: recommendation, pipelines: ("v4", "v5"))
        }
        let reader = MetricsReader(storage: storage)
        let scope = MetricScope(pipeline: "v5", window: .runs(20), isCandidate: true)
        let all = try reader.measureAll(scope: scope, at: t0)
        #expect(all.runCount == 4)  // the fallback row belongs to v4
        #expect(all[.fallbackRate].value == 0.25)
        #expect(all[.shadowMismatchRate].value == 0.5)
        #expect(all[.shadowMismatchRate].runCount == 4)
        let phase = try reader.measure(.phaseP95Latency, phase: "generate", scope: scope, at: t0)
        #expect(phase.value == 40)
        #expect(phase.samples == 4)
        let control = try reader.measureAll(scope: MetricScope(pipeline: "v5", window: .runs(20)), at: t0)
        #expect(control[.fallbackRate].value == nil)
    }

    @Test("the window queries are answered from covering indexes")
    func queriesUseCoveringIndexes() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        let bounds = WindowBounds(
            roles: ["primary", "fallback"], startedAtOrAfter: "2026-01-01T00:00:00.000Z",
            finishedAtOrBefore: "2026-02-01T00:00:00.000Z", finishedAtOrAfter: nil, limit: 20)
        let plan = try storage.explainQueryPlan(
            Storage.windowRunsSQL(bounds),
            arguments: ["v5", "2026-02-01T00:00:00.000Z", "primary", "fallback", "2026-01-01T00:00:00.000Z", "20"])
        #expect(plan.joined(separator: "\n").contains("USING COVERING INDEX runs_pipeline_finished"), "\(plan)")
        #expect(!plan.joined().contains("TEMP B-TREE"), "\(plan)")
        let comparisons = try storage.explainQueryPlan(
            Storage.comparisonsSQL(after: true, limit: false),
            arguments: ["2026-02-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"])
        #expect(comparisons.joined().contains("COVERING INDEX shadow_comparisons_report"), "\(comparisons)")
    }
}
