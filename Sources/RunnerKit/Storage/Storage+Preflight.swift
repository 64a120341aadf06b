import Foundation
import GRDB

extension Storage {
    /// Read-only checks before the pool opens, so a refused file is never modified: it is a
    /// SQLite file, belongs to EROS and its schema is not newer than this binary (§1.1, §1.3).
    static func preflight(path: String, shownAs: String) throws {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
            try queue.read { db in
                try checkSQLiteVersion(db)
                try checkIdentity(db, shownAs: shownAs)
                try checkSchemaVersion(db)
            }
            try queue.close()
        } catch let error as StorageError {
            throw error
        } catch let error as DatabaseError {
            throw StorageError.cannotOpen(
                path: shownAs, message: error.message ?? "SQLite error \(error.resultCode.rawValue)")
        } catch {
            throw StorageError.cannotOpen(path: shownAs, message: String(describing: error))
        }
    }

    /// Refuses SQLite older than 3.35.0.
    static func checkSQLiteVersion(_ db: Database) throws {
        let version = try String.fetchOne(db.cachedStatement(sql: "SELECT sqlite_version()")) ?? "0"
        let parts = version.split(separator: ".").map { Int($0) ?? 0 }
        let number = (parts.first ?? 0) * 1_000_000 + (parts.count > 1 ? parts[1] : 0) * 1000
        if number < 3_035_000 { throw StorageError.sqliteTooOld(found: version) }
    }

    /// Refuses a foreign application id, and a non-empty SQLite file that was never a runner database.
    static func checkIdentity(_ db: Database, shownAs: String) throws {
        let id = try Int32.fetchOne(db.cachedStatement(sql: "PRAGMA application_id")) ?? 0
        if id != 0 && id != applicationID { throw StorageError.notErosDatabase(path: shownAs) }
        if id == 0 {
            let tables = try String.fetchAll(
                db.cachedStatement(sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
            if !tables.isEmpty && !tables.contains("schema_info") {
                throw StorageError.notErosDatabase(path: shownAs)
            }
        }
    }

    /// SCHEMA_TOO_NEW when schema_info or grdb_migrations name more than this binary knows.
    static func checkSchemaVersion(_ db: Database) throws {
        let supported = SchemaMigrations.latestVersion
        var found = 0
        if try db.tableExists("schema_info") {
            found = try Int.fetchOne(db.cachedStatement(sql: "SELECT schema_version FROM schema_info WHERE id = 1")) ?? 0
        }
        if try db.tableExists("grdb_migrations") {
            let applied = try String.fetchAll(db.cachedStatement(sql: "SELECT identifier FROM grdb_migrations"))
            let unknown = applied.filter { !SchemaMigrations.identifiers.contains($0) }
            if !unknown.isEmpty { found = max(found, supported + 1, applied.count) }
        }
        if found > supported { throw StorageError.schemaTooNew(found: found, supported: supported) }
    }

    /// The schema version recorded in schema_info (0 before the first migration).
    public func schemaVersion() throws -> Int {
        try read { db in try Int.fetchOne(db.cachedStatement(sql: "SELECT schema_version FROM schema_info WHERE id = 1")) ?? 0 }
    }
}
