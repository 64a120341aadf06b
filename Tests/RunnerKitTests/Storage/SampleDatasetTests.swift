import Foundation
import GRDB
import Testing

@testable import RunnerKit

@Suite("Sample dataset")
struct SampleDatasetTests {
    @Test("row counts match data-model.md §6.5")
    func rowCounts() throws {
        let dir = TempDirectory()
        let storage = try StorageFixture.sampleDatabase(dir)
        let counts = try SampleDataset.rowCounts(of: storage)
        #expect(counts["content_types"] == 30)
        #expect(counts["send_types"] == 23)
        #expect(counts["creators"] == 40)
        #expect(counts["volume_assignments"] == 42)
        #expect(counts["mass_messages"] == 3076)
        #expect((450...650).contains(counts["top_content_types"]!))
        #expect((468...585).contains(counts["vault_matrix"]!))
        #expect(counts["creator_personas"] == 31)
        #expect(counts["caption_bank"] == 973)
        #expect((450...900).contains(counts["caption_creator_performance"]!))
        #expect(counts["volume_triggers"] == 21)
        #expect(counts["schedule_templates"] == 12)
        let sqls = [
            "SELECT count(*) FROM send_types WHERE is_active = 1": 22,
            "SELECT count(*) FROM creators WHERE is_active = 1": 37,
            "SELECT count(*) FROM volume_assignments WHERE is_active = 1": 32,
            "SELECT count(DISTINCT creator_id) FROM mass_messages": 33,
            "SELECT count(DISTINCT creator_id) FROM top_content_types": 36,
            "SELECT count(DISTINCT creator_id) FROM vault_matrix": 39,
            "SELECT count(DISTINCT creator_id) FROM caption_creator_performance": 15,
            "SELECT count(*) FROM rollback_state WHERE state = 'ACTIVE'": 1,
            "SELECT count(*) FROM audit_log WHERE action = 'dataset.seeded'": 1,
            "SELECT count(*) FROM runs": 0, "SELECT count(*) FROM run_phases": 0,
            "SELECT count(*) FROM shadow_comparisons": 0, "SELECT count(*) FROM rollback_events": 0,
            "SELECT count(*) FROM alert_states": 0, "SELECT count(*) FROM alert_events": 0,
            "SELECT count(*) FROM notification_attempts": 0, "SELECT count(*) FROM applied_configs": 0,
            "SELECT count(*) FROM learning_signals": 0,
        ]
        for (sql, expected) in sqls {
            let found = try storage.read { db in try Int.fetchOne(db, sql: sql) }
            #expect(found == expected, "\(sql)")
        }
    }

    @Test("two generations with the same as-of give the same digest; another as-of shifts dates, not counts")
    func determinism() throws {
        let dir = TempDirectory()
        let a = try StorageFixture.sampleDatabase(dir, name: "a.db", fresh: true)
        let b = try StorageFixture.sampleDatabase(dir, name: "b.db", fresh: true)
        let c = try StorageFixture.sampleDatabase(dir, name: "c.db", asOf: "2026-01-01")
        #expect(try SampleDataset.digest(of: a) == SampleDataset.digest(of: b))
        #expect(try SampleDataset.digest(of: a) != SampleDataset.digest(of: c))
        #expect(try SampleDataset.rowCounts(of: a) == SampleDataset.rowCounts(of: c))
    }

    @Test("sample creator ids are cr_ plus hex16 of the page name and ids keep their shape")
    func creatorIDs() throws {
        let dir = TempDirectory()
        let storage = try StorageFixture.sampleDatabase(dir)
        let id = try storage.read { db in
            try String.fetchOne(db, sql: "SELECT creator_id FROM creators WHERE page_name = 'alexia'")
        }
        #expect(id == StorageFixture.id("alexia"))
        #expect(id?.count == 19)
    }

    @Test("loading the sample into a database that has domain rows is refused and writes nothing")
    func refusesSecondLoad() throws {
        let dir = TempDirectory()
        let storage = try StorageFixture.sampleDatabase(dir)
        let digest = try SampleDataset.digest(of: storage)
        #expect(throws: StorageError.self) { _ = try SampleDataset.load(into: storage, asOf: "2026-02-02") }
        #expect(try SampleDataset.digest(of: storage) == digest)
        #expect(StorageError.sampleAlreadyLoaded(path: "x", table: "creators").exitStatus == .badInput)
    }

    @Test("fewer than 40 creators or a malformed as-of is refused with exit 2")
    func badArguments() throws {
        let dir = TempDirectory()
        let storage = try Storage.open(path: dir.path("a.db"), create: true, clock: StorageFixture.clock)
        #expect(throws: StorageError.invalidCreatorCount(39)) {
            _ = try SampleDataset.load(into: storage, asOf: "2026-01-05", creators: 39)
        }
        #expect(throws: StorageError.invalidAsOf("2026-1-5")) {
            _ = try SampleDataset.load(into: storage, asOf: "2026-1-5")
        }
        #expect(StorageError.invalidCreatorCount(39).exitStatus == .badInput)
    }

    @Test("filler creators are appended above 40", arguments: [45])
    func fillers(count: Int) throws {
        let dir = TempDirectory()
        let storage = try Storage.open(path: dir.path("a.db"), create: true, clock: StorageFixture.clock)
        let summary = try SampleDataset.load(into: storage, asOf: "2026-01-05", creators: count)
        #expect(summary.rowCounts["creators"] == count)
        let premium = try storage.read { db in
            try Double.fetchOne(db, sql: "SELECT current_message_net FROM creators WHERE page_name = 'sample_creator_0045'")
        }
        #expect(premium == 12000.45)
    }

    @Test("the sample survives a New Year as-of with its health pattern intact", arguments: ["2026-01-01", "2025-12-31", "2026-01-07"])
    func newYear(asOf: String) throws {
        let dir = TempDirectory()
        let storage = try Storage.open(path: dir.path("a.db"), create: true, clock: StorageFixture.clock)
        let summary = try SampleDataset.load(into: storage, asOf: asOf)
        #expect(summary.rowCounts["mass_messages"] == 3076)
    }
}
