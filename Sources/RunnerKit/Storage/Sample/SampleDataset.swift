import Crypto
import Foundation
import GRDB

/// What `db init --sample` loaded: the `dataset.seeded` audit payload.
public struct SampleSummary: Sendable, Codable, Equatable {
    /// The fixed seed (20260105).
    public var seed: Int
    /// The as-of date (T0 = as_of at 12:00Z).
    public var asOf: String
    /// Number of creators generated.
    public var creators: Int
    /// Rows per domain table.
    public var rowCounts: [String: Int]
    /// hex16 over the canonical JSON of every domain row (tables in §2 order, rows by primary key).
    public var digest: String

    enum CodingKeys: String, CodingKey {
        case seed, creators, digest
        case asOf = "as_of"
        case rowCounts = "row_counts"
    }
}

/// The deterministic sample dataset of data-model.md §6.
public enum SampleDataset {
    /// The fixed seed of §6.1.
    public static let seed = 20260105
    /// The roster size; `--creators` must be at least this.
    public static let minimumCreators = 40

    /// Loads the dataset into an empty database in one transaction with one `dataset.seeded`
    /// audit row. Refuses (nothing written) when a domain table already has rows.
    public static func load(
        into storage: Storage, asOf: String, creators: Int = 40, actor: String = "generator"
    ) throws -> SampleSummary {
        guard let day = CivilDay(asOf) else { throw StorageError.invalidAsOf(asOf) }
        guard creators >= minimumCreators else { throw StorageError.invalidCreatorCount(creators) }
        return try storage.write { db in
            for table in DomainSchema.tables {
                if try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 > 0 {
                    throw StorageError.sampleAlreadyLoaded(path: storage.path, table: table)
                }
            }
            // A larger page cache for the bulk load (connection-local; large rosters spill otherwise).
            try db.execute(sql: "PRAGMA cache_size = -65536")
            var builder = SampleBuilder(db: db, asOf: day, creatorCount: creators)
            try builder.build()
            let counts = try rowCounts(db)
            let summary = SampleSummary(
                seed: seed, asOf: asOf, creators: creators, rowCounts: counts, digest: try digest(db))
            var countValues: [String: ToolValue] = [:]
            for (table, n) in counts { countValues[table] = .number(Double(n)) }
            try AuditLog.append(
                db, occurredAt: Timestamp.string(storage.clock.now()), actor: actor, action: "dataset.seeded",
                entityType: "database", entityId: "sample",
                after: .object([
                    "seed": .number(Double(seed)), "as_of": .string(asOf), "creators": .number(Double(creators)),
                    "row_counts": .object(countValues), "digest": .string(summary.digest),
                ]))
            return summary
        }
    }

    /// Rows per domain table.
    static func rowCounts(_ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in DomainSchema.tables {
            counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
        }
        return counts
    }

    /// hex16 of the canonical JSON of every domain row, tables in §2 order, rows by primary key.
    static func digest(_ db: Database) throws -> String {
        var hasher = SHA256()
        for table in DomainSchema.tables {
            let order = primaryKeyOrder[table] ?? "rowid"
            hasher.update(data: Data("\(table)\n".utf8))
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY \(order)")
            while let row = try rows.next() {
                var members: [String: ToolValue] = [:]
                for (column, value) in row { members[column] = toolValue(value) }
                hasher.update(data: Data((ToolValue.object(members).canonicalJSON() + "\n").utf8))
            }
        }
        let hex = HashText.hex(hasher.finalize())
        return String(hex.prefix(16))
    }

    /// The ORDER BY of each table's primary key.
    static let primaryKeyOrder: [String: String] = [
        "creators": "creator_id", "volume_assignments": "assignment_id", "mass_messages": "message_id",
        "top_content_types": "ranking_id", "content_types": "content_type_id",
        "vault_matrix": "creator_id, content_type_id", "creator_personas": "persona_id",
        "volume_triggers": "trigger_id", "schedule_templates": "template_id", "caption_bank": "caption_id",
        "caption_creator_performance": "ccp_id", "send_types": "send_type_id",
    ]

    /// A database value as a tool value (blobs are not used by the schema).
    static func toolValue(_ value: DatabaseValue) -> ToolValue {
        switch value.storage {
        case .null: .null
        case .int64(let i): .number(Double(i))
        case .double(let d): .number(d)
        case .string(let s): .string(s)
        case .blob(let b): .string(b.base64EncodedString())
        }
    }

    /// The digest of an open database's domain tables (tests and `diagnose db`).
    public static func digest(of storage: Storage) throws -> String {
        try storage.read { db in try digest(db) }
    }

    /// Rows per domain table of an open database.
    public static func rowCounts(of storage: Storage) throws -> [String: Int] {
        try storage.read { db in try rowCounts(db) }
    }
}
