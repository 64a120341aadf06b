import Foundation
import Testing

@testable import RunnerKit

@Suite("Invalid fixtures")
struct InvalidFixtureTests {
    static let names = ConfigFixture.names(in: "invalid")

    @Test("each invalid fixture yields exactly the findings its markers name", arguments: names)
    func findingsMatchMarkers(name: String) throws {
        let fixture = try ConfigFixture(folder: "invalid", name: name)
        #expect(!fixture.expectations.isEmpty, "fixture \(name) has no ⟦RULE⟧ marker")
        let config = try fixture.load()
        let found = ConfigFixture.found(config)
        #expect(Set(found) == Set(fixture.expectations), "\(name): \(config.diagnostics.map { "\($0.rule) \($0.message)" })")
    }

    @Test("every rule C001 to C020 has at least one invalid fixture")
    func everyRuleIsCovered() throws {
        var rules: Set<String> = []
        for name in Self.names {
            for expectation in try ConfigFixture(folder: "invalid", name: name).expectations { rules.insert(expectation.rule) }
        }
        let all = Set((1...20).map { String(format: "C%03d", $0) })
        #expect(all.subtracting(rules).isEmpty, "rules without a fixture: \(all.subtracting(rules).sorted())")
    }
}
