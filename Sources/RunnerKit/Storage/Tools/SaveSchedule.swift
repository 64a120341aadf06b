import Foundation
import GRDB

extension DataTools {
    /// save_schedule (data-model.md §5): checks in order, then one immediate transaction (or a
    /// read transaction for a dry run); any failure leaves nothing written.
    public func saveSchedule(_ parameters: [String: ToolValue], context: ToolCallContext = ToolCallContext())
        -> SaveScheduleResult
    {
        let started = ContinuousClock.now
        let p = ToolParameters(tool: "save_schedule", values: parameters)
        let rawCreator = parameters["creator_id"]?.stringValue
        if let f = p.checkKnown(["creator_id", "week_start", "items", "validation_certificate", "dry_run"]) {
            return .failure(f, creatorID: rawCreator)
        }
        // 1. Creator id.
        let creatorInput: String
        if let raw = p.value("creator_id"), raw.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty != true {
            switch CreatorIDRule.check(parameter: raw) {
            case .success(let id): creatorInput = id
            case .failure(let e): return .failure(ToolFailure(code: "VALIDATION_ERROR", message: e.message))
            }
        } else {
            return .failure(ToolFailure(code: "VALIDATION_ERROR", message: "creator_id is required"))
        }
        // 2. Week.
        let weekText = parameters["week_start"].map(Self.display) ?? "null"
        guard let weekValue = p.value("week_start")?.stringValue, let week = CivilDay(weekValue) else {
            return .failure(
                ToolFailure(code: "INVALID_DATE", message: "week_start must be YYYY-MM-DD format, got: \(weekText)"),
                creatorID: creatorInput)
        }
        // 3. Items.
        let itemErrors = Self.itemErrors(parameters["items"])
        if !itemErrors.isEmpty {
            return .failure(
                ToolFailure(
                    code: "VALIDATION_ERROR", message: "Items validation failed",
                    extra: ["validation_errors": .array(itemErrors.map(ToolValue.string))]),
                creatorID: creatorInput)
        }
        let items = parameters["items"]!.arrayValue!
        let certificateValue = p.value("validation_certificate")
        if let certificateValue, certificateValue.objectValue == nil {
            return .failure(p.typeError("validation_certificate", "object"), creatorID: creatorInput)
        }
        let dryRun: Bool
        do { dryRun = try p.bool("dry_run", default: false) || context.readOnly } catch {
            return .failure(error, creatorID: creatorInput)
        }
        // 4-5. Certificate freshness and status.
        let now = storage.clock.now()
        let outcome = Self.certificateOutcome(certificateValue?.objectValue, itemCount: items.count, now: now)
        let plan = SchedulePlan(
            creatorInput: creatorInput, week: week, items: items, certificate: certificateValue,
            status: outcome.status, hash: ScheduleHash.compute(items), now: Timestamp.string(now))
        // 6-7. Resolution, lifecycle and write.
        do {
            let saved =
                dryRun
                ? try storage.read { db in try plan.apply(db, write: false, context: context) }
                : try storage.write { db in try plan.apply(db, write: true, context: context) }
            var r = SaveScheduleResult.succeeded()
            r.schedule_id = dryRun ? nil : saved.templateID
            r.template_id = dryRun ? nil : saved.templateID
            r.items_saved = items.count
            r.creator_id = creatorInput
            r.creator_id_resolved = saved.creatorID
            r.week_start = week.string
            r.week_end = week.adding(6).string
            r.status = outcome.status
            r.has_certificate = certificateValue != nil
            r.dry_run = dryRun
            r.replaced = saved.previous != nil
            r.previous_template_id = saved.previous?.id
            r.previous_status = saved.previous?.status
            r.metadata = .init(
                saved_at: plan.now, query_ms: Int((ContinuousClock.now - started) / .milliseconds(1)),
                schedule_hash: plan.hash, previous_schedule_hash: saved.previous?.hash)
            r.certificate_summary = outcome.summary
            r.warnings = outcome.warnings
            return r
        } catch {
            return .failure(Self.storageFailure(error), creatorID: creatorInput)
        }
    }
}

/// Everything save_schedule computed before touching the database.
struct SchedulePlan {
    var creatorInput: String
    var week: CivilDay
    var items: [ToolValue]
    var certificate: ToolValue?
    var status: String
    var hash: String
    var now: String

    /// The previous row when replacing.
    struct Previous {
        var id: Int
        var status: String
        var hash: String?
        var metadata: String?
    }

    /// Resolves (exact match), applies the lifecycle rules and, when `write`, saves the row and
    /// its audit row. Returns the template id (nil for a dry run that would insert).
    func apply(_ db: Database, write: Bool, context: ToolCallContext) throws
        -> (templateID: Int?, creatorID: String, previous: Previous?)
    {
        guard let creator = try DataTools.resolve(db, creatorInput, exactOnly: true) else {
            throw ToolFailure(code: "CREATOR_NOT_FOUND", message: "Creator not found: \(creatorInput)")
        }
        let existing = try Row.fetchOne(
            db.cachedStatement(
            sql: "SELECT template_id, status, generation_metadata FROM schedule_templates WHERE creator_id = ? AND week_start = ?"),
            arguments: [creator.creatorID, week.string])
        var previous: Previous?
        if let existing {
            let status: String = existing["status"]
            let id: Int = existing["template_id"]
            if status == "queued" || status == "completed" {
                throw ToolFailure(
                    code: status == "queued" ? "SCHEDULE_LOCKED" : "SCHEDULE_COMPLETED",
                    message: "Cannot replace schedule with status '\(status)'",
                    extra: [
                        "week_start": .string(week.string), "existing_template_id": .number(Double(id)),
                        "existing_status": .string(status),
                    ])
            }
            let metadata: String? = existing["generation_metadata"]
            let hash = metadata.flatMap(ToolValue.parse)?["schedule_hash"]?.stringValue
            previous = Previous(id: id, status: status, hash: hash, metadata: metadata)
        }
        var meta: [String: ToolValue] = [
            "items": .array(items), "schedule_hash": .string(hash), "item_count": .number(Double(items.count)),
            "generated_at": .string(now), "timezone": creator.timezone.map(ToolValue.string) ?? .null,
        ]
        if let certificate { meta["validation_certificate"] = certificate }
        if let previous {
            meta["revision"] = .object([
                "replaced_at": .string(now), "previous_template_id": .number(Double(previous.id)),
                "previous_status": .string(previous.status), "previous_hash": previous.hash.map(ToolValue.string) ?? .null,
            ])
        }
        guard write else { return (previous?.id, creator.creatorID, previous) }
        let metadataJSON = ToolValue.object(meta).canonicalJSON()
        let templateID: Int
        do {
            templateID = try writeRow(db, previous: previous, creatorID: creator.creatorID, metadataJSON: metadataJSON)
            try context.afterScheduleWrite?()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw ToolFailure(
                code: "DUPLICATE_SCHEDULE", message: "Schedule already exists for \(creatorInput) week \(week.string)")
        }
        let before: ToolValue? = previous.map { p in
            .object([
                "status": .string(p.status),
                "generation_metadata": p.metadata.map { ToolValue.parse($0) ?? .string($0) } ?? .null,
            ])
        }
        try AuditLog.append(
            db, occurredAt: now, actor: context.actor, action: previous == nil ? "schedule.saved" : "schedule.replaced",
            entityType: "schedule_templates", entityId: String(templateID), runId: context.runID,
            before: before,
            after: .object([
                "status": .string(status), "schedule_hash": .string(hash), "item_count": .number(Double(items.count)),
                "week_start": .string(week.string), "creator_id": .string(creator.creatorID),
            ]))
        return (templateID, creator.creatorID, previous)
    }

    /// Updates the replaced row in place (still draft or approved) or inserts a new one.
    private func writeRow(_ db: Database, previous: Previous?, creatorID: String, metadataJSON: String) throws -> Int {
        if let previous {
            try db.executeCached(
                sql: """
                    UPDATE schedule_templates SET week_end = ?, generated_at = ?, total_items = ?, status = ?,
                      generation_metadata = ?
                    WHERE template_id = ? AND status IN ('draft', 'approved')
                    """,
                arguments: [week.adding(6).string, now, items.count, status, metadataJSON, previous.id])
            guard db.changesCount == 1 else {
                throw ToolFailure(code: "DATABASE_ERROR", message: "Database error: schedule row changed during save")
            }
            return previous.id
        }
        return try Int.fetchOne(
            db.cachedStatement(
            sql: """
                INSERT INTO schedule_templates (creator_id, week_start, week_end, generated_at, status, total_items,
                  generation_metadata)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING template_id
                """),
            arguments: [creatorID, week.string, week.adding(6).string, now, status, items.count, metadataJSON])!
    }
}
