import Foundation
import GRDB

/// Why the database could not be opened, read or written (data-model.md §1).
public enum StorageError: RunnerError, Equatable {
    /// An explicitly given database path does not exist.
    case databaseMissing(path: String)
    /// SQLite could not open the file (permissions, read-only directory, not a database, ...).
    case cannotOpen(path: String, message: String)
    /// The file is a SQLite database that belongs to something else.
    case notErosDatabase(path: String)
    /// The linked SQLite library is older than 3.35.0.
    case sqliteTooOld(found: String)
    /// The file was written by a newer runner.
    case schemaTooNew(found: Int, supported: Int)
    /// The write lock was not obtained within the busy timeout.
    case busy
    /// Any other storage failure; carries SQLite's message, never SQL or bound values.
    case databaseError(message: String)
    /// `db init --sample` on a database whose domain tables already hold rows.
    case sampleAlreadyLoaded(path: String, table: String)
    /// `--creators N` below the roster size.
    case invalidCreatorCount(Int)
    /// `--as-of` is not a real YYYY-MM-DD date.
    case invalidAsOf(String)
    /// The sample generator's own consistency check failed (a bug, never bad input).
    case sampleInconsistent(String)

    /// The stable upper-snake-case code.
    public var code: String {
        switch self {
        case .databaseMissing: "DATABASE_MISSING"
        case .cannotOpen: "DATABASE_UNAVAILABLE"
        case .notErosDatabase: "NOT_EROS_DATABASE"
        case .sqliteTooOld: "SQLITE_TOO_OLD"
        case .schemaTooNew: "SCHEMA_TOO_NEW"
        case .busy: "DATABASE_BUSY"
        case .databaseError: "DATABASE_ERROR"
        case .sampleAlreadyLoaded: "SAMPLE_REFUSED"
        case .invalidCreatorCount, .invalidAsOf: "VALIDATION_ERROR"
        case .sampleInconsistent: "INTERNAL_ERROR"
        }
    }

    /// Database-unavailable conditions end a command with 4; refused input with 2.
    public var exitStatus: ExitStatus {
        switch self {
        case .sampleAlreadyLoaded, .invalidCreatorCount, .invalidAsOf: .badInput
        case .sampleInconsistent: .negative
        default: .databaseUnavailable
        }
    }

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .databaseMissing(let path):
            "database not found: \(path) (a database is only created automatically at the default ./eros.db; use `runner db init --db \(path)` to create one)"
        case .cannotOpen(let path, let message):
            "cannot open database \(path): \(message)"
        case .notErosDatabase(let path):
            "not an EROS runner database: \(path)"
        case .sqliteTooOld(let found):
            "SQLite 3.35.0 or newer required, found \(found)"
        case .schemaTooNew(let found, let supported):
            "Database schema version \(found) is newer than this runner supports (\(supported)). Upgrade the runner; the database was not modified."
        case .busy:
            "database is locked: the write lock was not obtained within 5 s"
        case .databaseError(let message):
            "Database error: \(message)"
        case .sampleAlreadyLoaded(let path, let table):
            "refusing to load the sample dataset into \(path): table \(table) already has rows"
        case .invalidCreatorCount(let n):
            "--creators must be at least 40, got \(n)"
        case .invalidAsOf(let text):
            "--as-of must be a real YYYY-MM-DD date, got: \(text)"
        case .sampleInconsistent(let detail):
            "sample dataset generation failed its own check: \(detail)"
        }
    }

    /// Maps any error thrown by GRDB to `busy` or `databaseError` (messages never carry SQL).
    static func wrap(_ error: any Error) -> StorageError {
        if let storage = error as? StorageError { return storage }
        if let db = error as? DatabaseError {
            if db.resultCode == .SQLITE_BUSY || db.resultCode == .SQLITE_LOCKED { return .busy }
            return .databaseError(message: db.message ?? "SQLite error \(db.resultCode.rawValue)")
        }
        return .databaseError(message: String(describing: error))
    }
}
