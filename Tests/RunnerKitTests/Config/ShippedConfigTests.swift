import Foundation
import Testing

@testable import RunnerKit

@Suite("Shipped configuration")
struct ShippedConfigTests {
    func loadShipped() throws -> LoadedConfig {
        try ConfigLoader.load(root: ConfigFixture.repositoryRoot, environment: [:], includeAlertTests: true)
    }

    @Test("the shipped pipelines and alerts load with no finding at all")
    func shippedConfigIsClean() throws {
        let config = try loadShipped()
        #expect(config.diagnostics.isEmpty, "\(config.diagnostics.map { "\($0.location.shortDescription) \($0.rule) \($0.message)" })")
        #expect(config.files.contains("pipelines/v4.yaml"))
        #expect(config.files.contains("alerts/tests/v5.yaml"))
    }

    @Test("v4 has ten phases plus save with parallel branches and a priced schedule feeding validation")
    func v4Shape() throws {
        let config = try loadShipped()
        let graph = try #require(config.graphs["v4"])
        #expect(graph.phases.count == 11)
        #expect(graph.parallelLevels == [
            ["context"], ["readiness", "performance"], ["allocation"], ["captions", "timing"], ["followups"],
            ["assembly"], ["pricing"], ["validation"], ["save"],
        ])
        #expect(graph.producer(of: .schedule, for: "validation") == "pricing")
        #expect(graph.producer(of: .analysis, for: "allocation") == "performance")
        #expect(graph.producer(of: .certificate, for: "save") == "validation")
    }

    @Test("v5 fits its deadline with 333 seconds on the longest path")
    func v5LongestPath() throws {
        let config = try loadShipped()
        let graph = try #require(config.graphs["v5"])
        let longest = graph.longestPath(agents: config.agents)
        #expect(longest.path == ["preflight", "generator", "validator", "save"])
        #expect(longest.duration == .seconds(333))
        #expect(graph.roles[graph.index["validator"]!] == .validator)
    }

    @Test("the rollout file names v4 and v5 and wants canary")
    func rolloutModel() throws {
        let config = try loadShipped()
        let rollout = try #require(config.rollout)
        #expect(rollout.control.value == "v4")
        #expect(rollout.candidate.value == "v5")
        #expect(rollout.desiredPhase.value == "canary")
        #expect(rollout.phases.map(\.name.value).first == "off")
        let shadow = try #require(rollout.phase(named: "shadow"))
        #expect(rollout.effectiveGates(for: shadow).minComparisons == 10)
        #expect(rollout.effectiveGates(for: shadow).minHours == 48)
        #expect(rollout.phase(named: "percent_25")?.flags.percentage == 25)
        #expect(rollout.environmentPrefix == "EROS_V5_")
    }

    @Test("the alert rules, slo and rollback policy match the runbook")
    func monitoringModel() throws {
        let config = try loadShipped()
        #expect(config.alerts.rules.map(\.name.value) == [
            "V5_SUCCESS_LOW", "V5_SUCCESS_CRITICAL", "V5_LATENCY_HIGH", "V5_LATENCY_CRITICAL", "V5_HARD_GATE_SPIKE",
            "V5_AUTO_ROLLBACK",
        ])
        guard case .metric(let latency) = config.alerts.rule(named: "V5_LATENCY_HIGH")?.condition else {
            Issue.record("V5_LATENCY_HIGH is not a metric rule")
            return
        }
        #expect(latency.threshold == Threshold(.above, 120))
        #expect(latency.hold == .consecutiveRuns(2))
        #expect(latency.window == .runs(20))
        #expect(latency.minSamples == 5)
        let policy = try #require(config.rollback["v5"])
        #expect(policy.triggers.count == 4)
        #expect(policy.triggers[0].condition.minSamples == 10)
        #expect(policy.cooldown == .hours(1))
        #expect(config.slo["v5"]?.bands(for: .p95Latency)?.critical == Threshold(.above, 120))
        #expect(config.alertTests.first?.tests.first?.runs.first?.count == 10)
    }
}

@Suite("Valid fixtures")
struct ValidFixtureTests {
    @Test("each valid fixture loads beside the shipped config with no finding", arguments: ConfigFixture.names(in: "valid"))
    func validFixtureIsClean(name: String) throws {
        let config = try ConfigFixture(folder: "valid", name: name).load()
        #expect(config.diagnostics.isEmpty, "\(config.diagnostics.map { "\($0.location.shortDescription) \($0.rule) \($0.message)" })")
    }
}
