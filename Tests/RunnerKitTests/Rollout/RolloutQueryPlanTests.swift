import Foundation
import GRDB
import Testing

@testable import RunnerKit

@Suite("Rollout gate aggregates and the applied routing configuration")
struct RolloutQueryPlanTests {
    func plan(_ fx: OpsFixture, _ sql: String, _ arguments: StatementArguments) throws -> String {
        try fx.storage.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
                .joined(separator: "; ")
        }
    }

    @Test("the gate aggregates are answered from covering indexes, never a scan of the phase's runs")
    func coveringIndexes() throws {
        let fx = try OpsFixture()
        let runs = try plan(fx, RolloutConnection.phaseRunsSQL, ["v5", "canary", OpsFixture.at(0)])
        #expect(runs.contains("USING COVERING INDEX runs_rollout_gate"), "\(runs)")
        let comparisons = try plan(fx, RolloutConnection.phaseComparisonsSQL, [OpsFixture.at(0), "shadow"])
        #expect(comparisons.contains("USING COVERING INDEX shadow_comparisons_report"), "\(comparisons)")
    }

    @Test("while an advancement is refused, routing keeps the last accepted configuration")
    func appliedRouting() async throws {
        let fx = try OpsFixture()
        var config = try OpsFixture.shippedConfig()
        let plan = try #require(config.rollout)
        _ = try RolloutReconciler(storage: fx.storage, plan: plan, clock: OpsFixture.clock(10), candidateAlertRules: [], seenBy: "t").reconcile()
        #expect(try RolloutAppliedRouting.current(storage: fx.storage, config: config).routing.settings.phaseName == "canary")
        config.rollout?.desiredPhase = Located("percent_50", at: .builtIn)
        let refused = try #require(RolloutReconciler(storage: fx.storage, config: config, clock: OpsFixture.clock(20), seenBy: "t")).reconcile()
        let routing = refused.routing(config: config)
        #expect(routing.settings.phaseName == "canary")
        #expect(routing.settings.creators == ["alexia"])
        #expect(routing.configHash == refused.applied.configHash)
        #expect(try RolloutAppliedRouting.current(storage: fx.storage, config: config).applied?.id == refused.applied.id)
    }
}

@Suite("rollout status from the off phase")
struct RolloutOffPhaseTests {
    @Test("from off the next phase (shadow) is not an advancement, so the status says it may advance")
    func offToShadow() throws {
        let fx = try OpsFixture()
        var plan = try #require(try OpsFixture.shippedConfig().rollout)
        plan.desiredPhase = Located("off", at: .builtIn)
        _ = try RolloutReconciler(storage: fx.storage, plan: plan, clock: OpsFixture.clock(10), candidateAlertRules: [], seenBy: "t").reconcile()
        let report = try RolloutStatusBuilder(plan: plan, candidateAlertRules: [], environment: [:])
            .build(storage: fx.storage, now: OpsFixture.t0.addingTimeInterval(20))
        #expect(report.canAdvance)
        #expect(report.verdict == "next phase shadow: may advance")
    }
}
