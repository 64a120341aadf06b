import Foundation
import GRDB
import Testing

@testable import RunnerKit

@Suite("The caption bank snapshot of execute's data source")
struct CaptionBankSnapshotTests {
    static let week = DayDate("2026-01-05")!

    @Test("a snapshotting source reads the bank once; creator usage is still read per load")
    func snapshot() throws {
        let dir = TempDirectory()
        let storage = try StorageFixture.sampleDatabase(dir)
        defer { try? storage.close() }
        let snapshotting = CreatorDataStore(storage: storage, snapshotCaptionBank: true)
        let plain = CreatorDataStore(storage: storage)
        let before = try snapshotting.loadCreatorData(creator: "alexia", weekStart: Self.week)
        #expect(try plain.loadCreatorData(creator: "alexia", weekStart: Self.week).captions == before.captions)
        let first = try #require(before.captions.first)
        try storage.write { db in
            try db.execute(
                sql: "UPDATE caption_bank SET caption_text = 'edited during the batch' WHERE caption_id = ?",
                arguments: [first.captionId])
            // Another creator's usage row for the same caption: loads must see it.
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO caption_creator_performance (caption_id, creator_id, times_used, last_used_date)
                    VALUES (?, ?, 1, '2025-12-01')
                    """, arguments: [first.captionId, StorageFixture.id("grace_bennett")])
        }
        let after = try snapshotting.loadCreatorData(creator: "alexia", weekStart: Self.week)
        #expect(after.captions.first?.text == first.text)
        #expect(try plain.loadCreatorData(creator: "alexia", weekStart: Self.week).captions.first?.text == "edited during the batch")
        let grace = try snapshotting.loadCreatorData(creator: "grace_bennett", weekStart: Self.week)
        #expect(grace.captions.first { $0.captionId == first.captionId }?.creatorLastUsedDate == "2025-12-01")
        #expect(after.captions.first { $0.captionId == first.captionId }?.creatorLastUsedDate == first.creatorLastUsedDate)
    }
}
