import Foundation
import RunnerKit

/// A temporary directory per test, removed when the value is dropped.
final class TempDirectory: Sendable {
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

    /// A fresh database with the sample dataset in `dir`. The default as-of copies a template
    /// generated once per test process (generation takes about a second in debug builds).
    static func sampleDatabase(
        _ dir: TempDirectory, name: String = "eros.db", asOf: String = asOf, fresh: Bool = false
    ) throws -> Storage {
        if !fresh, asOf == Self.asOf, let template = template {
            try FileManager.default.copyItem(atPath: template, toPath: dir.path(name))
            return try Storage.open(path: dir.path(name), create: false, clock: clock)
        }
        let storage = try Storage.open(path: dir.path(name), create: true, clock: clock)
        _ = try SampleDataset.load(into: storage, asOf: asOf)
        return storage
    }

    /// A closed sample database as of `asOf`, built on first use.
    private static let template: String? = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eros-template-\(UUID().uuidString).db").path
        guard let storage = try? Storage.open(path: path, create: true, clock: clock),
            (try? SampleDataset.load(into: storage, asOf: asOf)) != nil, (try? storage.close()) != nil
        else { return nil }
        return path
    }()

    /// The sample creator id of a page name.
    static func id(_ page: String) -> String { "cr_" + HashText.hex16("eros-sample:" + page) }
}
