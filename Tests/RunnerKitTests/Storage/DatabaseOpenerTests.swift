import Foundation
import Testing

@testable import RunnerKit

@Suite("Database creation rule")
struct DatabaseOpenerTests {
    @Test("a missing default database is created with the sample dataset and no temp, -wal or -shm file is left")
    func createsDefault() throws {
        let dir = TempDirectory()
        let path = dir.path("eros.db")
        let (storage, created) = try DatabaseOpener.open(
            path: path, explicit: false, mayCreate: true, clock: StorageFixture.clock)
        #expect(created)
        #expect(try SampleDataset.rowCounts(of: storage)["creators"] == 40)
        try storage.close()
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        #expect(names == ["eros.db"])
    }

    @Test("a command that may not create refuses a missing default database")
    func mayNotCreate() throws {
        let dir = TempDirectory()
        #expect(throws: StorageError.self) {
            _ = try DatabaseOpener.open(path: dir.path("eros.db"), explicit: false, mayCreate: false, clock: StorageFixture.clock)
        }
    }

    @Test("four concurrent opens of a fresh default path end with one database and one creation")
    func concurrentCreation() async throws {
        let dir = TempDirectory()
        let path = dir.path("eros.db")
        let created = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let (storage, created) = try DatabaseOpener.open(
                        path: path, explicit: false, mayCreate: true, clock: StorageFixture.clock)
                    #expect(try SampleDataset.rowCounts(of: storage)["creators"] == 40)
                    try storage.close()
                    return created
                }
            }
            var flags: [Bool] = []
            for try await flag in group { flags.append(flag) }
            return flags
        }
        #expect(created.filter { $0 }.count == 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        #expect(names == ["eros.db"])
    }
}
