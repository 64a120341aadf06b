import Foundation
import Testing

@testable import RunnerKit

@Suite("LEARNINGS.md is read once per process for all its runs")
struct LearningsSourceTests {
    private static let repoLearnings = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("LEARNINGS.md")

    @Test("a source keeps its first read: later runs see the same bytes even if the file goes away")
    func readsOnce() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eros-src-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Self.repoLearnings, to: dir.appendingPathComponent("LEARNINGS.md"))
        let source = LearningsSource(configRoot: dir, today: "2026-11-26")
        let first = try #require(source.snapshot())
        try FileManager.default.removeItem(at: dir.appendingPathComponent("LEARNINGS.md"))
        let second = try #require(source.snapshot())
        #expect(first.sha256 != nil)
        #expect(second.sha256 == first.sha256)
        #expect(second.failure == nil)
    }

    @Test("selecting from a snapshot equals a fresh read-and-select")
    func sameSelection() {
        let creator = CreatorLearningContext(pageName: "alexia", creatorId: "cr_x", tier: "STANDARD")
        let fresh = LearningSelector.load(url: Self.repoLearnings, for: creator, today: "2026-11-26")
        let shared = LearningsSnapshot.load(url: Self.repoLearnings, today: "2026-11-26").selection(for: creator)
        #expect(fresh == shared)
    }

    @Test("without a config root nothing is read")
    func noRoot() {
        #expect(LearningsSource(configRoot: nil, today: "2026-11-26").snapshot() == nil)
    }
}
