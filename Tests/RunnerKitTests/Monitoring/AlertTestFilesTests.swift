import Foundation
import Testing
@testable import RunnerKit

@Suite("runner test alerts: shipped and fixture files")
struct AlertTestFilesTests {
    static let root = MonitoringFixture.repositoryRoot

    static func files(in folder: String) -> [URL] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { url.appendingPathComponent($0) }
    }

    @Test("every shipped alert test passes and covers every shipped rule")
    func shippedTestsPass() throws {
        let runner = AlertTestRunner(root: Self.root)
        let loaded = try runner.load(Self.files(in: "alerts/tests"))
        #expect(loaded.flatMap(\.errors).isEmpty, "\(loaded.flatMap(\.errors))")
        let results = try runner.run(loaded)
        #expect(!results.isEmpty)
        for result in results { #expect(result.passed, "\(result.name): \(result.failures)") }
        let covered = Set(loaded.compactMap(\.file).flatMap(\.tests).flatMap(\.expect).flatMap { $0.firing })
        let shipped = try MonitoringFixture.shippedConfig().alerts.rules.map(\.name.value)
        for rule in shipped { #expect(covered.contains(rule), "no shipped test makes \(rule) fire") }
    }

    @Test("the fixture tests exercise every transition of the state table and pass")
    func fixtureTestsPass() throws {
        let runner = AlertTestRunner(root: Self.root)
        let loaded = try runner.load(Self.files(in: "Tests/RunnerKitTests/Fixtures/alerts/tests"))
        #expect(loaded.flatMap(\.errors).isEmpty, "\(loaded.flatMap(\.errors))")
        let results = try runner.run(loaded)
        #expect(results.count >= 10)
        for result in results { #expect(result.passed, "\(result.name): \(result.failures)") }
    }

    @Test("a wrong expectation fails with the expected and actual lists")
    func wrongExpectationFails() throws {
        let dir = TempDirectory()
        let text = try String(
            contentsOf: Self.root.appendingPathComponent("Tests/RunnerKitTests/Fixtures/alerts/tests/transitions.yaml"),
            encoding: .utf8
        ).replacingOccurrences(
            of: "{at: 8m, firing: [T_FAIL_NOW, T_FAIL_FOR], pending: []", with: "{at: 8m, firing: [T_FAIL_NOW], pending: []")
        let url = URL(fileURLWithPath: dir.path("wrong.yaml"))
        try text.write(to: url, atomically: true, encoding: .utf8)
        let runner = AlertTestRunner(root: Self.root)
        let results = try runner.run(try runner.load([url]), filter: "stays pending")
        #expect(results.count == 1)
        #expect(results.first?.failures == ["at 8m: expected firing [T_FAIL_NOW], got [T_FAIL_FOR, T_FAIL_NOW]"])
    }

    @Test("an invalid test file is reported with its position and no test runs")
    func invalidFile() throws {
        let dir = TempDirectory()
        let url = URL(fileURLWithPath: dir.path("invalid.yaml"))
        try """
            version: 1
            kind: alert_test
            rule_files: [alerts/v5.yaml]
            tests:
              - name: bad
                runs: [{at: 0m, duration: 5}]
                expect: []
            """.write(to: url, atomically: true, encoding: .utf8)
        let loaded = try AlertTestRunner(root: Self.root).load([url])
        let error = try #require(loaded.first?.errors.first)
        #expect(error.rule == "C004")
        #expect(error.location.line == 6)
        #expect(error.location.file == url.standardizedFileURL.path)
    }

    @Test("an unreadable file is an error of its own (exit 2)")
    func unreadable() {
        #expect(throws: AlertTestError.self) {
            _ = try AlertTestRunner(root: Self.root).load([URL(fileURLWithPath: "/nonexistent/x.yaml")])
        }
    }
}
