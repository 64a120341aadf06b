import Foundation
import GRDB

/// The in-process data tools of data-model.md §4: each takes a JSON parameter object and returns
/// a result that never throws (failures carry `error` and `error_code`).
public struct DataTools: Sendable {
    /// The database every tool reads and writes.
    public let storage: Storage
    /// The send-types cache, held for the life of this value (create one `DataTools` per process).
    let sendTypeCache = SendTypeCache()

    /// Tools over one open database.
    public init(storage: Storage) { self.storage = storage }

    /// The tool names `call` dispatches.
    public static let names = [
        "get_active_creators", "get_allowed_content_types", "get_content_type_rankings", "get_persona_profile",
        "get_schedules", "save_schedule", "get_send_types", "get_send_types_constraints",
        "get_active_volume_triggers", "get_send_type_captions", "get_batch_captions_by_content_types",
        "validate_caption_structure", "get_performance_trends", "save_volume_triggers", "get_creator_profile",
        "get_volume_config",
    ]

    /// Calls a tool by name and returns its result object; an unknown name is a VALIDATION_ERROR result.
    public func call(_ name: String, _ parameters: [String: ToolValue], context: ToolCallContext = ToolCallContext())
        -> ToolValue
    {
        let result: any Encodable
        switch name {
        case "get_active_creators": result = getActiveCreators(parameters)
        case "get_allowed_content_types": result = getAllowedContentTypes(parameters)
        case "get_content_type_rankings": result = getContentTypeRankings(parameters)
        case "get_persona_profile": result = getPersonaProfile(parameters)
        case "get_schedules": result = getSchedules(parameters)
        case "save_schedule": result = saveSchedule(parameters, context: context)
        case "get_send_types": result = getSendTypes(parameters)
        case "get_send_types_constraints": result = getSendTypesConstraints(parameters)
        case "get_active_volume_triggers": result = getActiveVolumeTriggers(parameters)
        case "get_send_type_captions": result = getSendTypeCaptions(parameters)
        case "get_batch_captions_by_content_types": result = getBatchCaptionsByContentTypes(parameters)
        case "validate_caption_structure": result = validateCaptionStructure(parameters)
        case "get_performance_trends": result = getPerformanceTrends(parameters)
        case "save_volume_triggers": result = saveVolumeTriggers(parameters, context: context)
        case "get_creator_profile": result = getCreatorProfile(parameters)
        case "get_volume_config": result = getVolumeConfig(parameters)
        default:
            return .object([
                "error": .string("Unknown data tool '\(name)'"), "error_code": "VALIDATION_ERROR",
            ])
        }
        return (try? ToolValue.encode(result))
            ?? .object(["error": "result could not be encoded", "error_code": "INTERNAL_ERROR"])
    }

    /// The clock's now as a result timestamp.
    var fetchedAt: String { Timestamp.string(storage.clock.now()) }

    /// Maps a storage failure to its tool error code and message.
    static func storageFailure(_ error: any Error) -> ToolFailure {
        if let failure = error as? ToolFailure { return failure }
        switch StorageError.wrap(error) {
        case .busy: return ToolFailure(code: "DATABASE_BUSY", message: StorageError.busy.description)
        case .databaseError(let message): return ToolFailure(code: "DATABASE_ERROR", message: "Database error: \(message)")
        case let other: return ToolFailure(code: "DATABASE_ERROR", message: "Database error: \(other.description)")
        }
    }
}

/// A creator found by resolution (data-model.md §4.1).
struct ResolvedCreator {
    var creatorID: String
    var pageName: String
    var pageType: String
    var timezone: String?
    var isActive: Bool
}

extension DataTools {
    /// Exact match on creator_id (preferred) or page_name, then (unless `exactOnly`) a
    /// case-insensitive page_name match, the first by page_name; inactive creators resolve too.
    /// The one resolution rule of data-model.md §4.1: `Storage.resolveCreator` and the rollout
    /// connection's `resolveCreator` use it too.
    static func resolve(_ db: Database, _ id: String, exactOnly: Bool = false) throws -> ResolvedCreator? {
        let columns = "creator_id, page_name, page_type, timezone, is_active"
        var row = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT \(columns) FROM creators WHERE creator_id = ? OR page_name = ? ORDER BY creator_id = ? DESC LIMIT 1"),
            arguments: [id, id, id])
        if row == nil && !exactOnly {
            row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(columns) FROM creators WHERE lower(page_name) = ? ORDER BY page_name LIMIT 1"),
                arguments: [asciiLowercased(id)])
        }
        guard let row else { return nil }
        return ResolvedCreator(
            creatorID: row["creator_id"], pageName: row["page_name"], pageType: row["page_type"],
            timezone: row["timezone"], isActive: (row["is_active"] as Int?) == 1)
    }

    /// ASCII-only lower-casing, as the resolution rule requires (SQLite's lower() is ASCII-only).
    static func asciiLowercased(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { scalar in
            (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }))
    }

    /// Validates and resolves a creator parameter in one step (id rule, then resolution).
    func resolveCreator(_ value: ToolValue?, in db: Database) throws -> ResolvedCreator {
        let id: String
        switch CreatorIDRule.check(parameter: value) {
        case .success(let v): id = v
        case .failure(let e): throw ToolFailure(code: "VALIDATION_ERROR", message: e.message)
        }
        guard let creator = try Self.resolve(db, id) else {
            throw ToolFailure(code: "CREATOR_NOT_FOUND", message: "Creator not found: \(id)")
        }
        return creator
    }
}
