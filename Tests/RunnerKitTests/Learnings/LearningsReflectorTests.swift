import Foundation
import Testing

@testable import RunnerKit

@Suite("Reflect: from signals to entries")
struct LearningsReflectorTests {
    static let now = "2026-03-07T09:00:00.000Z"

    static func reflector(_ url: URL, _ store: InMemoryLearningSignalStore, today: String = "2026-03-07",
                          options: ReflectOptions = ReflectOptions()) -> LearningsReflector {
        LearningsReflector(store: store, writer: LearningsWriter(url: url, displayPath: "LEARNINGS.md", today: today), options: options)
    }

    static func record(_ store: InMemoryLearningSignalStore, _ outcome: ValidatorOutcome, run: String, page: String) throws {
        try store.record(SignalProducer.observations(for: [outcome], run: SignalRunContext(
            runId: run, pageName: page, finishedAt: "2026-03-0\(run.last!)T10:00:00.000Z", countsForLearning: true)))
    }

    static let timing = ValidatorOutcome(status: "REJECTED", violations: [.init(code: "TIMING_COLLISION", subjects: ["ppv_unlock"])])

    @Test("the dry run proposes entries without writing or consuming")
    func dryRun() throws {
        let url = try LearningsFixtures.tempCopy("valid/example.md")
        let before = try Data(contentsOf: url)
        let store = InMemoryLearningSignalStore()
        try Self.record(store, Self.timing, run: "r1", page: "alexia")
        let outcome = try Self.reflector(url, store).run(apply: false, now: Self.now)
        #expect(outcome.plan.proposals.map(\.action) == [.add])
        #expect(outcome.plan.proposals[0].learningId == "2026-03-07/timing-collision-alexia")
        #expect(outcome.plan.proposals[0].lines.contains("+ **Issue**: Validator rejected 1 schedule with TIMING_COLLISION"))
        #expect(outcome.statsAfter.high == 2)
        #expect(!outcome.applied)
        #expect(try Data(contentsOf: url) == before)
        #expect(try store.pendingSignals().count == 1)
    }

    @Test("apply writes a lint-clean file, then marks the signals consumed with their learning ids")
    func apply() throws {
        let url = try LearningsFixtures.tempCopy("valid/example.md")
        let store = InMemoryLearningSignalStore()
        try Self.record(store, Self.timing, run: "r1", page: "alexia")
        try Self.record(store, ValidatorOutcome(status: "APPROVED", qualityScore: 91, distinctSendTypes: 14), run: "r2", page: "alexia")
        let outcome = try Self.reflector(url, store).run(apply: true, now: Self.now)
        #expect(outcome.applied)
        #expect(outcome.write?.written == true)
        let file = LearningsParser.parse(try #require(LearningsDocument(data: try Data(contentsOf: url))))
        #expect(LearningsLinter(path: "x", today: "2026-03-07").lint(file).filter { $0.severity != .info }.isEmpty)
        #expect(file.metadata?.version.description == "1.6.0")
        #expect(file.entry(id: "2026-03-07/approved-schedules-use-14-15-send-types-alexia")?.value("Quality Score") == "91")
        #expect(store.allSignals().map(\.learningId) == ["2026-03-07/timing-collision-alexia",
                                                        "2026-03-07/approved-schedules-use-14-15-send-types-alexia"])
        #expect(try store.pendingSignals().isEmpty)
        #expect(outcome.plan.change?.commitMessage.hasPrefix("chore(eros): reflect - 2 learnings added\n\nHIGH: 1 correction\nMEDIUM: 1 pattern\nLOW: 0 observations") == true)
    }

    @Test("a signal matching an active entry updates its Sample Size and Evidence with one UPDATED row")
    func update() throws {
        let url = try LearningsFixtures.tempCopy("valid/example.md")
        let store = InMemoryLearningSignalStore()
        let flyer = ValidatorOutcome(status: "REJECTED", violations: [.init(code: "FLYER_REQUIREMENT_VIOLATION")])
        try Self.record(store, flyer, run: "r5", page: "ivy_lane")
        try Self.record(store, flyer, run: "r6", page: "ivy_lane")
        let outcome = try Self.reflector(url, store).run(apply: true, now: Self.now)
        #expect(outcome.plan.proposals.map(\.action) == [.update])
        let file = LearningsParser.parse(try #require(LearningsDocument(data: try Data(contentsOf: url))))
        let entry = try #require(file.entry(id: "2026-03-04/mark-every-live-promo-as-a-flyer-send"))
        #expect(entry.value("Sample Size") == "5")
        #expect(entry.value("Evidence") == "signals 12, 1 (first seen 2026-03-01, last seen 2026-03-06)")
        #expect(file.changelogRows.first?.cells == ["2026-03-07", "UPDATED", "Mark Every Live Promo as a Flyer Send", "HIGH", "validation"])
        #expect(file.activeEntries.count == 3)
    }

    @Test("a pending signal already cited in Evidence is consumed and the file left alone")
    func recovery() throws {
        let url = try LearningsFixtures.tempCopy("valid/example.md")
        let before = try Data(contentsOf: url)
        let store = InMemoryLearningSignalStore()
        for i in 1...12 {
            try store.record(SignalProducer.observations(for: [Self.timing], run: SignalRunContext(
                runId: "r\(i)", pageName: "creator\(i)", finishedAt: "2026-03-01T10:00:00.000Z", countsForLearning: true)))
        }
        for i in 1...11 { try store.dismiss(id: Int64(i), note: "noise", at: Self.now) }
        let outcome = try Self.reflector(url, store).run(apply: true, now: Self.now)
        #expect(outcome.plan.proposals.map(\.action) == [.recover])
        #expect(try Data(contentsOf: url) == before)
        #expect(try store.signal(id: 12)?.status == .consumed)
        #expect(try store.signal(id: 12)?.learningId == "2026-03-04/mark-every-live-promo-as-a-flyer-send")
    }

    @Test("a proposal whose entry would fail lint is BLOCKED with the rule id and its signal stays pending")
    func blocked() throws {
        let url = try LearningsFixtures.tempCopy("valid/example.md")
        let before = try Data(contentsOf: url)
        let store = InMemoryLearningSignalStore()
        try Self.record(store, Self.timing, run: "r1", page: "x")
        let outcome = try Self.reflector(url, store).run(apply: true, now: Self.now)
        #expect(outcome.plan.proposals.first?.blockedBy == "L028")
        #expect(try Data(contentsOf: url) == before)
        #expect(try store.pendingSignals().count == 1)
    }

    @Test("when the file fails lint, apply writes nothing, keeps signals pending and exits 1")
    func failingFile() throws {
        let url = try LearningsFixtures.tempCopy("invalid/L028-unknown-scope.md")
        let before = try Data(contentsOf: url)
        let store = InMemoryLearningSignalStore()
        try Self.record(store, Self.timing, run: "r1", page: "alexia")
        do {
            _ = try Self.reflector(url, store).run(apply: true, now: Self.now)
            Issue.record("expected a refusal")
        } catch let error as LearningsError {
            #expect(error.exitStatus == .negative)
        }
        #expect(try Data(contentsOf: url) == before)
        #expect(try store.pendingSignals().count == 1)
    }

    @Test("a writer killed before the rename leaves the file intact and the signals pending")
    func killed() throws {
        let url = try LearningsFixtures.tempCopy("valid/example.md")
        let before = try Data(contentsOf: url)
        let store = InMemoryLearningSignalStore()
        try Self.record(store, Self.timing, run: "r1", page: "alexia")
        var reflector = Self.reflector(url, store)
        reflector.writer.beforeRename = { _ in throw LearningsError.writeFailed("simulated crash") }
        #expect(throws: LearningsError.self) { _ = try reflector.run(apply: true, now: Self.now) }
        #expect(try Data(contentsOf: url) == before)
        #expect(try store.pendingSignals().count == 1)
    }

    @Test("limit, --signal and --min-sample select signals in HIGH, MEDIUM, LOW, first seen, id order")
    func selection() throws {
        let url = try LearningsFixtures.tempCopy("valid/example.md")
        let store = InMemoryLearningSignalStore()
        try Self.record(store, ValidatorOutcome(status: "APPROVED", qualityScore: 90, distinctSendTypes: 10), run: "r1", page: "alexia")
        try Self.record(store, Self.timing, run: "r2", page: "alexia")
        try Self.record(store, Self.timing, run: "r3", page: "alexia")
        let limited = try Self.reflector(url, store, options: ReflectOptions(limit: 1)).run(apply: false, now: Self.now)
        #expect(limited.plan.proposals.map(\.signalIds) == [[2]])
        let filtered = try Self.reflector(url, store, options: ReflectOptions(minSample: 2)).run(apply: false, now: Self.now)
        #expect(filtered.plan.proposals.map(\.signalIds) == [[2]])
        let chosen = try Self.reflector(url, store, options: ReflectOptions(signalIds: [1])).run(apply: false, now: Self.now)
        #expect(chosen.plan.proposals.map(\.section) == [.medium])
    }
}
