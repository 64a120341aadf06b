import GRDB

/// The creator facts routing and `execute --all` need.
public struct CreatorIdentity: Sendable, Hashable {
    /// Canonical creator_id.
    public var creatorId: String
    /// The page name: the routing key.
    public var pageName: String
    /// Whether the creator is active.
    public var isActive: Bool
    /// `paid` or `free`.
    public var pageType: String
    /// The active volume assignment's tier, if any.
    public var volumeTier: String?
}

extension Storage {
    /// Resolves a well-formed creator id as data tools do (data-model.md §4.1): exact creator_id or
    /// page_name, then page_name ignoring ASCII case. Inactive creators resolve too.
    public func resolveCreator(_ input: String) throws -> CreatorIdentity? {
        try read { db in
            guard let creator = try DataTools.resolve(db, input) else { return nil }
            let tier = try String.fetchOne(
                db.cachedStatement(sql: "SELECT volume_level FROM volume_assignments WHERE creator_id = ? AND is_active = 1"),
                arguments: [creator.creatorID])
            return CreatorIdentity(
                creatorId: creator.creatorID, pageName: creator.pageName, isActive: creator.isActive,
                pageType: creator.pageType, volumeTier: tier)
        }
    }

    /// Every active creator, optionally filtered by volume tier and page type, by creator_id.
    public func activeCreators(tier: String? = nil, pageType: String? = nil) throws -> [CreatorIdentity] {
        try read { db in
            try Row.fetchAll(
                db.cachedStatement(
                sql: """
                    SELECT c.creator_id, c.page_name, c.is_active, c.page_type, v.volume_level FROM creators c
                    LEFT JOIN volume_assignments v ON v.creator_id = c.creator_id AND v.is_active = 1
                    WHERE c.is_active = 1 AND (? IS NULL OR v.volume_level = ?) AND (? IS NULL OR c.page_type = ?)
                    ORDER BY c.creator_id
                    """), arguments: [tier, tier, pageType, pageType]
            ).map(Self.identity)
        }
    }

    private static func identity(_ row: Row) -> CreatorIdentity {
        CreatorIdentity(
            creatorId: row["creator_id"], pageName: row["page_name"], isActive: row["is_active"],
            pageType: row["page_type"], volumeTier: row["volume_level"])
    }
}
