import GRDB

/// Writes rows of the append-only `audit_log` (data-model.md §3.8), always inside the caller's
/// transaction so the change and its audit row commit together.
enum AuditLog {
    /// Appends one audit row.
    static func append(
        _ db: Database, occurredAt: String, actor: String, action: String, entityType: String,
        entityId: String, runId: String? = nil, reason: String? = nil, before: ToolValue? = nil,
        after: ToolValue? = nil
    ) throws {
        try db.executeCached(
            sql: """
                INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, run_id, reason,
                  before_json, after_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                occurredAt, actor, action, entityType, entityId, runId, reason,
                before?.canonicalJSON(), after?.canonicalJSON(),
            ])
    }
}
