import Foundation
import Testing

@testable import RunnerKit

@Suite("shadow report figures (§5.5)")
struct ShadowReportTests {
    @Test("failed candidates are counted, never averaged; control failures are excluded; regressions listed")
    func figures() throws {
        let fx = try OpsFixture()
        try fx.comparison(created: 100, recommendation: "v5_better", qualityDiff: 6, controlMs: 100_000, candidateMs: 50_000)
        try fx.comparison(created: 101, recommendation: "equivalent", qualityDiff: 2, controlMs: 100_000, candidateMs: 150_000)
        try fx.comparison(created: 102, recommendation: "v5_failed", qualityDiff: nil, candidateGates: ["TIMING_COLLISION"])
        try fx.comparison(created: 103, recommendation: "control_failed", qualityDiff: nil, tier: "LITE")
        let (filter, records) = try ShadowReportQuery(phase: "shadow").run(storage: fx.storage, now: OpsFixture.t0)
        let report = ShadowReport(filter: filter, records: records, byTier: true, mismatches: 5)
        let f = report.figures
        #expect(f.total == 4 && f.controlFailed == 1 && f.evaluated == 3 && f.v5Failed == 1)
        #expect(f.avgQualityDiff == 4)
        #expect(f.avgSpeedupPct == 0)
        #expect(f.candidateFailureRate == 1.0 / 3)
        #expect(f.mismatchRate == 2.0 / 3)
        #expect(f.regressions == ["TIMING_COLLISION"])
        #expect(report.byTier?["LITE"]?.evaluated == 0)
        #expect(report.mismatches.map(\.recommendation) == ["v5_failed", "v5_better"])
    }

    @Test("by default the report covers the applied phase since it was entered")
    func defaultScope() throws {
        let fx = try OpsFixture()
        try fx.comparison(created: 50, recommendation: "equivalent", qualityDiff: 0, phase: "shadow")
        _ = try fx.storage.rolloutTransaction { db in
            try db.insertAppliedConfig(
                RolloutRoutingConfig(phase: "shadow", enabled: true, shadow: true), status: .accepted, reason: "t",
                seenAt: OpsFixture.at(100), seenBy: "t")
        }
        try fx.comparison(created: 150, recommendation: "v4_better", qualityDiff: -7, phase: "shadow")
        try fx.comparison(created: 160, recommendation: "equivalent", qualityDiff: 0, phase: "canary")
        let (filter, records) = try ShadowReportQuery().run(storage: fx.storage, now: OpsFixture.t0.addingTimeInterval(200))
        #expect(filter.phase == "shadow")
        #expect(records.map(\.recommendation) == ["v4_better"])
    }
}
