import Foundation
import Testing

@testable import RunnerKit

/// Inputs too large or too odd to commit as fixture files are generated into a temporary root.
@Suite("Bad input")
struct BadInputTests {
    /// A temporary config root with an empty `pipelines/` folder.
    func emptyRoot() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("eros-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("pipelines"), withIntermediateDirectories: true)
        return root
    }

    func load(_ root: URL) throws -> LoadedConfig {
        defer { try? FileManager.default.removeItem(at: root) }
        return try ConfigLoader.load(root: root, environment: [:])
    }

    @Test("a 10 MB YAML file is refused with C001 instead of being parsed")
    func hugeFile() throws {
        let root = try emptyRoot()
        var text = "version: 1\nkind: pipeline\nname: big\nphases: []\n"
        text += String(repeating: "# " + String(repeating: "x", count: 98) + "\n", count: 105_000)
        try text.write(to: root.appendingPathComponent("pipelines/big.yaml"), atomically: true, encoding: .utf8)
        let config = try load(root)
        #expect(config.diagnostics.map(\.rule) == ["C001"])
        #expect(config.diagnostics.first?.message.contains("limited to 4 MiB") == true)
    }

    @Test("10,000 levels of nesting are refused with C001 without overflowing the stack", arguments: [
        String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
        "\n" + String(repeating: "- ", count: 10_000) + "x",
        (1...10_000).map { "\n" + String(repeating: " ", count: $0 % 300 + 1) + "a:" }.joined() + " 1",
    ])
    func deepNesting(body: String) throws {
        let root = try emptyRoot()
        let text = "version: 1\nkind: pipeline\nname: deep\ndescription: " + body + "\n"
        try text.write(to: root.appendingPathComponent("pipelines/deep.yaml"), atomically: true, encoding: .utf8)
        let config = try load(root)
        #expect(config.diagnostics.map(\.rule) == ["C001"])
        #expect(config.diagnostics.first?.message.contains("nesting deeper than") == true)
    }

    @Test("a directory named x.yaml is reported, not read")
    func directoryNamedYAML() throws {
        let root = try emptyRoot()
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("pipelines/x.yaml"), withIntermediateDirectories: true)
        let config = try load(root)
        #expect(config.diagnostics.map(\.rule) == ["C001"])
        #expect(config.diagnostics.first?.location == SourceLocation(file: "pipelines/x.yaml"))
    }

    @Test("an unreadable file is reported with C001")
    func unreadableFile() throws {
        let root = try emptyRoot()
        // A dangling symlink cannot be read even by root, unlike a chmod 000 file.
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("pipelines/gone.yaml").path, withDestinationPath: "/nonexistent/eros.yaml")
        let config = try load(root)
        #expect(config.diagnostics.map(\.rule) == ["C001"])
        #expect(config.diagnostics.first?.message.contains("cannot read") == true)
    }

    @Test("a config root that does not exist is an error of its own (exit 3)")
    func missingRoot() {
        #expect(throws: ConfigLoadError.self) {
            _ = try ConfigLoader.load(root: URL(fileURLWithPath: "/nonexistent/eros-root"), environment: [:])
        }
    }

    @Test("random bytes never crash the loader", arguments: 0..<20)
    func randomBytes(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed + 1))
        let bytes = (0..<2000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let root = try emptyRoot()
        try Data(bytes).write(to: root.appendingPathComponent("pipelines/noise.yaml"))
        let config = try load(root)
        #expect(config.errorCount >= 1)
        #expect(config.diagnostics.allSatisfy { $0.location.file == "pipelines/noise.yaml" })
    }

    @Test("printable noise gives diagnostics, never a raw parser dump", arguments: 0..<20)
    func printableNoise(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed + 100))
        let alphabet = Array("ab:-[]{}&*!|>'\"#,? \n\t%@`0")
        let text = String((0..<400).map { _ in alphabet.randomElement(using: &generator)! })
        let config = ConfigLoader.load(sources: [ConfigSource(path: "pipelines/noise.yaml", text: text)], environment: [:])
        for diagnostic in config.diagnostics {
            #expect(!diagnostic.message.contains("\n"))
            #expect(diagnostic.location.file == "pipelines/noise.yaml")
        }
    }
}

/// A small deterministic generator (SplitMix64) so noise tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
