import Foundation
import Testing

@testable import RunnerKit

/// The behaviour every `LearningSignalStore` shares (learnings.md §5.2), run against both implementations.
@Suite("Learning signal stores behave alike")
struct SignalStoreBehaviourTests {
    typealias F = SignalFixture

    @Test("two runs rejected with the same code give one pending signal with sample 2 and merged subjects",
          arguments: SignalStoreKind.allCases)
    func twoRunsAggregate(kind: SignalStoreKind) throws {
        let sut = try kind.make()
        try sut.store.record(F.observations(F.flyer(["live_promo"]), F.run("r1")))
        try sut.store.record(F.observations(F.flyer(["bundle", "live_promo"]), F.run("r2", at: "2026-03-02T10:00:00.000Z")))
        let pending = try sut.store.pendingSignals()
        #expect(pending.count == 1)
        let signal = try #require(pending.first)
        #expect(signal.sampleSize == 2)
        #expect(signal.runIds == ["r1", "r2"])
        #expect(signal.subjects == ["live_promo", "bundle"])
        #expect(signal.firstSeenAt == "2026-03-01T10:00:00.000Z")
        #expect(signal.lastSeenAt == "2026-03-02T10:00:00.000Z")
        #expect(signal.title == "Flyer Requirement Violation (ivy_lane)")
        #expect(signal.violationCode == "FLYER_REQUIREMENT_VIOLATION")
        #expect(signal.appliesTo == "creator:ivy_lane")
        #expect(signal.status == .pending)
    }

    @Test("a run recorded twice counts once", arguments: SignalStoreKind.allCases)
    func runCountsOnce(kind: SignalStoreKind) throws {
        let sut = try kind.make()
        let observations = F.observations(F.flyer(), F.run("r1"))
        try sut.store.record(observations)
        try sut.store.record(observations)
        #expect(try sut.store.pendingSignals().map(\.sampleSize) == [1])
        #expect(try sut.all().count == 1)
    }

    @Test("different creators and different codes make separate signals", arguments: SignalStoreKind.allCases)
    func separateKeys(kind: SignalStoreKind) throws {
        let sut = try kind.make()
        try sut.store.record(F.observations(F.flyer(), F.run("r1", page: "ivy_lane")))
        try sut.store.record(F.observations(F.flyer(), F.run("r2", page: "alexia")))
        let timing = ValidatorOutcome(status: "REJECTED", violations: [.init(code: "TIMING_COLLISION")])
        try sut.store.record(F.observations(timing, F.run("r3", page: "alexia")))
        #expect(try sut.store.pendingSignals().count == 3)
    }

    @Test("approvals sum their quality per diversity band", arguments: SignalStoreKind.allCases)
    func qualityBands(kind: SignalStoreKind) throws {
        let sut = try kind.make()
        for (i, distinct) in [12, 13, 16].enumerated() {
            let outcome = ValidatorOutcome(status: "APPROVED", qualityScore: 88 + i, distinctSendTypes: distinct)
            try sut.store.record(F.observations(outcome, F.run("r\(i)")))
        }
        let pending = try sut.store.pendingSignals()
        #expect(pending.count == 2)
        let band = try #require(pending.first { $0.patternKey == "weekly schedule using 12-13 distinct send types" })
        #expect(band.sampleSize == 2)
        #expect(band.qualityTotal == 177)
        #expect(band.meanQuality == 89)
        #expect(band.fields["Pattern"] == "Weekly schedule using 12-13 distinct send types")
    }

    @Test("pending signals come HIGH, MEDIUM, LOW, then by first seen, then by id", arguments: SignalStoreKind.allCases)
    func reflectOrder(kind: SignalStoreKind) throws {
        let sut = try kind.make()
        try sut.store.record([F.low("r0", at: "2026-02-01T00:00:00.000Z")])
        let approval = ValidatorOutcome(status: "APPROVED", qualityScore: 90, distinctSendTypes: 14)
        try sut.store.record(F.observations(approval, F.run("r1", at: "2026-02-02T00:00:00.000Z")))
        try sut.store.record(F.observations(F.flyer(), F.run("r2", page: "b", at: "2026-03-05T00:00:00.000Z")))
        try sut.store.record(F.observations(F.flyer(), F.run("r3", page: "a", at: "2026-03-01T00:00:00.000Z")))
        try sut.store.record(F.observations(F.flyer(), F.run("r4", page: "c", at: "2026-03-01T00:00:00.000Z")))
        #expect(try sut.store.pendingSignals().map(\.id) == [4, 5, 3, 2, 1])
    }

    @Test("consumed and dismissed signals are never reopened; the same key starts a new pending row",
          arguments: SignalStoreKind.allCases)
    func neverReopened(kind: SignalStoreKind) throws {
        let sut = try kind.make()
        try sut.store.record(F.observations(F.flyer(), F.run("r1")))
        try sut.store.consume([SignalResolution(signalId: 1, learningId: "2026-03-02/x")], at: "2026-03-02T00:00:00.000Z")
        try sut.store.record(F.observations(F.flyer(), F.run("r2")))
        #expect(try sut.store.pendingSignals().map(\.id) == [2])
        try sut.store.dismiss(id: 2, note: "misconfigured run", at: "2026-03-03T00:00:00.000Z")
        #expect(try sut.store.pendingSignals().isEmpty)
        let rows = try sut.all()
        #expect(rows.map(\.status) == [.consumed, .dismissed])
        #expect(rows[0].learningId == "2026-03-02/x" && rows[0].resolvedAt == "2026-03-02T00:00:00.000Z")
        #expect(rows[1].note == "misconfigured run" && rows[1].resolvedAt == "2026-03-03T00:00:00.000Z")
        #expect(rows[1].learningId == nil)
    }

    @Test("dismissing or consuming an unknown or resolved signal is refused", arguments: SignalStoreKind.allCases)
    func refusals(kind: SignalStoreKind) throws {
        let sut = try kind.make()
        try sut.store.record(F.observations(F.flyer(), F.run("r1")))
        #expect(throws: SignalStoreError.unknownSignal(9)) { try sut.store.dismiss(id: 9, note: "n", at: "t") }
        try sut.store.dismiss(id: 1, note: "noise", at: "2026-03-02T00:00:00.000Z")
        #expect(throws: SignalStoreError.notPending(1, .dismissed)) { try sut.store.dismiss(id: 1, note: "again", at: "t") }
        #expect(throws: SignalStoreError.notPending(1, .dismissed)) {
            try sut.store.consume([SignalResolution(signalId: 1, learningId: "x")], at: "t")
        }
        #expect(try sut.store.signal(id: 1)?.note == "noise")
        #expect(try sut.store.signal(id: 42) == nil)
    }

    @Test("consume is all or nothing", arguments: SignalStoreKind.allCases)
    func consumeAllOrNothing(kind: SignalStoreKind) throws {
        let sut = try kind.make()
        try sut.store.record(F.observations(F.flyer(), F.run("r1")))
        let resolutions = [SignalResolution(signalId: 1, learningId: "a"), SignalResolution(signalId: 99, learningId: "b")]
        #expect(throws: SignalStoreError.unknownSignal(99)) { try sut.store.consume(resolutions, at: "2026-03-02T00:00:00.000Z") }
        #expect(try sut.store.signal(id: 1)?.status == .pending)
        #expect(try sut.store.signal(id: 1)?.learningId == nil)
    }

    @Test("both stores hold identical rows after the same history")
    func parity() throws {
        let histories = try SignalStoreKind.allCases.map { kind -> [LearningSignal] in
            let sut = try kind.make()
            try sut.store.record(F.observations(F.flyer(["a", "b"]), F.run("r1")))
            try sut.store.record(F.observations(F.flyer(["b", "c"]), F.run("r2", at: "2026-03-04T00:00:00.000Z")))
            try sut.store.record([F.low("r3", at: "2026-03-02T00:00:00.000Z"), F.low("r4", at: "2026-03-03T00:00:00.000Z")])
            let approval = ValidatorOutcome(status: "APPROVED", qualityScore: 93, distinctSendTypes: 11)
            try sut.store.record(F.observations(approval, F.run("r5", page: "alexia")))
            try sut.store.consume([SignalResolution(signalId: 3, learningId: "2026-03-07/q")], at: "2026-03-07T00:00:00.000Z")
            try sut.store.dismiss(id: 2, note: "noise", at: "2026-03-07T00:00:01.000Z")
            try sut.store.record(F.observations(F.flyer(), F.run("r6")))
            return try sut.all()
        }
        #expect(histories[0].count == 3)
        #expect(histories[0] == histories[1])
    }
}
