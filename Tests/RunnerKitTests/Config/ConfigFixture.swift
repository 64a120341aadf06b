import Foundation
import RunnerKit

/// A fixture file with inline `⟦RULE⟧` markers: each marker is stripped before the file is
/// loaded, and its position is where a finding of that rule is expected (swift-format's marker
/// tests). Header comments: `# path: pipelines/x.yaml` (where it is placed under a copy of the
/// shipped config), `# env: NAME=VALUE` (an environment variable), `# expect-env: NAME RULE`.
struct ConfigFixture {
    /// One expected finding.
    struct Expectation: Hashable, CustomStringConvertible {
        var file: String
        var line: Int?
        var column: Int?
        var rule: String
        var description: String { "\(file):\(line.map(String.init) ?? "-"):\(column.map(String.init) ?? "-") \(rule)" }
    }

    /// The fixture name (file name).
    let name: String
    /// The bytes with markers removed.
    let bytes: Data
    /// Where the fixture goes under the config root.
    let path: String
    /// Environment of the load.
    let environment: [String: String]
    /// Expected findings, from markers and `expect-env` lines.
    let expectations: [Expectation]

    /// The repository root, found from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The fixtures folder.
    static let fixturesFolder = repositoryRoot.appendingPathComponent("Tests/RunnerKitTests/Fixtures")

    /// The names of the files in `Fixtures/<folder>/`.
    static func names(in folder: String) -> [String] {
        let url = fixturesFolder.appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// Reads `Fixtures/<folder>/<name>` and extracts its markers.
    init(folder: String, name: String) throws {
        self.name = name
        let raw = try Data(contentsOf: Self.fixturesFolder.appendingPathComponent(folder).appendingPathComponent(name))
        let open = Array("⟦".utf8), close = Array("⟧".utf8)
        let input = Array(raw)
        var output: [UInt8] = []
        var markers: [(offset: Int, rule: String)] = []
        var i = 0
        while i < input.count {
            if input[i...].starts(with: open), let end = Self.find(close, in: input, from: i + open.count) {
                markers.append((output.count, String(decoding: input[(i + open.count)..<end], as: UTF8.self)))
                i = end + close.count
            } else {
                output.append(input[i])
                i += 1
            }
        }
        bytes = Data(output)
        let text = String(decoding: output, as: UTF8.self)
        var path = "pipelines/\(name)"
        var environment: [String: String] = [:]
        var expectations: [Expectation] = []
        for line in text.split(separator: "\n") where line.hasPrefix("# ") {
            let body = line.dropFirst(2)
            if body.hasPrefix("path: ") { path = String(body.dropFirst(6)) }
            if body.hasPrefix("env: "), let eq = body.firstIndex(of: "=") {
                environment[String(body[body.index(body.startIndex, offsetBy: 5)..<eq])] = String(body[body.index(after: eq)...])
            }
            if body.hasPrefix("expect-env: ") {
                let parts = body.dropFirst(12).split(separator: " ")
                expectations.append(Expectation(file: "env:" + parts[0], line: nil, column: nil, rule: String(parts[1])))
            }
        }
        for marker in markers {
            let prefix = output[..<marker.offset]
            let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let column = String(decoding: output[lineStart..<marker.offset], as: UTF8.self).unicodeScalars.count + 1
            expectations.append(Expectation(file: path, line: line, column: column, rule: marker.rule))
        }
        self.path = path
        self.environment = environment
        self.expectations = expectations
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// A temporary config root holding a copy of the shipped `pipelines/` and `alerts/`.
    static func shippedCopy() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("eros-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["pipelines", "alerts"] {
            try FileManager.default.copyItem(
                at: repositoryRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        return root
    }

    /// Loads the shipped config with this fixture placed at its path (replacing a shipped file there).
    func load() throws -> LoadedConfig {
        let root = try Self.shippedCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
        return try ConfigLoader.load(root: root, environment: environment, includeAlertTests: true)
    }

    /// The findings of a load as expectations, for comparison.
    static func found(_ config: LoadedConfig) -> [Expectation] {
        config.diagnostics.map {
            Expectation(file: $0.location.file, line: $0.location.line, column: $0.location.column, rule: $0.rule)
        }
    }
}
