import Foundation
import GRDB

/// The SQL of the `learning_signals` table (data-model.md §3.7, learnings.md §5.2). Every function
/// runs on a connection that is already inside the caller's write or read transaction.
enum LearningSignalTable {
    /// Upserts observations per §5.2 with `SignalAggregation`; returns, per observation, the id of the
    /// row it was added to (nil when its run already counted for that key).
    static func record(_ observations: [SignalObservation], in db: Database) throws -> [Int64?] {
        guard db.isInsideTransaction else { throw LearningSignalStoreFailure.outsideTransaction }
        var ids: [Int64?] = []
        for var observation in observations {
            observation.seenAt = try timestamp(observation.seenAt)
            let pending = try pendingRow(for: observation.key, in: db)
            switch SignalAggregation.action(for: observation, pending: pending) {
            case .update(let merged):
                try update(merged, in: db)
                ids.append(merged.id)
            case .insert(let fresh):
                ids.append(try insert(LearningSignal(id: 0, observation: fresh), in: db))
            case .skip:
                ids.append(nil)
            }
        }
        return ids
    }

    /// The pending row with this key, if any (at most one: the partial unique index).
    static func pendingRow(for key: SignalKey, in db: Database) throws -> LearningSignal? {
        let row = try Row.fetchOne(
            db.cachedStatement(
            sql: """
                SELECT * FROM learning_signals
                WHERE status = 'pending' AND kind = ? AND coalesce(violation_code, '') = ?
                  AND applies_to = ? AND pattern_key = ?
                """),
            arguments: [key.kind.rawValue, key.violationCode, key.appliesTo, key.patternKey])
        return try row.map(LearningSignalRow.decode)
    }

    /// Inserts a new pending row and returns its id.
    static func insert(_ s: LearningSignal, in db: Database) throws -> Int64 {
        let id = try Int64.fetchOne(
            db.cachedStatement(
            sql: """
                INSERT INTO learning_signals (kind, confidence, source, violation_code, applies_to, pattern_key,
                  title, fields_json, subjects_json, run_ids_json, sample_size, quality_total, first_seen_at,
                  last_seen_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')
                RETURNING id
                """),
            arguments: [
                s.kind.rawValue, s.confidence.rawValue, s.source, s.violationCode, s.appliesTo, s.patternKey,
                s.title, LearningSignalRow.json(s.fields), LearningSignalRow.json(s.subjects),
                LearningSignalRow.json(s.runIds), s.sampleSize, s.qualityTotal, s.firstSeenAt, s.lastSeenAt,
            ])
        guard let id else { throw StorageError.databaseError(message: "INSERT into learning_signals returned no id") }
        return id
    }

    /// Writes the aggregated columns of a merged pending row.
    static func update(_ s: LearningSignal, in db: Database) throws {
        try db.executeCached(
            sql: """
                UPDATE learning_signals
                SET sample_size = ?, quality_total = ?, subjects_json = ?, run_ids_json = ?, last_seen_at = ?
                WHERE id = ? AND status = 'pending'
                """,
            arguments: [
                s.sampleSize, s.qualityTotal, LearningSignalRow.json(s.subjects), LearningSignalRow.json(s.runIds),
                s.lastSeenAt, s.id,
            ])
        guard db.changesCount == 1 else { throw LearningSignalStoreFailure.rowVanished(s.id) }
    }

    /// Pending rows in reflect order: HIGH, MEDIUM, LOW, then first_seen_at, then id.
    static func pending(in db: Database) throws -> [LearningSignal] {
        try Row.fetchAll(
            db.cachedStatement(
            sql: """
                SELECT * FROM learning_signals WHERE status = 'pending'
                ORDER BY CASE confidence WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, first_seen_at, id
                """)
        ).map(LearningSignalRow.decode)
    }

    /// Every row, any status, by id.
    static func all(in db: Database) throws -> [LearningSignal] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM learning_signals ORDER BY id")).map(LearningSignalRow.decode)
    }

    /// One row by id.
    static func signal(id: Int64, in db: Database) throws -> LearningSignal? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM learning_signals WHERE id = ?"), arguments: [id])
            .map(LearningSignalRow.decode)
    }

    /// Marks every resolution's signal consumed; throws (and the caller rolls back) unless all are pending.
    static func consume(_ resolutions: [SignalResolution], at time: String, in db: Database) throws {
        for r in resolutions {
            try requirePending(r.signalId, in: db)
            let timestamp = try timestamp(time)
            try db.executeCached(
                sql: """
                    UPDATE learning_signals SET status = 'consumed', resolved_at = ?, learning_id = ?
                    WHERE id = ? AND status = 'pending'
                    """,
                arguments: [timestamp, r.learningId, r.signalId])
        }
    }

    /// Marks one pending signal dismissed with its note.
    static func dismiss(id: Int64, note: String, at time: String, in db: Database) throws {
        try requirePending(id, in: db)
        let timestamp = try timestamp(time)
        try db.executeCached(
            sql: """
                UPDATE learning_signals SET status = 'dismissed', resolved_at = ?, note = ?
                WHERE id = ? AND status = 'pending'
                """,
            arguments: [timestamp, note, id])
    }

    /// Throws `SignalStoreError` when the signal is missing or no longer pending.
    static func requirePending(_ id: Int64, in db: Database) throws {
        guard let raw = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM learning_signals WHERE id = ?"), arguments: [id])
        else { throw SignalStoreError.unknownSignal(id) }
        guard let status = SignalStatus(rawValue: raw) else {
            throw LearningSignalStoreFailure.invalidColumn(id: id, column: "status", value: raw)
        }
        guard status == .pending else { throw SignalStoreError.notPending(id, status) }
    }

    /// A timestamp in the 24-character UTC form of data-model.md §1.4; other ISO forms are normalised.
    static func timestamp(_ text: String) throws -> String {
        guard let date = Timestamp.parse(text) else { throw LearningSignalStoreFailure.invalidTimestamp(text) }
        return Timestamp.string(date)
    }
}
