import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opens the project database the way every command does, applying the creation rule of
/// cli.md / data-model.md §1.1 for a missing default `./eros.db`.
public enum DatabaseOpener {
    /// Opens `path`. A missing file is created with the sample dataset (as of the clock's today)
    /// only when the path is the default (`explicit` false) and the command `mayCreate`; otherwise
    /// a missing file fails with `databaseMissing` naming the path. `created` is true only for the
    /// process whose file won the no-replace rename.
    public static func open(
        path: String, explicit: Bool, mayCreate: Bool, clock: RunnerClock, runnerVersion: String = "unknown"
    ) throws -> (storage: Storage, created: Bool) {
        let absolute = Storage.absolutePath(path)
        if explicit || !mayCreate || FileManager.default.fileExists(atPath: absolute) {
            return (try Storage.open(path: path, create: false, clock: clock, runnerVersion: runnerVersion), false)
        }
        let created = try createWithSample(at: absolute, shownAs: path, clock: clock, runnerVersion: runnerVersion)
        return (try Storage.open(path: path, create: false, clock: clock, runnerVersion: runnerVersion), created)
    }

    /// Seeds a temporary file in the same directory, closes it (no -wal/-shm left) and links it
    /// into place only if nothing exists there yet. Returns false when another process won.
    static func createWithSample(
        at absolute: String, shownAs: String, clock: RunnerClock, runnerVersion: String
    ) throws -> Bool {
        let directory = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        let temp = directory + "/." + name + ".tmp-\(getpid())-" + UUID().uuidString.prefix(8).lowercased()
        defer { removeDatabaseFiles(temp) }
        let storage = try Storage.open(path: temp, create: true, clock: clock, runnerVersion: runnerVersion)
        do {
            _ = try SampleDataset.load(into: storage, asOf: clock.today(), actor: "runner@\(hostName()):\(getpid())")
            try storage.close()
        } catch {
            try? storage.close()
            throw error
        }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: temp + suffix) {
            throw StorageError.cannotOpen(path: shownAs, message: "temporary database left a \(suffix) file")
        }
        if link(temp, absolute) == 0 { return true }
        let code = errno
        if code == EEXIST { return false }
        throw StorageError.cannotOpen(path: shownAs, message: String(cString: strerror(code)))
    }

    /// Removes a database file and its -wal/-shm companions, ignoring missing ones.
    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    /// This host's name, for actor strings.
    public static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
