import Foundation
import Testing

@testable import RunnerKit

@Suite("The routing configuration of the shipped rollout file")
struct RoutingConfigurationTests {
    func rollout() throws -> RolloutConfig {
        let config = try ConfigLoader.load(root: ConfiguredPipelineTests.repositoryRoot, environment: [:])
        return try #require(config.rollout)
    }

    @Test("the desired canary phase declares enabled and creators only; the rest stay unset")
    func desiredPhase() throws {
        let routing = RoutingConfiguration(rollout: try rollout())
        #expect(routing.control == "v4" && routing.candidate == "v5" && routing.salt == "")
        #expect(routing.settings.phaseName == "canary")
        #expect(routing.settings.enabled == true)
        #expect(routing.settings.creators == ["alexia"])
        #expect(routing.settings.percentage == nil && routing.settings.shadow == nil)
        #expect(routing.flagsJSON == #"{"auto_fallback":true,"creators":["alexia"],"enabled":true,"percentage":0,"shadow":false}"#)
    }

    @Test("an applied phase name selects that phase's flags and changes the fingerprint")
    func appliedPhase() throws {
        let rollout = try rollout()
        let canary = RoutingConfiguration(rollout: rollout)
        let quarter = RoutingConfiguration(rollout: rollout, phaseName: "percent_25")
        #expect(quarter.settings.percentage == 25)
        #expect(quarter.configHash != canary.configHash)
        #expect(quarter.configHash.hasPrefix("sha256:") && quarter.configHash.count == 71)
        #expect(RoutingConfiguration(rollout: rollout, phaseName: "no_such_phase").configHash == canary.configHash)
    }

    @Test("without a rollout file everyone gets control")
    func noRolloutFile() {
        let routing = RoutingConfiguration(rollout: nil)
        let flags = FlagResolver(settings: routing.settings, environment: FlagEnvironment(candidate: "v5"))
            .resolve(rollbackState: .active)
        let decision = routing.router.decide(creatorId: "x", routingKey: "alexia", flags: flags, rollbackState: .active)
        #expect(decision.pipeline == "v4")
        #expect(decision.reason == .candidateDisabled)
    }
}
