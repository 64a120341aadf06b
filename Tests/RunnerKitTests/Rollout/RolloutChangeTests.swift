import Foundation
import Testing

@testable import RunnerKit

@Suite("Advancement classification looks at the flags, not the phase name (§9.2)")
struct RolloutChangeTests {
    static let off = RolloutRoutingConfig(phase: "off")
    static let shadow = RolloutRoutingConfig(phase: "shadow", enabled: true, shadow: true)
    static let canary = RolloutRoutingConfig(phase: "canary", enabled: true, creators: ["alexia"])
    static let early = RolloutRoutingConfig(phase: "early_adopters", enabled: true, creators: ["alexia", "grace_bennett", "luna_free"])
    static let p25 = RolloutRoutingConfig(phase: "percent_25", enabled: true, percentage: 25, creators: ["alexia", "grace_bennett", "luna_free"])

    @Test(
        "changes that increase exposure are advancements, the rest are not",
        arguments: [
            (off, shadow, false), (shadow, canary, true), (canary, early, true), (early, p25, true),
            (p25, early, false), (early, canary, false), (canary, shadow, false), (p25, off, false),
            (off, canary, true),
        ])
    func classify(from: RolloutRoutingConfig, to: RolloutRoutingConfig, advancement: Bool) {
        #expect(RolloutChange.classify(from: from, to: to).isAdvancement == advancement)
    }

    @Test("an in-place edit of the current phase is classified like a phase move")
    func inPlaceEdit() {
        var edited = Self.canary
        edited.creators.append("grace_bennett")
        #expect(RolloutChange.classify(from: Self.canary, to: edited) == .advancement(["creators added: grace_bennett"]))
        var fallback = Self.canary
        fallback.autoFallback = false
        #expect(RolloutChange.classify(from: Self.canary, to: fallback) == .nonAdvancing)
        #expect(RolloutChange.classify(from: Self.canary, to: Self.canary) == .unchanged)
    }

    @Test("a salt change is an advancement only while the percentage is between 1 and 99")
    func salt() {
        var salted = Self.p25
        salted.salt = "eros-v5"
        #expect(RolloutChange.classify(from: Self.p25, to: salted).isAdvancement)
        var full = RolloutRoutingConfig(phase: "percent_100", enabled: true, percentage: 100)
        let before = full
        full.salt = "eros-v5"
        #expect(!RolloutChange.classify(from: before, to: full).isAdvancement)
    }

    @Test("the fingerprint matches routing's RoutingConfiguration hash of the same flags")
    func hashMatchesRouting() throws {
        let config = try OpsFixture.shippedConfig()
        let plan = try #require(config.rollout)
        let desired = try #require(RolloutRoutingConfig(desiredBy: plan))
        #expect(desired.hash == RoutingConfiguration(rollout: plan).configHash)
        #expect(desired.hash.hasPrefix("sha256:"))
    }
}
