import Foundation
import Testing

@testable import RunnerKit

/// `reflect` end to end over a temporary database seeded with signals and a temporary LEARNINGS.md copy.
@Suite("Reflect over the database store")
struct ReflectOverDatabaseTests {
    static let now = "2026-03-07T09:00:00.000Z"
    static let timing = ValidatorOutcome(status: "REJECTED", violations: [.init(code: "TIMING_COLLISION", subjects: ["ppv_unlock"])])
    static let flyer = ValidatorOutcome(status: "REJECTED", violations: [.init(code: "FLYER_REQUIREMENT_VIOLATION")])

    /// A database with: timing x2 (alexia), flyer x1 (ivy_lane, matches an entry), one approval (alexia).
    static func seeded(_ dir: TempDirectory) throws -> LearningSignalDatabaseStore {
        let store = LearningSignalDatabaseStore(
            storage: try Storage.open(path: dir.path("eros.db"), create: true, clock: StorageFixture.clock))
        // Seeded the way the engine will: inside a write transaction per finished run.
        let runs: [(ValidatorOutcome, String, Int)] = [
            (timing, "alexia", 1), (timing, "alexia", 2), (flyer, "ivy_lane", 3),
            (ValidatorOutcome(status: "APPROVED", qualityScore: 91, distinctSendTypes: 14), "alexia", 4),
        ]
        for (i, (outcome, page, day)) in runs.enumerated() {
            let observations = SignalFixture.observations(outcome, SignalFixture.run("run-\(i + 1)", page: page, at: "2026-03-0\(day)T10:00:00.000Z"))
            try store.storage.write { db in _ = try LearningSignalDatabaseStore.record(observations, in: db) }
        }
        return store
    }

    static func reflector(_ url: URL, _ store: any LearningSignalStore) -> LearningsReflector {
        LearningsReflector(store: store, writer: LearningsWriter(url: url, displayPath: "LEARNINGS.md", today: "2026-03-07"))
    }

    @Test("the preview proposes ADD, UPDATE and ADD and changes neither the file nor the table")
    func preview() throws {
        let dir = TempDirectory()
        let store = try Self.seeded(dir)
        let url = try LearningsFixtures.tempCopy("valid/example.md")
        let before = try Data(contentsOf: url)
        let rowsBefore = try store.allSignals()
        let outcome = try Self.reflector(url, store).run(apply: false, now: Self.now)
        #expect(outcome.plan.found == [.high: 2, .medium: 1, .low: 0])
        #expect(outcome.plan.proposals.map(\.action) == [.add, .update, .add])
        #expect(outcome.plan.proposals.map(\.signalIds) == [[1], [2], [3]])
        #expect(outcome.plan.proposals[0].lines.contains("+ **Issue**: Validator rejected 2 schedules with TIMING_COLLISION"))
        #expect(outcome.plan.proposals[1].lines.contains("+ **Evidence**: signals 12, 2 (first seen 2026-03-01, last seen 2026-03-03)"))
        #expect(!outcome.applied)
        #expect(try Data(contentsOf: url) == before)
        #expect(try store.allSignals() == rowsBefore)
    }

    @Test("apply writes the entries, then marks every signal consumed with its learning id")
    func apply() throws {
        let dir = TempDirectory()
        let store = try Self.seeded(dir)
        let url = try LearningsFixtures.tempCopy("valid/example.md")
        let outcome = try Self.reflector(url, store).run(apply: true, now: Self.now)
        #expect(outcome.applied && outcome.write?.written == true)
        let file = LearningsParser.parse(try #require(LearningsDocument(data: try Data(contentsOf: url))))
        #expect(file.entry(id: "2026-03-07/timing-collision-alexia")?.value("Sample Size") == "2")
        #expect(file.entry(id: "2026-03-04/mark-every-live-promo-as-a-flyer-send")?.value("Sample Size") == "4")
        #expect(file.entry(id: "2026-03-07/approved-schedules-use-14-15-send-types-alexia")?.value("Quality Score") == "91")
        let rows = try store.allSignals()
        #expect(rows.map(\.status) == [.consumed, .consumed, .consumed])
        #expect(rows.map(\.learningId) == [
            "2026-03-07/timing-collision-alexia", "2026-03-04/mark-every-live-promo-as-a-flyer-send",
            "2026-03-07/approved-schedules-use-14-15-send-types-alexia",
        ])
        #expect(rows.allSatisfy { $0.resolvedAt == Self.now })
        let again = try Self.reflector(url, store).run(apply: true, now: Self.now)
        #expect(again.plan.proposals.isEmpty && again.write == nil)
    }

    @Test("when marking signals consumed fails after the rename, the next reflect recovers them without touching the file")
    func consumeFailureRecovers() throws {
        let dir = TempDirectory()
        let store = try Self.seeded(dir)
        let url = try LearningsFixtures.tempCopy("valid/example.md")
        #expect(throws: StorageError.busy) {
            _ = try Self.reflector(url, FailingConsume(base: store)).run(apply: true, now: Self.now)
        }
        let written = try Data(contentsOf: url)
        #expect(try store.pendingSignals().count == 3)
        let outcome = try Self.reflector(url, store).run(apply: true, now: Self.now)
        #expect(outcome.plan.proposals.map(\.action) == [.recover, .recover, .recover])
        #expect(outcome.applied && outcome.write == nil)
        #expect(try Data(contentsOf: url) == written)
        #expect(try store.pendingSignals().isEmpty)
        #expect(try store.signal(id: 2)?.learningId == "2026-03-04/mark-every-live-promo-as-a-flyer-send")
    }

    @Test("dismiss through the reflect store marks the row and leaves the others pending")
    func dismiss() throws {
        let dir = TempDirectory()
        let store = try Self.seeded(dir)
        try store.dismiss(id: 3, note: "misconfigured run", at: Self.now)
        #expect(try store.pendingSignals().map(\.id) == [1, 2])
    }
}

/// A store whose consume fails the way a locked database does, after the file step.
struct FailingConsume: LearningSignalStore {
    let base: any LearningSignalStore
    func record(_ observations: [SignalObservation]) throws { try base.record(observations) }
    func pendingSignals() throws -> [LearningSignal] { try base.pendingSignals() }
    func signal(id: Int64) throws -> LearningSignal? { try base.signal(id: id) }
    func consume(_ resolutions: [SignalResolution], at timestamp: String) throws { throw StorageError.busy }
    func dismiss(id: Int64, note: String, at timestamp: String) throws { try base.dismiss(id: id, note: note, at: timestamp) }
}
