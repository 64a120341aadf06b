import Foundation
import Testing

@testable import RunnerKit

@Suite("Learning signals")
struct LearningSignalTests {
    static func run(_ id: String, page: String = "ivy_lane", at time: String = "2026-03-01T10:00:00.000Z",
                    counts: Bool = true) -> SignalRunContext {
        SignalRunContext(runId: id, pageName: page, finishedAt: time, countsForLearning: counts)
    }

    static let flyer = ValidatorOutcome(status: "REJECTED", qualityScore: 70,
                                        violations: [.init(code: "FLYER_REQUIREMENT_VIOLATION", subjects: ["live_promo"])])

    @Test("two runs rejected with the same code for one creator give one pending signal with sample size 2")
    func twoRuns() throws {
        let store = InMemoryLearningSignalStore()
        try store.record(SignalProducer.observations(for: [Self.flyer], run: Self.run("r1")))
        try store.record(SignalProducer.observations(for: [Self.flyer], run: Self.run("r2", at: "2026-03-02T10:00:00.000Z")))
        let pending = try store.pendingSignals()
        #expect(pending.count == 1)
        #expect(pending[0].sampleSize == 2)
        #expect(pending[0].runIds == ["r1", "r2"])
        #expect(pending[0].lastSeenAt == "2026-03-02T10:00:00.000Z")
        #expect(pending[0].title == "Flyer Requirement Violation (ivy_lane)")
        #expect(pending[0].appliesTo == "creator:ivy_lane")
    }

    @Test("one run that retries counts once, even when recorded twice")
    func retries() throws {
        let store = InMemoryLearningSignalStore()
        let observations = SignalProducer.observations(for: [Self.flyer, Self.flyer, Self.flyer], run: Self.run("r1"))
        #expect(observations.count == 1)
        try store.record(observations)
        try store.record(observations)
        #expect(try store.pendingSignals().map(\.sampleSize) == [1])
    }

    @Test("one candidate HIGH per distinct hard-gate code")
    func distinctCodes() {
        let outcome = ValidatorOutcome(status: "REJECTED", violations: [
            .init(code: "VAULT_VIOLATION", subjects: ["a"]), .init(code: "TIMING_COLLISION"), .init(code: "VAULT_VIOLATION", subjects: ["b"]),
            .init(code: "LOW_QUALITY_SCORE"),
        ])
        let observations = SignalProducer.observations(for: [outcome], run: Self.run("r1"))
        #expect(observations.map(\.violationCode) == ["VAULT_VIOLATION", "TIMING_COLLISION"])
        #expect(observations[0].subjects == ["a", "b"])
        #expect(observations.allSatisfy { $0.confidence == .high && $0.kind == .violation && $0.source == "validation" })
    }

    @Test("no signal from NEEDS_REVIEW, VALIDATION_ERROR, a LOW_QUALITY_SCORE-only rejection or a read-only run",
          arguments: [
            ValidatorOutcome(status: "NEEDS_REVIEW", qualityScore: 80),
            ValidatorOutcome(status: "VALIDATION_ERROR", violations: [.init(code: "VALIDATION_ERROR")]),
            ValidatorOutcome(status: "REJECTED", violations: [.init(code: "LOW_QUALITY_SCORE")]),
            ValidatorOutcome(status: "APPROVED", qualityScore: 84, distinctSendTypes: 12),
          ])
    func noSignal(outcome: ValidatorOutcome) {
        #expect(SignalProducer.observations(for: [outcome], run: Self.run("r1")).isEmpty)
    }

    @Test("read-only, mock and test runs record nothing")
    func readOnly() {
        #expect(SignalProducer.observations(for: [Self.flyer], run: Self.run("r1", counts: false)).isEmpty)
    }

    @Test("approvals with quality 85 or more give one MEDIUM quality pattern per diversity band")
    func qualityPatterns() throws {
        let store = InMemoryLearningSignalStore()
        for (i, distinct) in [12, 13, 16].enumerated() {
            let outcome = ValidatorOutcome(status: "APPROVED", qualityScore: 88 + i, distinctSendTypes: distinct)
            try store.record(SignalProducer.observations(for: [outcome], run: Self.run("r\(i)")))
        }
        let pending = try store.pendingSignals()
        #expect(pending.count == 2)
        let band = try #require(pending.first { $0.patternKey == "weekly schedule using 12-13 distinct send types" })
        #expect(band.sampleSize == 2)
        #expect(band.qualityTotal == 88 + 89)
        #expect(band.meanQuality == 89)
        #expect(band.title == "Approved Schedules Use 12-13 Send Types (ivy_lane)")
        #expect(SignalProducer.band(10) == "10-11" && SignalProducer.band(15) == "14-15" && SignalProducer.band(30) == "16+")
    }

    @Test("consumed and dismissed signals are never reopened: the same key starts a new pending row")
    func neverReopened() throws {
        let store = InMemoryLearningSignalStore()
        try store.record(SignalProducer.observations(for: [Self.flyer], run: Self.run("r1")))
        try store.consume([SignalResolution(signalId: 1, learningId: "x/y")], at: "2026-03-02T00:00:00.000Z")
        try store.record(SignalProducer.observations(for: [Self.flyer], run: Self.run("r2")))
        #expect(try store.pendingSignals().map(\.id) == [2])
        try store.dismiss(id: 2, note: "misconfigured run", at: "2026-03-02T00:00:00.000Z")
        #expect(try store.pendingSignals().isEmpty)
        #expect(throws: SignalStoreError.notPending(2, .dismissed)) { try store.dismiss(id: 2, note: "again", at: "x") }
        #expect(store.allSignals().map(\.status) == [.consumed, .dismissed])
    }

    @Test("pattern keys are lowercased, whitespace-collapsed, without trailing punctuation")
    func patternKey() {
        #expect(SignalAggregation.patternKey("  Weekly   Schedule using\t10-11 types.!") == "weekly schedule using 10-11 types")
    }
}
