import Foundation
import GRDB

/// The append-only list of schema migrations (data-model.md §1.3). Never edit a released one.
enum SchemaMigrations {
    /// Migration identifiers this binary knows, in order; the schema version is their count.
    static let identifiers = ["0001_domain", "0002_operations"]

    /// The highest schema version this binary can open.
    static var latestVersion: Int { identifiers.count }

    /// The GRDB migrator registering every migration; `clock` stamps schema_info and audit rows.
    static func migrator(clock: RunnerClock, runnerVersion: String) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(identifiers[0]) { db in
            for statement in DomainSchema.statements { try db.execute(sql: statement) }
            try db.execute(
                sql: """
                    INSERT INTO schema_info (id, schema_version, migrated_at, runner_version)
                    VALUES (1, 1, ?, ?)
                    """,
                arguments: [Timestamp.string(clock.now()), runnerVersion])
        }
        migrator.registerMigration(identifiers[1]) { db in
            let now = Timestamp.string(clock.now())
            for statement in OperationsSchema.statements { try db.execute(sql: statement) }
            try db.execute(
                sql: """
                    INSERT INTO rollback_state (id, state, since, reason, initiated_by, "trigger", cooldown_until,
                      epoch_started_at)
                    VALUES (1, 'ACTIVE', ?, 'initial', 'migration', NULL, NULL, ?)
                    """,
                arguments: [now, now])
            // 0001 ran before audit_log existed; record it now so every migration has its row.
            let previous = try String.fetchOne(db, sql: "SELECT migrated_at FROM schema_info WHERE id = 1")
            try AuditLog.append(
                db, occurredAt: previous ?? now, actor: "migration", action: "schema.migrated",
                entityType: "schema_info", entityId: identifiers[0],
                after: .object(["schema_version": .number(1), "runner_version": .string(runnerVersion)]))
            try recordVersion(db, version: 2, now: now, runnerVersion: runnerVersion)
        }
        return migrator
    }

    /// Updates schema_info and writes the migration's audit row.
    private static func recordVersion(_ db: Database, version: Int, now: String, runnerVersion: String) throws {
        try db.execute(
            sql: "UPDATE schema_info SET schema_version = ?, migrated_at = ?, runner_version = ? WHERE id = 1",
            arguments: [version, now, runnerVersion])
        try AuditLog.append(
            db, occurredAt: now, actor: "migration", action: "schema.migrated",
            entityType: "schema_info", entityId: identifiers[version - 1],
            after: .object(["schema_version": .number(Double(version)), "runner_version": .string(runnerVersion)]))
    }
}
