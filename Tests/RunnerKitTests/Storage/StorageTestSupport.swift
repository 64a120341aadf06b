import Foundation
import RunnerKit

/// A temporary directory per test, removed when the value is dropped.
final class TempDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("eros-storage-" + UUID().uuidString)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }

    /// A path inside the directory.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Fixtures shared by the storage tests.
enum StorageFixture {
    /// The as-of date used by tests: a Monday, so W = as_of.
    static let asOf = "2026-01-05"

    /// A clock pinned to T0 = as_of 12:00Z.
    static let clock = RunnerClock(startingAt: Timestamp.parse("2026-01-05T12:00:00Z")!)

    /// A fresh database with the sample dataset in `dir`.
    static func sampleDatabase(_ dir: TempDirectory, name: String = "eros.db", asOf: String = asOf) throws -> Storage {
        let storage = try Storage.open(path: dir.path(name), create: true, clock: clock)
        _ = try SampleDataset.load(into: storage, asOf: asOf)
        return storage
    }

    /// The sample creator id of a page name.
    static func id(_ page: String) -> String { "cr_" + HashText.hex16("eros-sample:" + page) }
}
