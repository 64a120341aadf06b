import Foundation
import GRDB

/// The one embedded database (data-model.md §1): a WAL `DatabasePool` with the connection
/// settings of §1.2, opened only after the schema checks of §1.3 passed.
public final class Storage: Sendable {
    /// The application id stamped into every runner database ("EROS").
    public static let applicationID: Int32 = 0x4552_4F53
    /// The busy timeout of §1.2.
    public static let busyTimeout: TimeInterval = 5

    /// Absolute path of the database file.
    public let path: String
    /// The clock every timestamp written through this storage comes from.
    public let clock: RunnerClock
    /// The runner version recorded in schema_info.
    public let runnerVersion: String
    let pool: DatabasePool

    private init(path: String, clock: RunnerClock, runnerVersion: String, pool: DatabasePool) {
        self.path = path
        self.clock = clock
        self.runnerVersion = runnerVersion
        self.pool = pool
    }

    /// Opens (and with `create`, creates) the database at `path`, checks it and applies pending
    /// migrations. Throws `StorageError` only.
    public static func open(
        path: String, create: Bool, clock: RunnerClock, runnerVersion: String = "unknown"
    ) throws -> Storage {
        let absolute = absolutePath(path)
        let exists = FileManager.default.fileExists(atPath: absolute)
        if !exists && !create { throw StorageError.databaseMissing(path: path) }
        if exists { try preflight(path: absolute, shownAs: path) }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: absolute, configuration: configuration())
        } catch {
            throw openError(error, path: path)
        }
        do {
            try pool.writeWithoutTransaction { db in
                try checkSQLiteVersion(db)
                try checkIdentity(db, shownAs: path)
                let id = try Int32.fetchOne(db.cachedStatement(sql: "PRAGMA application_id")) ?? 0
                if id == 0 { try db.execute(sql: "PRAGMA application_id = \(applicationID)") }
            }
            try SchemaMigrations.migrator(clock: clock, runnerVersion: runnerVersion).migrate(pool)
        } catch let error as StorageError {
            throw error
        } catch {
            throw openError(error, path: path)
        }
        return Storage(path: absolute, clock: clock, runnerVersion: runnerVersion, pool: pool)
    }

    /// Closes every connection. GRDB closes the writer before its read-only readers, which cannot
    /// checkpoint, so a last short-lived writable connection checkpoints and removes -wal/-shm
    /// (unless another process still has the file open).
    public func close() throws {
        do {
            try pool.close()
            let last = try DatabaseQueue(path: path, configuration: Storage.configuration())
            try last.close()
        } catch {
            throw StorageError.wrap(error)
        }
    }

    /// Runs `body` in one read transaction (one snapshot); errors become `StorageError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as ToolFailure {
            throw error
        } catch let error as any RunnerError {
            throw error
        } catch {
            throw StorageError.wrap(error)
        }
    }

    /// Runs `body` in one immediate write transaction, rolled back when it throws.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as ToolFailure {
            throw error
        } catch let error as any RunnerError {
            throw error
        } catch {
            throw StorageError.wrap(error)
        }
    }

    /// The connection settings of §1.2.
    static func configuration(readonly: Bool = false) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "eros"
        if !readonly {
            config.prepareDatabase { db in try db.executeCached(sql: "PRAGMA synchronous = NORMAL") }
        }
        return config
    }

    /// `path` resolved against the working directory.
    static func absolutePath(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }

    private static func openError(_ error: any Error, path: String) -> StorageError {
        if let storage = error as? StorageError { return storage }
        if let db = error as? DatabaseError {
            if db.resultCode == .SQLITE_BUSY || db.resultCode == .SQLITE_LOCKED { return .busy }
            return .cannotOpen(path: path, message: db.message ?? "SQLite error \(db.resultCode.rawValue)")
        }
        return .cannotOpen(path: path, message: String(describing: error))
    }
}

extension Database {
    /// Executes one SQL statement through this connection's statement cache: the per-run writes
    /// (phase attempts, run rows, signals) repeat the same few statements for every creator, and
    /// preparing them anew each time cost more than running them.
    func executeCached(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
