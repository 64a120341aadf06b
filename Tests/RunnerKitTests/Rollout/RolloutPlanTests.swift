import Foundation
import GRDB
import Testing

@testable import RunnerKit

@Suite("rollout plan and the validate checks that read applied_configs (§9.4, §13)")
struct RolloutPlanTests {
    let fx: OpsFixture
    let plan: RolloutConfig

    init() throws {
        fx = try OpsFixture()
        plan = try #require(try OpsFixture.shippedConfig().rollout)
    }

    func apply(_ phase: String) throws {
        var desired = plan
        desired.desiredPhase = Located(phase, at: .builtIn)
        _ = try RolloutReconciler(storage: fx.storage, plan: desired, clock: OpsFixture.clock(10), candidateAlertRules: [], seenBy: "test").reconcile()
    }

    @Test("from early_adopters to 25%: only default creators below bucket 25 move, nobody moves back")
    func percentage() throws {
        try apply("early_adopters")
        let planner = RolloutPlanner(plan: plan, candidateAlertRules: [])
        let applied = try #require(try fx.storage.rolloutSnapshot { try $0.latestAcceptedConfig() }).config
        let report = try planner.plan(to: RolloutPlanner.percentageTarget(25, applied: applied), storage: fx.storage, now: OpsFixture.t0)
        #expect(report.toControl.isEmpty)
        #expect(!report.toCandidate.isEmpty)
        #expect(report.toCandidate.allSatisfy { $0.bucket < 25 && $0.fromReason == "default" && $0.toReason == "percentage_25" })
        #expect(report.stayCandidate == 3)
        #expect(report.change.isAdvancement)
        #expect(!report.allowedNow)
        #expect(report.blockers.contains { $0.contains("min_hours") })
        // test1 (bucket 19) is not a sample creator; the same rule applied to it moves it.
        #expect(RoutingBucket(routingKey: "test1").isCandidate(atPercentage: 25))
    }

    @Test("from canary to the early_adopters phase grace_bennett and luna_free move to the candidate")
    func phase() throws {
        try apply("canary")
        let target = try #require(RolloutRoutingConfig(phaseNamed: "early_adopters", in: plan))
        let report = try RolloutPlanner(plan: plan, candidateAlertRules: []).plan(to: target, storage: fx.storage, now: OpsFixture.t0)
        #expect(report.toCandidate.map(\.routingKey) == ["grace_bennett", "luna_free"])
        #expect(report.toCandidate.allSatisfy { $0.toReason == "allowlisted" })
        #expect(report.stayCandidate == 1)
    }

    @Test("validate warns about a refused advancement, a salt change with its count, and unknown allowlisted names")
    func historyChecks() async throws {
        try apply("canary")
        _ = try await fx.controller(20, settings: PolicyFixture.settings()).trigger(reason: "x", initiatedBy: "kim")
        var config = try OpsFixture.shippedConfig()
        config.rollout?.desiredPhase = Located("percent_25", at: .builtIn)
        config.rollout?.bucketingSalt = "eros-v5"
        config.rollout?.phases[2].flags.creators.append("test1")
        let findings = try RolloutHistoryChecks.diagnostics(config: config, storage: fx.storage, clock: OpsFixture.clock(30))
        let refused = try #require(findings.first { $0.rule == "C017" && $0.message.contains("refuse") })
        #expect(findings.contains { $0.rule == "C017" && $0.message.contains("jumps 2 phases ahead") })
        #expect(refused.location.file == "db:applied_configs")
        #expect(refused.severity == .warning)
        #expect(refused.message.contains("rolled back"))
        let salt = try #require(findings.first { $0.message.hasPrefix("bucketing salt") })
        #expect(salt.location.file == "db:applied_configs")
        #expect(salt.message.contains("known creators change side at percentage 25"))
        let unknown = try #require(findings.first { $0.location.file == "db:creators" })
        #expect(unknown.message.contains("'test1'"))
        #expect(findings.allSatisfy { $0.location.line == nil })
    }

    @Test("without an applied configuration or with the same one, validate finds nothing to say")
    func quietHistory() throws {
        let config = try OpsFixture.shippedConfig()
        #expect(try RolloutHistoryChecks.diagnostics(config: config, storage: fx.storage, clock: OpsFixture.clock(5)).isEmpty)
        try apply("canary")
        #expect(try RolloutHistoryChecks.diagnostics(config: config, storage: fx.storage, clock: OpsFixture.clock(15)).isEmpty)
    }
}
