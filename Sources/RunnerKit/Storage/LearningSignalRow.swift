import Foundation
import GRDB

/// Maps `learning_signals` rows to `LearningSignal` values and back (JSON columns, enumerations).
enum LearningSignalRow {
    /// Decodes one row; malformed JSON columns read as empty (data-model.md §1.4), bad enumerations throw.
    static func decode(_ row: Row) throws -> LearningSignal {
        let id: Int64 = row["id"]
        func enumeration<T: RawRepresentable<String>>(_ column: String, as: T.Type) throws -> T {
            let raw: String = row[column] ?? ""
            guard let value = T(rawValue: raw) else {
                throw LearningSignalStoreFailure.invalidColumn(id: id, column: column, value: raw)
            }
            return value
        }
        let kind = try enumeration("kind", as: SignalKind.self)
        let confidence = try enumeration("confidence", as: LearningTier.self)
        let first: String = row["first_seen_at"] ?? ""
        let observation = SignalObservation(
            kind: kind, confidence: confidence, source: row["source"], violationCode: row["violation_code"],
            appliesTo: row["applies_to"], patternKey: row["pattern_key"], title: row["title"],
            fields: strings(row["fields_json"]), subjects: list(row["subjects_json"]), runId: "",
            sampleSize: row["sample_size"], qualityScore: row["quality_total"], seenAt: first)
        var signal = LearningSignal(id: id, observation: observation)
        signal.runIds = list(row["run_ids_json"])
        signal.sampleSize = row["sample_size"]
        signal.lastSeenAt = row["last_seen_at"] ?? first
        signal.status = try enumeration("status", as: SignalStatus.self)
        signal.resolvedAt = row["resolved_at"]
        signal.learningId = row["learning_id"]
        signal.note = row["note"]
        return signal
    }

    /// Canonical JSON of a string map (keys sorted).
    static func json(_ fields: [String: String]) -> String {
        ToolValue.object(fields.mapValues { .string($0) }).canonicalJSON()
    }

    /// Canonical JSON of a string list.
    static func json(_ values: [String]) -> String {
        ToolValue.array(values.map { .string($0) }).canonicalJSON()
    }

    /// The string members of a JSON object column; absent or malformed reads as empty.
    static func strings(_ text: String?) -> [String: String] {
        guard let text, let object = ToolValue.parse(text)?.objectValue else { return [:] }
        return object.compactMapValues(\.stringValue)
    }

    /// The string items of a JSON array column; absent or malformed reads as empty.
    static func list(_ text: String?) -> [String] {
        guard let text, let array = ToolValue.parse(text)?.arrayValue else { return [] }
        return array.compactMap(\.stringValue)
    }
}
