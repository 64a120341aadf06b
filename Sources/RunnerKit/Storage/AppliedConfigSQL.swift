import Foundation
import GRDB

/// Whether the runner accepted a routing configuration.
public enum AppliedConfigStatus: String, Sendable, Hashable, Codable {
    case accepted, refused
}

/// One `applied_configs` row (data-model.md §3.6); rows are never updated.
public struct AppliedConfigRecord: Sendable, Hashable {
    /// The row id (`runs.applied_config_id`).
    public var id: Int64
    /// When first seen.
    public var seenAt: String
    /// The configuration fingerprint.
    public var configHash: String
    /// The configuration.
    public var config: RolloutRoutingConfig
    /// accepted or refused.
    public var status: AppliedConfigStatus
    /// Why (bootstrap, the classification, or the refusal reason).
    public var reason: String?
    /// The actor that recorded it.
    public var seenBy: String?
}

extension RolloutConnection {
    private static let columns = "id, seen_at, config_hash, phase, flags, salt, status, reason, seen_by"

    private static func record(_ row: Row) -> AppliedConfigRecord {
        let flags: String = row["flags"]
        return AppliedConfigRecord(
            id: row["id"], seenAt: row["seen_at"], configHash: row["config_hash"],
            config: RolloutRoutingConfig(phase: row["phase"], flags: ToolValue.parse(flags) ?? .null, salt: row["salt"]),
            status: AppliedConfigStatus(rawValue: row["status"]) ?? .refused, reason: row["reason"],
            seenBy: row["seen_by"])
    }

    /// The latest accepted configuration, nil before the first reconciliation.
    public func latestAcceptedConfig() throws -> AppliedConfigRecord? {
        try Row.fetchOne(
            db,
            sql: "SELECT \(Self.columns) FROM applied_configs WHERE status = 'accepted' ORDER BY id DESC LIMIT 1"
        ).map(Self.record)
    }

    /// The refused row of a configuration hash, if it was ever refused.
    public func refusedConfig(hash: String) throws -> AppliedConfigRecord? {
        try Row.fetchOne(
            db, sql: "SELECT \(Self.columns) FROM applied_configs WHERE status = 'refused' AND config_hash = ?",
            arguments: [hash]
        ).map(Self.record)
    }

    /// An applied configuration row by id.
    public func appliedConfig(id: Int64) throws -> AppliedConfigRecord? {
        try Row.fetchOne(db, sql: "SELECT \(Self.columns) FROM applied_configs WHERE id = ?", arguments: [id])
            .map(Self.record)
    }

    /// Inserts a row with its audit row (`config.accepted` / `config.refused`). A refused hash is
    /// recorded once: a second refusal of the same hash returns the existing row.
    @discardableResult
    public func insertAppliedConfig(
        _ config: RolloutRoutingConfig, status: AppliedConfigStatus, reason: String?, seenAt: String, seenBy: String
    ) throws -> AppliedConfigRecord {
        let hash = config.hash
        if status == .refused, let existing = try refusedConfig(hash: hash) { return existing }
        try db.executeCached(
            sql: """
                INSERT INTO applied_configs (seen_at, config_hash, phase, flags, salt, status, reason, seen_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                seenAt, hash, config.phase, config.flagsValue.canonicalJSON(), config.salt, status.rawValue, reason,
                seenBy,
            ])
        let id = db.lastInsertedRowID
        try audit(
            at: seenAt, actor: seenBy, action: "config.\(status.rawValue)", entityType: "applied_configs",
            entityId: String(id), reason: reason, before: nil,
            after: .object([
                "config_hash": .string(hash), "phase": config.phase.map(ToolValue.string) ?? .null,
                "flags": config.flagsValue, "salt": .string(config.salt),
            ]))
        return AppliedConfigRecord(
            id: id, seenAt: seenAt, configHash: hash, config: config, status: status, reason: reason, seenBy: seenBy)
    }

    /// When the applied phase was entered: the seen_at of the first accepted row of the latest
    /// unbroken run of accepted rows with this phase name (edits inside a phase keep the clock).
    public func phaseEntry(phase: String?) throws -> String? {
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT phase, seen_at FROM applied_configs WHERE status = 'accepted' ORDER BY id DESC"))
        var entry: String?
        while let row = try rows.next() {
            let name: String? = row["phase"]
            guard name == phase else { break }
            entry = row["seen_at"]
        }
        return entry
    }
}
