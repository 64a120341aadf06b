import Foundation
import GRDB

/// The data-layer health report of `runner diagnose db` (operations.md §12).
public struct DatabaseDiagnosis: Codable, Sendable {
    /// One named check and its outcome.
    public struct Check: Codable, Sendable {
        public var name: String
        public var ok: Bool
        public var detail: String
    }
    /// The timed active-creators probe.
    public struct Probe: Codable, Sendable {
        public var query: String
        public var ok: Bool
        public var duration_ms: Double
        public var rows: Int
        @Nullable public var error: String?
    }

    public var path: String
    public var exists: Bool
    public var readable: Bool
    public var writable: Bool
    public var directory_writable: Bool
    public var journal_mode: String
    public var schema_version: Int
    public var supported_schema_version: Int
    public var sqlite_version: String
    public var operations_tables: [String: Bool]
    public var row_counts: [String: Int]
    public var probe: Probe
    public var checks: [Check]
    /// True when every check passed.
    public var ok: Bool

    /// Inspects an open database; never throws (a failed query becomes a failed check).
    public static func run(_ storage: Storage) -> DatabaseDiagnosis {
        let fm = FileManager.default
        let path = storage.path
        let directory = (path as NSString).deletingLastPathComponent
        var journal = "unknown"
        var version = 0
        var sqlite = "unknown"
        var tables: [String: Bool] = [:]
        var counts: [String: Int] = [:]
        var readError: String?
        do {
            try storage.read { db in
                journal = try String.fetchOne(db.cachedStatement(sql: "PRAGMA journal_mode")) ?? "unknown"
                version = try Int.fetchOne(db.cachedStatement(sql: "SELECT schema_version FROM schema_info WHERE id = 1")) ?? 0
                sqlite = try String.fetchOne(db.cachedStatement(sql: "SELECT sqlite_version()")) ?? "unknown"
                for table in OperationsSchema.tables { tables[table] = try db.tableExists(table) }
                for table in DomainSchema.tables + OperationsSchema.tables where try db.tableExists(table) {
                    counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
                }
            }
        } catch {
            readError = StorageError.wrap(error).description
        }
        let started = ContinuousClock.now
        let result = DataTools(storage: storage).getActiveCreators(["limit": 1])
        let elapsed = (ContinuousClock.now - started) / .milliseconds(1)
        let probe = Probe(
            query: "get_active_creators limit 1", ok: result.error_code == nil, duration_ms: (elapsed * 10).rounded() / 10,
            rows: result.count, error: result.error)
        var d = DatabaseDiagnosis(
            path: path, exists: fm.fileExists(atPath: path), readable: fm.isReadableFile(atPath: path),
            writable: fm.isWritableFile(atPath: path), directory_writable: fm.isWritableFile(atPath: directory),
            journal_mode: journal, schema_version: version, supported_schema_version: SchemaMigrations.latestVersion,
            sqlite_version: sqlite, operations_tables: tables, row_counts: counts, probe: probe, checks: [], ok: true)
        let missing = tables.filter { !$0.value }.keys.sorted()
        d.checks = [
            Check(name: "exists", ok: d.exists, detail: d.exists ? "file present" : "file missing"),
            Check(name: "readable", ok: d.readable && readError == nil, detail: readError ?? "schema readable"),
            Check(name: "writable", ok: d.writable && d.directory_writable,
                  detail: d.writable && d.directory_writable ? "file and directory writable" : "file or directory not writable (WAL needs both)"),
            Check(name: "wal", ok: journal == "wal", detail: "journal_mode \(journal)"),
            Check(name: "schema_version", ok: version == SchemaMigrations.latestVersion,
                  detail: "schema version \(version), this runner supports \(SchemaMigrations.latestVersion)"),
            Check(name: "operations_tables", ok: missing.isEmpty && !tables.isEmpty,
                  detail: missing.isEmpty ? "\(tables.count) present" : "missing: \(missing.joined(separator: ", "))"),
            Check(name: "probe", ok: probe.ok, detail: probe.error ?? "\(probe.rows) row in \(probe.duration_ms) ms"),
        ]
        d.ok = d.checks.allSatisfy(\.ok)
        return d
    }
}
