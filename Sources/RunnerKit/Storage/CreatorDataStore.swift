import Foundation
import GRDB

/// The schedule domain's data source over the runner database: resolves a creator and loads its
/// raw rows for one week in a single read transaction (schedule-domain §2, data-model §2).
public struct CreatorDataStore: SchedulingDataSource {
    let storage: Storage
    /// The caption bank read once and reused by every load (nil: read it for every load).
    let bank: CaptionBankSnapshot?

    /// A data source reading `storage`. With `snapshotCaptionBank`, the shared part of the caption
    /// bank (texts, types, tiers; not the per-creator usage) is read once by the first load and
    /// reused: `execute` does this, so an import into the bank during an `execute --all` applies
    /// from the next invocation, as YAML and LEARNINGS.md edits do. The runner itself never
    /// writes the bank.
    public init(storage: Storage, snapshotCaptionBank: Bool = false) {
        self.storage = storage
        bank = snapshotCaptionBank ? CaptionBankSnapshot() : nil
    }

    /// Validates and resolves `creator`, then loads its rows for the week starting `weekStart`.
    public func loadCreatorData(creator: String, weekStart: DayDate) throws(SchedulingError) -> CreatorData {
        let id = try SchedulingInput.creatorId(creator)
        let loaded: CreatorData?
        do {
            loaded = try storage.read { db -> CreatorData? in
                guard let resolved = try DataTools.resolve(db, id) else { return nil }
                return try Self.load(db, creatorId: resolved.creatorID, weekStart: weekStart, bank: bank)
            }
        } catch {
            throw .databaseError(Self.message(error))
        }
        guard let loaded else { throw .creatorNotFound(id) }
        return loaded
    }

    /// Re-reads the vault and the AVOID list of a resolved creator.
    public func loadGateData(creatorId: String) throws(SchedulingError) -> GateData {
        do {
            return try storage.read { db in
                GateData(vaultTypes: try Self.vault(db, creatorId), avoidTypes: try Self.avoid(db, creatorId))
            }
        } catch {
            throw .databaseError(Self.message(error))
        }
    }

    static func message(_ error: any Error) -> String {
        (error as? StorageError)?.description ?? String(describing: error)
    }

    static func load(_ db: Database, creatorId: String, weekStart: DayDate, bank: CaptionBankSnapshot? = nil) throws
        -> CreatorData?
    {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                sql: """
                    SELECT creator_id, page_name, page_type, timezone, content_category, is_active, current_fan_count,
                           current_message_net, current_posts_net, base_price
                    FROM creators WHERE creator_id = ?
                    """), arguments: [creatorId])
        else { return nil }
        let creator = CreatorRow(
            creatorId: row["creator_id"], pageName: row["page_name"], pageType: row["page_type"],
            timezone: row["timezone"], contentCategory: row["content_category"], isActive: (row["is_active"] as Int?) == 1,
            currentFanCount: row["current_fan_count"], currentMessageNet: row["current_message_net"],
            currentPostsNet: row["current_posts_net"], basePrice: row["base_price"])
        let assignments = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT volume_level, is_active, assigned_at FROM volume_assignments WHERE creator_id = ?"),
            arguments: [creatorId]
        ).map { AssignmentRow(volumeLevel: $0["volume_level"], isActive: ($0["is_active"] as Int?) == 1, assignedAt: $0["assigned_at"]) }
        let rankings = try Row.fetchAll(
            db.cachedStatement(
            sql: """
                SELECT content_type, analysis_date, performance_tier, avg_rps, avg_purchase_rate, send_count,
                       total_earnings, confidence_score
                FROM top_content_types
                WHERE creator_id = ? AND analysis_date = (SELECT MAX(analysis_date) FROM top_content_types WHERE creator_id = ?)
                """), arguments: [creatorId, creatorId]
        ).map { r in
            RankingRow(
                contentType: r["content_type"], analysisDate: r["analysis_date"], performanceTier: r["performance_tier"],
                avgRps: r["avg_rps"], avgPurchaseRate: r["avg_purchase_rate"], sendCount: r["send_count"],
                totalEarnings: r["total_earnings"], confidenceScore: r["confidence_score"])
        }
        let persona = try Row.fetchOne(
            db.cachedStatement(
            sql: """
                SELECT primary_tone, secondary_tone, emoji_frequency, slang_level, favorite_emojis, avg_caption_length
                FROM creator_personas WHERE creator_id = ?
                """), arguments: [creatorId]
        ).map { p in
            PersonaRow(
                primaryTone: p["primary_tone"], secondaryTone: p["secondary_tone"], emojiFrequency: p["emoji_frequency"],
                slangLevel: p["slang_level"], favoriteEmojis: p["favorite_emojis"], avgCaptionLength: p["avg_caption_length"])
        }
        // Degraded reads (schedule-domain §2.2): a failing trigger or message read is recorded as nil.
        let triggers = try? Row.fetchAll(
            db.cachedStatement(
            sql: """
                SELECT content_type, trigger_type, adjustment_multiplier, confidence, reason, expires_at, is_active
                FROM volume_triggers WHERE creator_id = ? ORDER BY trigger_id
                """), arguments: [creatorId]
        ).map { t in
            TriggerRow(
                contentType: t["content_type"], triggerType: t["trigger_type"],
                adjustmentMultiplier: t["adjustment_multiplier"], confidence: t["confidence"], reason: t["reason"],
                expiresAt: t["expires_at"], isActive: (t["is_active"] as Int?) == 1)
        }
        let messages = try? Row.fetchAll(
            db.cachedStatement(
            sql: "SELECT sent_date, earnings FROM mass_messages WHERE creator_id = ? AND sent_date >= ? AND sent_date <= ?"),
            arguments: [creatorId, weekStart.adding(days: -56).description, weekStart.adding(days: -1).description]
        ).map { MassMessageRow(sentDate: $0["sent_date"], earnings: $0["earnings"]) }
        let sendTypes = try Row.fetchAll(
            db.cachedStatement(
            sql: """
                SELECT send_type_key, is_active, max_per_day, max_per_week, min_hours_between, requires_media,
                       requires_price, primary_channel_key
                FROM send_types
                """)
        ).map { s in
            SendTypeRow(
                key: s["send_type_key"], isActive: (s["is_active"] as Int?) == 1, maxPerDay: s["max_per_day"],
                maxPerWeek: s["max_per_week"], minHoursBetween: s["min_hours_between"],
                requiresMedia: (s["requires_media"] as Int?).map { $0 == 1 },
                requiresPrice: (s["requires_price"] as Int?).map { $0 == 1 }, primaryChannelKey: s["primary_channel_key"])
        }
        // This creator's last uses, joined in memory with the bank (read once when snapshotted).
        var lastUsed: [Int: String] = [:]
        let usageRows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT caption_id, last_used_date FROM caption_creator_performance
                    WHERE creator_id = ? AND last_used_date IS NOT NULL
                    """), arguments: [creatorId])
        while let u = try usageRows.next() { lastUsed[u[0]] = u[1] }
        var captions = try bank?.rows(db) ?? Self.captionBank(db)
        if !lastUsed.isEmpty {
            for i in captions.indices { captions[i].creatorLastUsedDate = lastUsed[captions[i].captionId] }
        }
        return CreatorData(
            creator: creator, assignments: assignments, vaultTypes: try vault(db, creatorId), rankings: rankings,
            persona: persona, triggers: triggers, massMessages: messages, sendTypes: sendTypes, captions: captions)
    }

    /// Every active caption of the bank with its content type name, by id (no creator usage). The
    /// content type names are read first and joined in memory, and the bank through a cursor with
    /// positional columns (no row copies, no column-name lookups).
    static func captionBank(_ db: Database) throws -> [CaptionRow] {
        var typeNames: [Int64: String] = [:]
        let typeRows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT content_type_id, type_name FROM content_types"))
        while let t = try typeRows.next() { typeNames[t[0]] = t[1] }
        var captions: [CaptionRow] = []
        let captionRows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT caption_id, caption_text, caption_type, content_type_id, schedulable_type, performance_tier,
                           global_last_used_date, suggested_price
                    FROM caption_bank WHERE is_active = 1 ORDER BY caption_id
                    """))
        while let c = try captionRows.next() {
            captions.append(
                CaptionRow(
                    captionId: c[0], text: c[1], captionType: c[2], contentType: (c[3] as Int64?).flatMap { typeNames[$0] },
                    schedulableType: c[4], performanceTier: c[5], globalLastUsedDate: c[6], suggestedPrice: c[7],
                    creatorLastUsedDate: nil))
        }
        return captions
    }

    static func vault(_ db: Database, _ creatorId: String) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(
            sql: """
                SELECT ct.type_name FROM vault_matrix vm
                JOIN content_types ct ON ct.content_type_id = vm.content_type_id
                WHERE vm.creator_id = ? AND vm.has_content = 1
                """), arguments: [creatorId])
    }

    static func avoid(_ db: Database, _ creatorId: String) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(
            sql: """
                SELECT content_type FROM top_content_types
                WHERE creator_id = ? AND performance_tier = 'AVOID'
                  AND analysis_date = (SELECT MAX(analysis_date) FROM top_content_types WHERE creator_id = ?)
                """), arguments: [creatorId, creatorId])
    }
}

/// The caption bank as first read by a data source, shared by its later loads.
final class CaptionBankSnapshot: @unchecked Sendable {
    // @unchecked: `captions` is only read and written under `lock`.
    private let lock = NSLock()
    private var captions: [CaptionRow]?

    /// The snapshot, read through `db` the first time.
    func rows(_ db: Database) throws -> [CaptionRow] {
        try lock.withLock {
            if let captions { return captions }
            let read = try CreatorDataStore.captionBank(db)
            captions = read
            return read
        }
    }
}
