import Foundation
import Testing

@testable import RunnerKit

/// Every one-line edit of the shipped files must give findings, never a crash or a hang.
@Suite("Shipped file mutations")
struct MutationTests {
    static let files = ["pipelines/v4.yaml", "pipelines/v5.yaml", "pipelines/agents.yaml", "pipelines/rollout.yaml",
                        "alerts/slo.yaml", "alerts/v5.yaml", "alerts/rollback.yaml", "alerts/tests/v5.yaml"]

    /// The shipped sources, with `path` replaced by `text`.
    func sources(replacing path: String, with text: String) throws -> [ConfigSource] {
        try Self.files.map { file in
            if file == path { return ConfigSource(path: file, text: text) }
            let url = ConfigFixture.repositoryRoot.appendingPathComponent(file)
            return ConfigSource(path: file, text: try String(contentsOf: url, encoding: .utf8))
        }
    }

    @Test("removing, doubling or truncating any line of a shipped file yields findings or nothing, never a crash",
          arguments: files)
    func lineMutations(path: String) throws {
        let text = try String(contentsOf: ConfigFixture.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in lines.indices {
            var removed = lines
            removed.remove(at: index)
            var doubled = lines
            doubled.insert(lines[index], at: index)
            var truncated = lines
            truncated[index] = String(lines[index].prefix(lines[index].count / 2))
            for variant in [removed, doubled, truncated] {
                let config = ConfigLoader.load(
                    sources: try sources(replacing: path, with: variant.joined(separator: "\n")), environment: [:])
                for diagnostic in config.diagnostics {
                    #expect(!diagnostic.message.isEmpty)
                    #expect(diagnostic.location.line.map { $0 >= 1 } ?? true)
                }
            }
        }
    }
}
