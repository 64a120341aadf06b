import Foundation
import GRDB
import Testing

@testable import RunnerKit

/// What only the database store has: SQL storage form, the partial unique index, the in-transaction variant.
@Suite("Learning signals in the database")
struct LearningSignalDatabaseStoreTests {
    typealias F = SignalFixture

    static func open(_ dir: TempDirectory) throws -> LearningSignalDatabaseStore {
        LearningSignalDatabaseStore(storage: try Storage.open(path: dir.path("eros.db"), create: true, clock: StorageFixture.clock))
    }

    @Test("rows store canonical JSON columns and the spec's column values")
    func storageForm() throws {
        let dir = TempDirectory()
        let store = try Self.open(dir)
        try store.record(F.observations(F.flyer(["live_promo"]), F.run("r1")))
        try store.record([F.low("r2", at: "2026-03-02T00:00:00.000Z")])
        let rows = try store.storage.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM learning_signals ORDER BY id") }
        #expect(rows.count == 2)
        #expect(rows[0]["kind"] as String == "violation")
        #expect(rows[0]["confidence"] as String == "HIGH")
        #expect(rows[0]["status"] as String == "pending")
        #expect(rows[0]["subjects_json"] as String == #"["live_promo"]"#)
        #expect(rows[0]["run_ids_json"] as String == #"["r1"]"#)
        #expect(rows[1]["kind"] as String == "performance")
        #expect(rows[1]["violation_code"] as String? == nil)
        #expect(rows[1]["fields_json"] as String == #"{"Hypothesis":"Lunch break browsing","Observation":"Midday link drops lift opens"}"#)
        #expect(rows[1]["quality_total"] as Int? == nil)
        #expect(rows[1]["sample_size"] as Int == 3)
    }

    @Test("the partial unique index allows one pending row per key but any number of resolved ones")
    func partialIndex() throws {
        let dir = TempDirectory()
        let store = try Self.open(dir)
        try store.record(F.observations(F.flyer(), F.run("r1")))
        let pending = try #require(try store.signal(id: 1))
        #expect(throws: DatabaseError.self) {
            try store.storage.pool.write { db in _ = try LearningSignalTable.insert(pending, in: db) }
        }
        try store.consume([SignalResolution(signalId: 1, learningId: "a")], at: "2026-03-02T00:00:00.000Z")
        try store.record(F.observations(F.flyer(), F.run("r2")))
        try store.consume([SignalResolution(signalId: 2, learningId: "a")], at: "2026-03-03T00:00:00.000Z")
        try store.record(F.observations(F.flyer(), F.run("r3")))
        #expect(try store.allSignals().map(\.status) == [.consumed, .consumed, .pending])
        #expect(try store.pendingSignals().map(\.runIds) == [["r3"]])
    }

    @Test("recording inside a caller's transaction rolls back with it")
    func rollsBackWithTransaction() throws {
        struct RunFailed: Error {}
        let dir = TempDirectory()
        let store = try Self.open(dir)
        try store.record(F.observations(F.flyer(), F.run("r1")))
        #expect(throws: RunFailed.self) {
            try store.storage.pool.write { db in
                let ids = try LearningSignalDatabaseStore.record(
                    F.observations(F.flyer(["bundle"]), F.run("r2")) + [F.low("r2", at: "2026-03-02T00:00:00.000Z")], in: db)
                #expect(ids == [1, 2])
                #expect(try LearningSignalTable.all(in: db).count == 2)
                throw RunFailed()
            }
        }
        let rows = try store.allSignals()
        #expect(rows.count == 1)
        #expect(rows[0].sampleSize == 1 && rows[0].runIds == ["r1"] && rows[0].subjects == ["live_promo"])
    }

    @Test("recording inside a caller's transaction commits with it and reports skipped repeats")
    func commitsWithTransaction() throws {
        let dir = TempDirectory()
        let store = try Self.open(dir)
        let ids = try store.storage.write { db in
            let first = try LearningSignalDatabaseStore.record(F.observations(F.flyer(), F.run("r1")), in: db)
            let again = try LearningSignalDatabaseStore.record(F.observations(F.flyer(), F.run("r1")), in: db)
            return first + again
        }
        #expect(ids == [1, nil])
        #expect(try store.pendingSignals().map(\.sampleSize) == [1])
    }

    @Test("recording on a connection outside any transaction is refused")
    func outsideTransaction() throws {
        let dir = TempDirectory()
        let store = try Self.open(dir)
        #expect(throws: LearningSignalStoreFailure.outsideTransaction) {
            try store.storage.pool.writeWithoutTransaction { db in
                try LearningSignalDatabaseStore.record(F.observations(F.flyer(), F.run("r1")), in: db)
            }
        }
        #expect(try store.allSignals().isEmpty)
    }

    @Test("malformed JSON columns read as empty instead of failing")
    func malformedJSON() throws {
        let dir = TempDirectory()
        let store = try Self.open(dir)
        try store.record(F.observations(F.flyer(), F.run("r1")))
        try store.storage.pool.write { db in
            try db.execute(sql: "UPDATE learning_signals SET subjects_json = 'not json', fields_json = NULL WHERE id = 1")
        }
        let signal = try #require(try store.signal(id: 1))
        #expect(signal.subjects.isEmpty && signal.fields.isEmpty)
        try store.record(F.observations(F.flyer(["bundle"]), F.run("r2")))
        #expect(try store.signal(id: 1)?.subjects == ["bundle"])
    }

    @Test("times are stored in the 24-character UTC form; a time that is no instant is refused and nothing is written")
    func timestamps() throws {
        let dir = TempDirectory()
        let store = try Self.open(dir)
        try store.record(F.observations(F.flyer(), F.run("r1", at: "2026-03-01T12:00:00+02:00")))
        #expect(try store.signal(id: 1)?.firstSeenAt == "2026-03-01T10:00:00.000Z")
        try store.dismiss(id: 1, note: "noise", at: "2026-03-02T08:00:00Z")
        #expect(try store.signal(id: 1)?.resolvedAt == "2026-03-02T08:00:00.000Z")
        let bad = F.observations(F.flyer(), F.run("r2")) + F.observations(F.flyer(), F.run("r3", page: "a", at: "yesterday"))
        #expect(throws: LearningSignalStoreFailure.invalidTimestamp("yesterday")) { try store.record(bad) }
        #expect(try store.allSignals().count == 1)
    }

    @Test("signals survive closing and reopening the database")
    func persists() throws {
        let dir = TempDirectory()
        let store = try Self.open(dir)
        try store.record(F.observations(F.flyer(), F.run("r1")))
        try store.storage.close()
        let reopened = try Self.open(dir)
        #expect(try reopened.pendingSignals().map(\.runIds) == [["r1"]])
    }
}
