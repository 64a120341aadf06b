import Foundation
import RunnerKit
import Testing

@testable import RunnerCLI

/// Golden files of `runner validate` output for invalid fixtures, rendered by the same
/// `DiagnosticRenderer` the command uses. A missing golden file is recorded (and the test fails);
/// `RECORD_SNAPSHOTS=1` re-records every one.
@Suite("Validate output snapshots")
struct ValidateSnapshotTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let snapshots = repositoryRoot.appendingPathComponent("Tests/RunnerCLITests/Snapshots")
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/RunnerKitTests/Fixtures/invalid")

    /// Loads the shipped config with one invalid fixture (markers removed) placed at its `# path:`.
    func load(fixture name: String) throws -> LoadedConfig {
        var text = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
        text = text.replacingOccurrences(of: #"⟦[A-Z0-9]+⟧"#, with: "", options: .regularExpression)
        let path = text.split(separator: "\n").first { $0.hasPrefix("# path: ") }.map { String($0.dropFirst(8)) }
            ?? "pipelines/\(name)"
        var environment: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("# env: ") {
            let pair = line.dropFirst(7).split(separator: "=", maxSplits: 1)
            environment[String(pair[0])] = pair.count > 1 ? String(pair[1]) : ""
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("eros-snap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["pipelines", "alerts"] {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Self.repositoryRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try ConfigLoader.load(root: root, environment: environment, includeAlertTests: true)
    }

    func assertSnapshot(_ actual: String, named name: String) throws {
        let url = Self.snapshots.appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name); run the tests again")
            return
        }
        #expect(actual == expected, "snapshot \(name) differs")
    }

    @Test("text output matches the golden file", arguments: [
        "C001-tabs.yaml", "C003-unknown-key.yaml", "C009-cycle.yaml", "C013-desired-phase.yaml", "C018-environment.yaml",
    ])
    func textSnapshot(fixture: String) throws {
        let config = try load(fixture: fixture)
        let text = DiagnosticRenderer(sources: config.sources).text(config.diagnostics, fileCount: config.files.count)
        try assertSnapshot(text, named: "validate-" + fixture.replacingOccurrences(of: ".yaml", with: ".txt"))
    }

    @Test("json output matches the golden file")
    func jsonSnapshot() throws {
        let config = try load(fixture: "C018-environment.yaml")
        let json = DiagnosticRenderer().json(config.diagnostics, files: config.files)
        try assertSnapshot(json, named: "validate-C018-environment.json")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 1)
        let first = (object?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["line"] is NSNull)
        #expect(first?["file"] as? String == "env:EROS_V5_PERCENTAGE")
    }

    @Test("validate is registered under the root command")
    func registered() {
        #expect(RunnerCommand.configuration.subcommands.contains { $0 == ValidateCommand.self })
    }

    @Test("validate parses --format json and --config")
    func parsesOptions() throws {
        let command = try ValidateCommand.parse(["--format", "json", "--config", "/tmp"])
        #expect(command.format == .json)
        #expect(command.global.config == "/tmp")
    }

    @Test("a long source line is shown as a window around the column")
    func longLineExcerpt() {
        let line = String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300)
        let excerpt = DiagnosticRenderer.excerpt(line, column: 301)
        let scalars = Array(excerpt.text.unicodeScalars)
        #expect(scalars[excerpt.column - 1] == "X")
    }
}
