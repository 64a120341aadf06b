import Foundation
import GRDB

extension DataTools {
    static let triggerTypes = ["HIGH_PERFORMER", "TRENDING_UP", "EMERGING_WINNER", "SATURATING", "AUDIENCE_FATIGUE"]
    static let confidenceRank = ["low": 0, "moderate": 1, "high": 2]

    /// A validated trigger ready to upsert.
    struct TriggerInput {
        var contentType, triggerType, confidence, reason, expiresAt: String
        var multiplier: Double
        var metrics: ToolValue
    }

    /// save_volume_triggers (data-model.md §4.9): validate the whole batch, then upsert every
    /// trigger and one audit row in one immediate transaction.
    public func saveVolumeTriggers(_ parameters: [String: ToolValue], context: ToolCallContext = ToolCallContext())
        -> ToolObject
    {
        let started = ContinuousClock.now
        let p = ToolParameters(tool: "save_volume_triggers", values: parameters)
        let input = parameters["creator_id"]?.stringValue
        func failed(_ f: ToolFailure) -> ToolObject {
            var m: [String: ToolValue] = ["success": false, "error": .string(f.message), "error_code": .string(f.code)]
            for (k, v) in f.extra { m[k] = v }
            return ToolObject(m)
        }
        if let f = p.checkKnown(["creator_id", "triggers"]) { return failed(f) }
        let creatorInput: String
        switch CreatorIDRule.check(parameter: parameters["creator_id"]) {
        case .success(let id): creatorInput = id
        case .failure(let e): return failed(ToolFailure(code: "VALIDATION_ERROR", message: e.message))
        }
        guard let list = parameters["triggers"]?.arrayValue else {
            return failed(ToolFailure(code: "VALIDATION_ERROR", message: "triggers must be a list"))
        }
        if list.count > 100 { return failed(ToolFailure(code: "VALIDATION_ERROR", message: "triggers exceeds maximum of 100")) }
        if list.isEmpty {
            return ToolObject([
                "success": true, "triggers_saved": 0, "created_ids": [], "updated_ids": [], "message": "No triggers to save",
                "creator_id": .string(input ?? creatorInput),
            ])
        }
        let now = storage.clock.now()
        var warnings: [String] = list.count > 20 ? ["More than 20 triggers in one save (\(list.count))"] : []
        var errors: [String] = []
        var valid: [TriggerInput] = []
        for (i, value) in list.enumerated() {
            switch Self.validateTrigger(value, index: i, now: now) {
            case .success(let (trigger, notes)): valid.append(trigger); warnings += notes
            case .failure(let e): errors.append(e.message)
            }
        }
        if !errors.isEmpty {
            return failed(ToolFailure(
                code: "VALIDATION_ERROR", message: "Validation failed",
                extra: [
                    "validation_errors": .array(errors.map(ToolValue.string)), "triggers_rejected": .number(Double(errors.count)),
                    "triggers_valid": .number(Double(valid.count)), "creator_id": .string(input ?? creatorInput),
                ]))
        }
        if context.readOnly {
            return failed(ToolFailure(code: "READ_ONLY_VIOLATION", message: "save_volume_triggers refused: the run is read-only"))
        }
        let nowText = Timestamp.string(now)
        do {
            let outcome = try storage.write { db in
                try upsertTriggers(db, creatorInput: creatorInput, triggers: valid, now: nowText, context: context)
            }
            let hashInput = ToolValue.array(valid.sorted { ($0.contentType, $0.triggerType) < ($1.contentType, $1.triggerType) }.map {
                ["content_type": .string($0.contentType), "trigger_type": .string($0.triggerType),
                 "adjustment_multiplier": .number($0.multiplier), "confidence": .string($0.confidence), "expires_at": .string($0.expiresAt)]
            })
            return ToolObject([
                "success": true, "triggers_saved": .number(Double(valid.count)),
                "created_ids": .array(outcome.created.map { .number(Double($0)) }),
                "updated_ids": .array(outcome.updated.map { .number(Double($0)) }),
                "creator_id": .string(input ?? creatorInput), "creator_id_resolved": .string(outcome.creatorID),
                "warnings": warnings.isEmpty ? .null : .array(warnings.map(ToolValue.string)),
                "overwrite_warnings": outcome.overwrites.isEmpty ? .null : .array(outcome.overwrites),
                "metadata": [
                    "persisted_at": .string(nowText),
                    "execution_ms": .number(Double((ContinuousClock.now - started) / .milliseconds(1))),
                    "triggers_hash": .string(HashText.prefixed(hashInput.canonicalJSON())),
                ],
            ])
        } catch {
            return failed(Self.storageFailure(error))
        }
    }

    /// Per-trigger rules of §4.9; returns the normalised trigger and its warnings.
    static func validateTrigger(_ value: ToolValue, index i: Int, now: Date)
        -> Result<(TriggerInput, [String]), CreatorIDError>
    {
        func fail(_ m: String) -> Result<(TriggerInput, [String]), CreatorIDError> { .failure(CreatorIDError(message: "trigger[\(i)]: \(m)")) }
        guard let t = value.objectValue else { return fail("must be an object") }
        guard let content = t["content_type"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines), !content.isEmpty
        else { return fail("content_type is required") }
        guard let type = t["trigger_type"]?.stringValue, triggerTypes.contains(type) else {
            return fail("trigger_type must be one of \(triggerTypes.joined(separator: ", "))")
        }
        guard let raw = t["adjustment_multiplier"]?.numberValue else { return fail("adjustment_multiplier must be a number") }
        guard raw >= 0.5 && raw <= 2.0 else {
            return fail("adjustment_multiplier \(ToolValue.formatNumber(raw)) outside valid range [0.5, 2.0]")
        }
        var notes: [String] = []
        let multiplier = roundTo(raw, 4)
        if multiplier < 0.70 || multiplier > 1.50 { notes.append("trigger[\(i)]: extreme multiplier \(ToolValue.formatNumber(multiplier))") }
        var confidence = t["confidence"]?.stringValue ?? "moderate"
        if confidenceRank[confidence] == nil {
            notes.append("trigger[\(i)]: confidence '\(confidence)' is not low, moderate or high; using moderate")
            confidence = "moderate"
        }
        let reason = String((t["reason"]?.stringValue ?? "").unicodeScalars.prefix(500).map(Character.init))
        var expires = Timestamp.string(now.addingTimeInterval(7 * 86400))
        if let e = t["expires_at"], !e.isNull {
            guard let text = e.stringValue, let instant = Timestamp.parse(text) else {
                return fail("expires_at is not a timestamp: \(display(e))")
            }
            expires = Timestamp.string(instant)
        }
        var metrics = t["metrics_json"] ?? .null
        if metrics.objectValue == nil {
            if !metrics.isNull { notes.append("trigger[\(i)]: metrics_json is not an object; stored as {}") }
            metrics = .object([:])
        }
        if metrics.objectValue?.isEmpty == true { notes.append("trigger[\(i)]: empty metrics_json") }
        return .success((
            TriggerInput(contentType: content, triggerType: type, confidence: confidence, reason: reason, expiresAt: expires,
                         multiplier: multiplier, metrics: metrics), notes))
    }

    /// Upserts every trigger on (creator_id, content_type, trigger_type) and writes the audit row.
    private func upsertTriggers(
        _ db: Database, creatorInput: String, triggers: [TriggerInput], now: String, context: ToolCallContext
    ) throws -> (creatorID: String, created: [Int], updated: [Int], overwrites: [ToolValue]) {
        let creator = try resolveCreator(.string(creatorInput), in: db)
        var created: [Int] = []
        var updated: [Int] = []
        var overwrites: [ToolValue] = []
        let rank = "CASE %@ WHEN 'low' THEN 0 WHEN 'moderate' THEN 1 ELSE 2 END"
        for t in triggers {
            let existing = try Row.fetchOne(
                db.cachedStatement(
                sql: "SELECT trigger_id, adjustment_multiplier FROM volume_triggers WHERE creator_id = ? AND content_type = ? AND trigger_type = ?"),
                arguments: [creator.creatorID, t.contentType, t.triggerType])
            let id = try Int.fetchOne(
                db,
                sql: """
                    INSERT INTO volume_triggers (creator_id, content_type, trigger_type, adjustment_multiplier, reason, confidence,
                      metrics_json, detected_at, expires_at, is_active, detection_count, first_detected_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?)
                    ON CONFLICT (creator_id, content_type, trigger_type) DO UPDATE SET
                      adjustment_multiplier = excluded.adjustment_multiplier, reason = excluded.reason,
                      expires_at = excluded.expires_at, metrics_json = excluded.metrics_json,
                      detected_at = excluded.detected_at, is_active = 1, detection_count = detection_count + 1,
                      confidence = CASE WHEN \(String(format: rank, "excluded.confidence")) > \(String(format: rank, "confidence"))
                        THEN excluded.confidence ELSE confidence END
                    RETURNING trigger_id
                    """,
                arguments: [
                    creator.creatorID, t.contentType, t.triggerType, t.multiplier, t.reason, t.confidence,
                    t.metrics.canonicalJSON(), now, t.expiresAt, now,
                ])!
            if let existing {
                updated.append(id)
                let old: Double = existing["adjustment_multiplier"]
                let flip = (old > 1 && t.multiplier < 1) || (old < 1 && t.multiplier > 1)
                let delta = old != 0 ? (t.multiplier - old) / old * 100 : 0
                if flip || abs(delta) > 50 {
                    overwrites.append([
                        "trigger_id": .number(Double(id)), "content_type": .string(t.contentType),
                        "trigger_type": .string(t.triggerType), "old_multiplier": .number(old),
                        "new_multiplier": .number(t.multiplier), "direction_flip": .bool(flip),
                        "delta_percent": .number(roundTo(delta, 1)),
                    ])
                }
            } else {
                created.append(id)
            }
        }
        try AuditLog.append(
            db, occurredAt: now, actor: context.actor, action: "triggers.saved", entityType: "volume_triggers",
            entityId: creator.creatorID, runId: context.runID,
            after: [
                "created_ids": .array(created.map { .number(Double($0)) }), "updated_ids": .array(updated.map { .number(Double($0)) }),
            ])
        return (creator.creatorID, created, updated, overwrites)
    }
}
