import Foundation
import Testing
@testable import RunnerKit

@Suite("Health from the shipped slo bands")
struct HealthEvaluatorTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var runs: Int
        var failures: Int = 0
        var slowSeconds: Double? = nil
        var gateRuns: Int = 0
        var quality: Double = 90
        var expected: HealthStatus
        var metric: MetricKind
        var band: MetricBand
        var description: String { name }
    }

    static let boundaries: [Case] = [
        Case(name: "success 0.95 is healthy", runs: 20, failures: 1, expected: .healthy, metric: .successRate, band: .normal),
        Case(name: "success 0.90 is degraded", runs: 20, failures: 2, expected: .degraded, metric: .successRate, band: .warning),
        Case(name: "success 0.85 is unhealthy", runs: 20, failures: 3, expected: .unhealthy, metric: .successRate, band: .critical),
        Case(name: "p95 90.0 s is healthy", runs: 20, slowSeconds: 90, expected: .healthy, metric: .p95Latency, band: .normal),
        Case(name: "p95 90.001 s is degraded", runs: 20, slowSeconds: 90.001, expected: .degraded, metric: .p95Latency, band: .warning),
        Case(name: "p95 120.0 s is degraded", runs: 20, slowSeconds: 120, expected: .degraded, metric: .p95Latency, band: .warning),
        Case(name: "p95 120.001 s is unhealthy", runs: 20, slowSeconds: 120.001, expected: .unhealthy, metric: .p95Latency, band: .critical),
        Case(name: "gate rate 0.02 is healthy", runs: 100, gateRuns: 2, expected: .healthy, metric: .hardGateRate, band: .normal),
        Case(name: "gate rate 0.03 is degraded", runs: 100, gateRuns: 3, expected: .degraded, metric: .hardGateRate, band: .warning),
        Case(name: "gate rate 0.05 is degraded", runs: 100, gateRuns: 5, expected: .degraded, metric: .hardGateRate, band: .warning),
        Case(name: "gate rate 0.06 is unhealthy", runs: 100, gateRuns: 6, expected: .unhealthy, metric: .hardGateRate, band: .critical),
        Case(name: "quality 80 is healthy", runs: 10, quality: 80, expected: .healthy, metric: .qualityAvg, band: .normal),
        Case(name: "quality 79.9 is degraded", runs: 10, quality: 79.9, expected: .degraded, metric: .qualityAvg, band: .warning),
        Case(name: "quality 75 is degraded", runs: 10, quality: 75, expected: .degraded, metric: .qualityAvg, band: .warning),
        Case(name: "quality 74.9 is unhealthy", runs: 10, quality: 74.9, expected: .unhealthy, metric: .qualityAvg, band: .critical),
    ]

    /// Builds the runs of a case: failures first, then runs carrying a hard-gate code (kept
    /// `succeeded` so only the gate rate moves), the rest succeeded; the last two runs take
    /// `slowSeconds` (with 20 runs the p95 is the 19th value), the others 60 s.
    static func runs(for c: Case) -> [SyntheticRun] {
        MonitoringFixture.runs(
            c.runs,
            status: { i in i < c.failures ? "failed" : "succeeded" },
            durationSeconds: { i in (c.slowSeconds != nil && i >= c.runs - 2) ? c.slowSeconds! : 60 },
            quality: { _ in c.quality },
            gates: { i in i >= c.failures && i < c.failures + c.gateRuns ? ["PRICE_OUT_OF_BOUNDS"] : [] })
    }

    @Test("health boundaries of operations.md §6.4", arguments: boundaries)
    func boundary(_ c: Case) throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        try storage.insertSyntheticRuns(Self.runs(for: c))
        let config = try MonitoringFixture.shippedConfig()
        let report = try HealthEvaluator(storage: storage).health(of: "v5", config: config, at: MonitoringFixture.t0)
        #expect(report.status == c.expected)
        #expect(report.metric(c.metric)?.band == c.band)
        #expect(!report.insufficientData)
    }

    @Test("fewer runs than min_samples is healthy with insufficient data, even when failing")
    func insufficientData() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        try storage.insertSyntheticRuns(MonitoringFixture.runs(4, status: { _ in "failed" }))
        let report = try HealthEvaluator(storage: storage).health(
            of: "v5", config: try MonitoringFixture.shippedConfig(), at: MonitoringFixture.t0)
        #expect(report.status == .healthy)
        #expect(report.insufficientData)
        #expect(report.runCount == 4)
        #expect(report.summary.contains("insufficient data (4 of 5 runs)"))
        #expect(report.metric(.successRate)?.band == .critical)
    }

    @Test("without an slo file every metric is unbanded and the status unknown")
    func noSLOFile() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        try storage.insertSyntheticRuns(MonitoringFixture.runs(10, pipeline: "v4", status: { _ in "failed" }))
        let report = try HealthEvaluator(storage: storage).health(
            of: "v4", config: try MonitoringFixture.shippedConfig(), at: MonitoringFixture.t0)
        #expect(report.status == .unknown)
        #expect(report.window == .runs(100))
        #expect(report.minSamples == 5)
        #expect(report.metrics.count == MetricKind.allCases.count)
        #expect(report.metrics.allSatisfy { $0.band == .unbanded })
        #expect(HealthEvaluator.fails(.unknown, failOn: .unhealthy))
    }

    @Test("a banded metric without samples is no_data and skipped")
    func noDataMetricIsSkipped() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        try storage.insertSyntheticRuns(MonitoringFixture.runs(10, status: { _ in "succeeded" }, quality: { _ in nil }))
        let report = try HealthEvaluator(storage: storage).health(
            of: "v5", config: try MonitoringFixture.shippedConfig(), at: MonitoringFixture.t0)
        #expect(report.metric(.qualityAvg)?.band == .noData)
        #expect(report.status == .healthy)
    }

    @Test("--fail-on: degraded fails at degraded and above, unhealthy only at unhealthy")
    func failOn() {
        #expect(!HealthEvaluator.fails(.healthy, failOn: .degraded))
        #expect(HealthEvaluator.fails(.degraded, failOn: .degraded))
        #expect(!HealthEvaluator.fails(.degraded, failOn: .unhealthy))
        #expect(HealthEvaluator.fails(.unhealthy, failOn: .unhealthy))
    }
}
