import Foundation
import Testing

@testable import RunnerKit

/// The two `LearningSignalStore` implementations under one behaviour suite.
enum SignalStoreKind: String, CaseIterable, CustomTestStringConvertible {
    case memory, database

    /// The name shown in test output.
    var testDescription: String { rawValue + " store" }

    /// A fresh, empty store (a new temporary database file for `database`).
    func make() throws -> SignalStoreUnderTest {
        switch self {
        case .memory:
            let store = InMemoryLearningSignalStore()
            return SignalStoreUnderTest(store: store, all: { store.allSignals() }, directory: nil)
        case .database:
            let directory = TempDirectory()
            let storage = try Storage.open(path: directory.path("signals.db"), create: true, clock: StorageFixture.clock)
            let store = LearningSignalDatabaseStore(storage: storage)
            return SignalStoreUnderTest(store: store, all: { try store.allSignals() }, directory: directory)
        }
    }
}

/// A store plus a way to list every row; keeps its temporary directory alive.
struct SignalStoreUnderTest {
    let store: any LearningSignalStore
    let all: () throws -> [LearningSignal]
    let directory: TempDirectory?
}

/// Observations shared by the signal store tests.
enum SignalFixture {
    /// A run context for `page`, finishing at `time`.
    static func run(_ id: String, page: String = "ivy_lane", at time: String = "2026-03-01T10:00:00.000Z") -> SignalRunContext {
        SignalRunContext(runId: id, pageName: page, finishedAt: time, countsForLearning: true)
    }

    /// A flyer rejection with one offending subject.
    static func flyer(_ subjects: [String] = ["live_promo"]) -> ValidatorOutcome {
        ValidatorOutcome(status: "REJECTED", qualityScore: 70,
                         violations: [.init(code: "FLYER_REQUIREMENT_VIOLATION", subjects: subjects)])
    }

    /// The observations of one validator outcome.
    static func observations(_ outcome: ValidatorOutcome, _ run: SignalRunContext) -> [SignalObservation] {
        SignalProducer.observations(for: [outcome], run: run)
    }

    /// A LOW performance observation (kind reserved in this version, built by hand).
    static func low(_ run: String, at time: String) -> SignalObservation {
        SignalObservation(
            kind: .performance, confidence: .low, source: "performance", violationCode: nil, appliesTo: "tier:STANDARD",
            patternKey: SignalAggregation.patternKey("Midday link drops lift opens."), title: "Midday Link Drops",
            fields: ["Observation": "Midday link drops lift opens", "Hypothesis": "Lunch break browsing"],
            subjects: [], runId: run, sampleSize: 3, qualityScore: nil, seenAt: time)
    }
}
