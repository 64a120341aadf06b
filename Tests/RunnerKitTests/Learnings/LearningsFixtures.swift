import Foundation

@testable import RunnerKit

/// Locates learnings fixtures and makes throw-away copies for write tests.
enum LearningsFixtures {
    /// The fixtures folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/learnings")

    /// The repository root (for the real LEARNINGS.md, read-only).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A fixture's URL.
    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// A fixture's bytes.
    static func data(_ relative: String) throws -> Data { try Data(contentsOf: url(relative)) }

    /// A fixture parsed.
    static func file(_ relative: String) throws -> LearningsFile {
        LearningsParser.parse(LearningsDocument(data: try data(relative))!)
    }

    /// Every fixture file, relative paths, sorted.
    static func all() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var out: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".md") { out.append(path) }
        }
        return out.sorted()
    }

    /// A fresh temp directory holding a copy of a fixture as LEARNINGS.md.
    static func tempCopy(_ relative: String?) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("learnings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let target = dir.appendingPathComponent("LEARNINGS.md")
        if let relative { try FileManager.default.copyItem(at: url(relative), to: target) }
        return target
    }
}
