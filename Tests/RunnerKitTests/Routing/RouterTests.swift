import Foundation
import Testing

@testable import RunnerKit

@Suite("Flag precedence and the routing order")
struct RouterTests {
    let router = Router(control: "v4", candidate: "v5")

    func flags(
        _ settings: RolloutFlagSettings, env: [String: String] = [:], rollback: RollbackState = .active
    ) throws -> ResolvedFlags {
        let environment = try FlagEnvironment.parse(env, candidate: "v5")
        return FlagResolver(settings: settings, environment: environment).resolve(rollbackState: rollback)
    }

    @Test("with no configuration at all every flag is its safe default and everyone gets control")
    func defaults() throws {
        let resolved = try flags(.none)
        #expect(resolved.enabled == ResolvedFlag(value: false, source: .default, origin: "built-in default"))
        #expect(resolved.autoFallback.value == true)
        let decision = router.decide(creatorId: "x", routingKey: "alexia", flags: resolved, rollbackState: .active)
        #expect(decision.pipeline == "v4")
        #expect(decision.reason == .candidateDisabled)
    }

    @Test("env beats yaml and yaml beats default, each with its origin")
    func precedence() throws {
        let settings = RolloutFlagSettings(phaseName: "percent_25", enabled: true, percentage: 25)
        let resolved = try flags(settings, env: ["EROS_V5_PERCENTAGE": "60"])
        #expect(resolved.percentage == ResolvedFlag(value: 60, source: .env, origin: "EROS_V5_PERCENTAGE"))
        #expect(
            resolved.enabled
                == ResolvedFlag(
                    value: true, source: .yaml, origin: "pipelines/rollout.yaml: phases[percent_25].flags.enabled"))
        #expect(resolved.shadow.source == .default)
    }

    @Test("a rollback turns the effective enabled off with source rollback but keeps the configured value")
    func rollbackWins() throws {
        let resolved = try flags(
            RolloutFlagSettings(phaseName: "canary", enabled: true), env: ["EROS_V5_ENABLED": "true"],
            rollback: .draining)
        #expect(resolved.enabled.value == false)
        #expect(resolved.enabled.source == .rollback)
        #expect(resolved.configuredEnabled == ResolvedFlag(value: true, source: .env, origin: "EROS_V5_ENABLED"))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let settings: RolloutFlagSettings
        let rollback: RollbackState
        let key: String
        let pipeline: String
        let reason: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "disabled beats everything", settings: .init(enabled: false, shadow: true, percentage: 100, creators: ["alexia"]),
            rollback: .disabled, key: "alexia", pipeline: "v4", reason: "v5_disabled"),
        Case(name: "rolled back beats shadow", settings: .init(enabled: true, shadow: true, creators: ["alexia"]),
            rollback: .disabled, key: "alexia", pipeline: "v4", reason: "rolled_back"),
        Case(name: "draining counts as rolled back", settings: .init(enabled: true, percentage: 100),
            rollback: .draining, key: "test1", pipeline: "v4", reason: "rolled_back"),
        Case(name: "shadow beats the allowlist", settings: .init(enabled: true, shadow: true, creators: ["alexia"]),
            rollback: .active, key: "alexia", pipeline: "shadow", reason: "shadow_mode"),
        Case(name: "allowlisted", settings: .init(enabled: true, creators: ["alexia"]),
            rollback: .active, key: "alexia", pipeline: "v5", reason: "allowlisted"),
        Case(name: "allowlist is case-sensitive", settings: .init(enabled: true, creators: ["Alexia"]),
            rollback: .active, key: "alexia", pipeline: "v4", reason: "default"),
        Case(name: "bucket below percentage", settings: .init(enabled: true, percentage: 25),
            rollback: .active, key: "test1", pipeline: "v5", reason: "percentage_25"),
        Case(name: "bucket equal to percentage stays control", settings: .init(enabled: true, percentage: 49),
            rollback: .active, key: "alexia", pipeline: "v4", reason: "default"),
        Case(name: "flip percentage sends it", settings: .init(enabled: true, percentage: 50),
            rollback: .active, key: "alexia", pipeline: "v5", reason: "percentage_50"),
    ]

    @Test("the first matching rule of §3.1 wins", arguments: cases)
    func order(_ c: Case) throws {
        let resolved = try flags(c.settings, rollback: c.rollback)
        let decision = router.decide(creatorId: "cr_1", routingKey: c.key, flags: resolved, rollbackState: c.rollback)
        #expect(decision.pipeline == c.pipeline)
        #expect(decision.reason.text == c.reason)
    }

    @Test("a decision encodes to cli.md's decision shape with exactly its keys")
    func jsonShape() throws {
        let resolved = try flags(RolloutFlagSettings(phaseName: "canary", enabled: true, creators: ["alexia"]))
        let decision = router.decide(
            creatorId: "cr_0123456789abcdef", routingKey: "alexia", flags: resolved, rollbackState: .active)
        let data = try JSONEncoder().encode(decision)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(object.keys)
                == ["creator_id", "routing_key", "bucket", "flip_percentage", "pipeline", "reason", "rollback_state",
                    "flags"])
        #expect(object["bucket"] as? Int == 49)
        #expect(object["flip_percentage"] as? Int == 50)
        #expect(object["reason"] as? String == "allowlisted")
        #expect(object["rollback_state"] as? String == "ACTIVE")
        let flagsObject = try #require(object["flags"] as? [String: [String: Any]])
        #expect(Set(flagsObject.keys) == ["enabled", "shadow", "percentage", "creators", "auto_fallback"])
        #expect(flagsObject["creators"]?["value"] as? [String] == ["alexia"])
        #expect(flagsObject["percentage"]?["source"] as? String == "default")
    }

    @Test("stored reasons round-trip through their text", arguments: ["v5_disabled", "rolled_back", "shadow_mode",
        "allowlisted", "percentage_25", "default", "forced"])
    func reasonText(_ text: String) {
        #expect(RoutingReason(text: text)?.text == text)
    }
}
