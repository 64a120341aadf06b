import GRDB

extension DataTools {
    /// get_persona_profile (data-model.md §4.6): the row's 11 columns plus `_default` false, or the
    /// default persona when the creator or its persona does not exist.
    public func getPersonaProfile(_ parameters: [String: ToolValue]) -> ToolObject {
        let p = ToolParameters(tool: "get_persona_profile", values: parameters)
        do {
            if let f = p.checkKnown(["creator_id"]) { throw f }
            let id: String
            switch CreatorIDRule.check(parameter: parameters["creator_id"]) {
            case .success(let v): id = v
            case .failure(let e): throw ToolFailure(code: "VALIDATION_ERROR", message: e.message)
            }
            let row = try storage.read { db -> Row? in
                guard let creator = try Self.resolve(db, id) else { return nil }
                return try Row.fetchOne(
                    db.cachedStatement(
                    sql: """
                        SELECT persona_id, creator_id, primary_tone, secondary_tone, emoji_frequency, favorite_emojis,
                          slang_level, avg_sentiment, avg_caption_length, last_analyzed, validation_status
                        FROM creator_personas WHERE creator_id = ?
                        """),
                    arguments: [creator.creatorID])
            }
            guard let row else {
                return ToolObject([
                    "creator_id": .string(parameters["creator_id"]?.stringValue ?? id), "primary_tone": "playful",
                    "secondary_tone": .null, "emoji_frequency": "moderate", "slang_level": "light", "_default": true,
                ])
            }
            var members: [String: ToolValue] = ["_default": false]
            for (column, value) in row { members[column] = SampleDataset.toolValue(value) }
            return ToolObject(members)
        } catch {
            let f = Self.storageFailure(error)
            return ToolObject(["error": .string(f.message), "error_code": .string(f.code)])
        }
    }
}
