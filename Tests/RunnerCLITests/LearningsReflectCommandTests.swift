import ArgumentParser
import Foundation
import Testing

@testable import RunnerCLI
@testable import RunnerKit

@Suite("runner learnings reflect (in-memory signal store)")
struct LearningsReflectCommandTests {
    static let now = "2026-03-07T09:00:00.000Z"

    /// A store with two timing rejections, one flyer rejection matching an entry, one approval and one bad scope.
    static func store() throws -> InMemoryLearningSignalStore {
        let store = InMemoryLearningSignalStore()
        func record(_ outcome: ValidatorOutcome, _ run: String, _ page: String, _ day: Int) throws {
            try store.record(SignalProducer.observations(for: [outcome], run: SignalRunContext(
                runId: run, pageName: page, finishedAt: "2026-03-0\(day)T10:00:00.000Z", countsForLearning: true)))
        }
        let timing = ValidatorOutcome(status: "REJECTED", violations: [.init(code: "TIMING_COLLISION", subjects: ["ppv_unlock", "bundle"])])
        try record(timing, "run-1", "alexia", 1)
        try record(timing, "run-2", "alexia", 2)
        try record(ValidatorOutcome(status: "REJECTED", violations: [.init(code: "FLYER_REQUIREMENT_VIOLATION")]), "run-3", "ivy_lane", 3)
        try record(ValidatorOutcome(status: "APPROVED", qualityScore: 90, distinctSendTypes: 12), "run-4", "alexia", 4)
        try record(ValidatorOutcome(status: "APPROVED", qualityScore: 87, distinctSendTypes: 13), "run-5", "alexia", 5)
        try record(timing, "run-6", "x", 6)
        return store
    }

    static func golden(_ name: String, _ args: [String], store: InMemoryLearningSignalStore) throws -> LearningsOutput {
        let url = try LearningsSnapshot.tempCopy("valid/example.md")
        let before = try Data(contentsOf: url)
        let command = try LearningsReflectCommand.parse(Array(args.dropFirst()) + ["--file", url.path])
        let output = command.output(store: store, now: now)
        let text = LearningsSnapshot.transcript(args, output, before: before, after: try? Data(contentsOf: url),
                                                tempDir: url.deletingLastPathComponent())
        try LearningsSnapshot.assertMatches(name, text)
        return output
    }

    @Test("the dry run lists ADD, UPDATE and BLOCKED proposals and writes nothing")
    func dryRun() throws {
        let store = try Self.store()
        let out = try Self.golden("reflect-dry-run", ["reflect", "--today", "2026-03-07"], store: store)
        #expect(out.status == .success)
        #expect(try store.pendingSignals().count == 4)
        let json = try Self.golden("reflect-dry-run-json", ["reflect", "--today", "2026-03-07", "--format", "json"], store: store)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["proposals", "stats_before", "stats_after", "applied", "remaining_pending", "commit_message"])
    }

    @Test("apply writes the unblocked proposals, consumes their signals and prints the commit message")
    func apply() throws {
        let store = try Self.store()
        let out = try Self.golden("reflect-apply", ["reflect", "--today", "2026-03-07", "--apply"], store: store)
        #expect(out.status == .success)
        #expect(try store.pendingSignals().map(\.pageName) == ["x"])
        #expect(store.allSignals().filter { $0.status == .consumed }.allSatisfy { $0.learningId != nil && $0.resolvedAt == Self.now })
    }

    @Test("dismiss needs a note and marks the signal dismissed without touching the file")
    func dismiss() throws {
        let store = try Self.store()
        let refused = try Self.golden("reflect-dismiss-no-note", ["reflect", "--today", "2026-03-07", "--dismiss", "4"], store: store)
        #expect(refused.status == .badInput)
        let out = try Self.golden("reflect-dismiss", ["reflect", "--today", "2026-03-07", "--dismiss", "4", "--note", "misconfigured run"],
                                  store: store)
        #expect(out.status == .success)
        #expect(try store.signal(id: 4)?.status == .dismissed)
    }

    @Test("bad option values are refused with exit 2", arguments: [["--limit", "0"], ["--signal", "abc"], ["--min-sample=-1"]])
    func badValues(extra: [String]) throws {
        let url = try LearningsSnapshot.tempCopy("valid/example.md")
        let command = try LearningsReflectCommand.parse(["--today", "2026-03-07", "--file", url.path] + extra)
        #expect(command.output(store: try Self.store(), now: Self.now).status == .badInput)
    }
}
