import Foundation
import GRDB

/// One row of `applied_configs`.
public struct AppliedConfigRow: Sendable, Hashable {
    public var id: Int64
    public var seenAt: String
    public var configHash: String
    public var phase: String?
    public var flagsJSON: String
    public var salt: String
    public var status: String
    public var reason: String?
}

extension Storage {
    /// The latest accepted routing configuration, if any.
    public func latestAcceptedConfig() throws -> AppliedConfigRow? {
        try read { db in try Self.latestAccepted(db) }
    }

    /// Records the routing configuration in force: reuses the latest accepted row when its hash
    /// matches, otherwise inserts an accepted row (`bootstrap` for the first ever) with its audit row.
    /// Rollout gating of advancements is not applied here (a later issue): every change is accepted.
    public func acceptRoutingConfig(
        hash: String, phase: String?, flagsJSON: String, salt: String, seenBy: String
    ) throws -> AppliedConfigRow {
        let now = Timestamp.string(clock.now())
        return try write { db in
            let latest = try Self.latestAccepted(db)
            if let latest, latest.configHash == hash { return latest }
            let reason = latest == nil ? "bootstrap" : "changed from \(latest?.phase ?? "none"); accepted as-is"
            try db.executeCached(
                sql: """
                    INSERT INTO applied_configs (seen_at, config_hash, phase, flags, salt, status, reason, seen_by)
                    VALUES (?, ?, ?, ?, ?, 'accepted', ?, ?)
                    """, arguments: [now, hash, phase, flagsJSON, salt, reason, seenBy])
            let id = db.lastInsertedRowID
            try AuditLog.append(
                db, occurredAt: now, actor: seenBy, action: "config.accepted", entityType: "applied_configs",
                entityId: String(id), reason: reason,
                after: .object(["config_hash": .string(hash), "phase": phase.map(ToolValue.string) ?? .null]))
            return AppliedConfigRow(
                id: id, seenAt: now, configHash: hash, phase: phase, flagsJSON: flagsJSON, salt: salt,
                status: "accepted", reason: reason)
        }
    }

    private static func latestAccepted(_ db: Database) throws -> AppliedConfigRow? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(
            sql: """
                SELECT id, seen_at, config_hash, phase, flags, salt, status, reason FROM applied_configs
                WHERE status = 'accepted' ORDER BY id DESC LIMIT 1
                """))
        else { return nil }
        return AppliedConfigRow(
            id: row["id"], seenAt: row["seen_at"], configHash: row["config_hash"], phase: row["phase"],
            flagsJSON: row["flags"], salt: row["salt"], status: row["status"], reason: row["reason"])
    }
}
