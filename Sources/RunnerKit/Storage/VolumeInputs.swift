import Foundation
import GRDB

/// Everything the volume algorithm (schedule-domain.md §3) reads from the database for one
/// creator and reference week, read in one transaction.
public struct VolumeInputs: Sendable, Equatable {
    /// One latest-snapshot ranking row.
    public struct Ranking: Sendable, Equatable {
        public var typeName: String
        public var performanceTier: String
        public var rps: Double?
        public var conversionRate: Double?
        public var sendsLast30d: Int?
    }
    /// One active database trigger unexpired at week_start 00:00 UTC.
    public struct DatabaseTrigger: Sendable, Equatable {
        public var contentType: String
        public var triggerType: String
        public var adjustmentMultiplier: Double
        public var confidence: String
        public var reason: String
        public var expiresAt: String
    }

    public var creatorID: String
    public var pageType: String
    public var contentCategory: String?
    public var messageNet: Double?
    public var postsNet: Double?
    public var fanCount: Int?
    /// The active volume_assignments tier label as stored (nil without an active assignment).
    public var previousTier: String?
    /// Sends with sent_date in [week_start - 56, week_start - 1]: (sent_date, earnings).
    public var sends: [(date: String, earnings: Double)]
    public var rankings: [Ranking]
    public var databaseTriggers: [DatabaseTrigger]

    /// Compares the identifying fields (tuples in `sends` are compared by count only).
    public static func == (a: VolumeInputs, b: VolumeInputs) -> Bool {
        a.creatorID == b.creatorID && a.previousTier == b.previousTier && a.sends.count == b.sends.count
            && a.rankings == b.rankings && a.databaseTriggers == b.databaseTriggers
    }
}

extension Storage {
    /// Reads the volume inputs of a resolved creator for the week starting at `weekStart`.
    public func volumeInputs(creatorID: String, weekStart: CivilDay) throws -> VolumeInputs {
        try read { db in try Storage.volumeInputs(db, creatorID: creatorID, weekStart: weekStart) }
    }

    static func volumeInputs(_ db: Database, creatorID: String, weekStart: CivilDay) throws -> VolumeInputs {
        guard let c = try Row.fetchOne(db, sql: "SELECT * FROM creators WHERE creator_id = ?", arguments: [creatorID]) else {
            throw StorageError.databaseError(message: "creator \(creatorID) vanished")
        }
        let tier = try String.fetchOne(
            db, sql: "SELECT volume_level FROM volume_assignments WHERE creator_id = ? AND is_active = 1", arguments: [creatorID])
        let sends = try Row.fetchAll(
            db, sql: "SELECT sent_date, earnings FROM mass_messages WHERE creator_id = ? AND sent_date >= ? AND sent_date <= ? ORDER BY sent_date, message_id",
            arguments: [creatorID, weekStart.adding(-56).string, weekStart.adding(-1).string]
        ).map { (date: $0["sent_date"] as String, earnings: ($0["earnings"] as Double?) ?? 0) }
        let rankings = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM top_content_types WHERE creator_id = ? AND analysis_date =
                  (SELECT max(analysis_date) FROM top_content_types WHERE creator_id = ?)
                ORDER BY avg_rps DESC, content_type
                """,
            arguments: [creatorID, creatorID]
        ).map {
            VolumeInputs.Ranking(
                typeName: $0["content_type"], performanceTier: $0["performance_tier"], rps: $0["avg_rps"],
                conversionRate: $0["avg_purchase_rate"], sendsLast30d: $0["send_count"])
        }
        let triggers = try Row.fetchAll(
            db,
            sql: "SELECT * FROM volume_triggers WHERE creator_id = ? AND is_active = 1 AND expires_at > ? ORDER BY trigger_id",
            arguments: [creatorID, weekStart.timestamp()]
        ).map {
            VolumeInputs.DatabaseTrigger(
                contentType: $0["content_type"], triggerType: $0["trigger_type"], adjustmentMultiplier: $0["adjustment_multiplier"],
                confidence: $0["confidence"], reason: $0["reason"], expiresAt: $0["expires_at"])
        }
        return VolumeInputs(
            creatorID: creatorID, pageType: c["page_type"], contentCategory: c["content_category"],
            messageNet: c["current_message_net"], postsNet: c["current_posts_net"], fanCount: c["current_fan_count"],
            previousTier: tier, sends: sends, rankings: rankings, databaseTriggers: triggers)
    }
}
