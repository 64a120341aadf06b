import Foundation
import GRDB

/// The result of get_allowed_content_types (data-model.md §4.4), the vault hard-gate data.
public struct AllowedContentTypesResult: Codable, Sendable, Equatable {
    /// One allowed type; category fields only with include_category.
    public struct AllowedType: Codable, Sendable, Equatable {
        public var type_name: String
        public var type_category: String?
        public var is_explicit: Bool?
    }
    /// Result metadata.
    public struct Metadata: Codable, Sendable, Equatable {
        public var fetched_at: String
        public var vault_hash: String?
        public var creator_resolved: String?
        public var error: Bool?
    }
    public var error: String?
    public var error_code: String?
    public var creator_id: String?
    public var allowed_types: [AllowedType]
    public var allowed_type_names: [String]
    public var type_count: Int
    public var metadata: Metadata
}

extension DataTools {
    /// get_allowed_content_types: the creator's vault types with has_content = 1, by name.
    public func getAllowedContentTypes(_ parameters: [String: ToolValue]) -> AllowedContentTypesResult {
        let p = ToolParameters(tool: "get_allowed_content_types", values: parameters)
        do {
            if let f = p.checkKnown(["creator_id", "include_category"]) { throw f }
            let includeCategory = try p.bool("include_category", default: true)
            let (creator, rows) = try storage.read { db in
                let creator = try resolveCreator(parameters["creator_id"], in: db)
                let rows = try Row.fetchAll(
                    db.cachedStatement(
                    sql: """
                        SELECT ct.type_name, ct.type_category, ct.is_explicit FROM vault_matrix v
                        JOIN content_types ct ON ct.content_type_id = v.content_type_id
                        WHERE v.creator_id = ? AND v.has_content = 1 ORDER BY ct.type_name
                        """),
                    arguments: [creator.creatorID])
                return (creator, rows)
            }
            let types = rows.map { row in
                AllowedContentTypesResult.AllowedType(
                    type_name: row["type_name"], type_category: includeCategory ? row["type_category"] : nil,
                    is_explicit: includeCategory ? ((row["is_explicit"] as Int?) == 1) : nil)
            }
            let names = types.map(\.type_name)
            return AllowedContentTypesResult(
                creator_id: parameters["creator_id"]?.stringValue, allowed_types: types, allowed_type_names: names,
                type_count: names.count,
                metadata: .init(
                    fetched_at: fetchedAt, vault_hash: Self.nameHash(names), creator_resolved: creator.creatorID))
        } catch {
            let f = Self.storageFailure(error)
            return AllowedContentTypesResult(
                error: f.message, error_code: f.code, allowed_types: [], allowed_type_names: [], type_count: 0,
                metadata: .init(fetched_at: fetchedAt, error: true))
        }
    }

    /// `sha256:` + hex16 of names sorted by code point and joined with `|`.
    static func nameHash(_ names: [String]) -> String {
        HashText.prefixed(names.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
            .joined(separator: "|"))
    }
}
