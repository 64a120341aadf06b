import Foundation
import GRDB
import Testing

@testable import RunnerKit

@Suite("save_schedule")
struct SaveScheduleTests {
    static let week = "2026-01-05"

    static func items(_ count: Int = 2) -> ToolValue {
        .array(
            (0..<count).map { i in
                [
                    "send_type_key": "ppv_unlock", "scheduled_date": "2026-01-1\(i % 7 + 2)", "scheduled_time": "19:2\(i % 10)",
                    "content_type": "lingerie", "price": 15, "caption_id": .number(Double(100 + i)),
                ]
            })
    }

    static func certificate(
        ageSeconds: Double, status: String = "APPROVED", items: Int = 2, now: Date = StorageFixture.clock.now()
    ) -> ToolValue {
        let instant = now.addingTimeInterval(-ageSeconds)
        return [
            "validation_status": .string(status), "quality_score": 88, "items_validated": .number(Double(items)),
            "validation_timestamp": .string(Timestamp.string(instant)),
        ]
    }

    func tools() throws -> (DataTools, TempDirectory) {
        let dir = TempDirectory()
        return (DataTools(storage: try StorageFixture.sampleDatabase(dir)), dir)
    }

    func auditCount(_ tools: DataTools) throws -> Int {
        try tools.storage.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0 }
    }

    @Test(
        "queued and completed schedules cannot be replaced",
        arguments: [
            ("grace_bennett", "2026-01-05", "SCHEDULE_LOCKED", "queued"),
            ("conflict_carla", "2026-01-12", "SCHEDULE_LOCKED", "queued"),
            ("jade-lee", "2025-12-22", "SCHEDULE_COMPLETED", "completed"),
            ("alexia", "2025-12-29", "SCHEDULE_COMPLETED", "completed"),
        ])
    func lifecycleConflicts(page: String, week: String, code: String, status: String) throws {
        let (tools, _dir) = try tools()
        _ = _dir
        let digest = try SampleDataset.digest(of: tools.storage)
        let audits = try auditCount(tools)
        let r = tools.saveSchedule(["creator_id": .string(page), "week_start": .string(week), "items": Self.items()])
        #expect(!r.success)
        #expect(r.error_code == code)
        #expect(r.error == "Cannot replace schedule with status '\(status)'")
        #expect(r.existing_status == status)
        #expect(r.existing_template_id != nil)
        #expect(try SampleDataset.digest(of: tools.storage) == digest)
        #expect(try auditCount(tools) == audits)
    }

    @Test("a draft is replaced in place with a revision and a schedule.replaced audit row")
    func replaceDraft() throws {
        let (tools, dir) = try tools()
        _ = dir
        let before = try tools.storage.read { db in
            try Row.fetchOne(
                db, sql: "SELECT template_id, generation_metadata FROM schedule_templates WHERE creator_id = ? AND week_start = '2026-01-12'",
                arguments: [StorageFixture.id("maya_hill")])!
        }
        let r = tools.saveSchedule(["creator_id": "maya_hill", "week_start": "2026-01-12", "items": Self.items()])
        #expect(r.success)
        #expect(r.replaced == true)
        #expect(r.schedule_id == before["template_id"])
        #expect(r.previous_status == "draft")
        #expect(r.status == "draft")
        let previousHash = ToolValue.parse(before["generation_metadata"])?["schedule_hash"]?.stringValue
        #expect(r.metadata?.previous_schedule_hash == previousHash)
        let saved = try tools.storage.read { db in
            try String.fetchOne(db, sql: "SELECT generation_metadata FROM schedule_templates WHERE template_id = ?", arguments: [r.schedule_id])
        }
        let meta = ToolValue.parse(saved!)
        #expect(meta?["revision"]?["previous_status"] == "draft")
        #expect(meta?["revision"]?["previous_template_id"] == .number(Double(r.schedule_id!)))
        #expect(meta?["schedule_hash"]?.stringValue == r.metadata?.schedule_hash)
        let audit = try tools.storage.read { db in
            try Row.fetchOne(db, sql: "SELECT action, before_json FROM audit_log ORDER BY audit_id DESC LIMIT 1")!
        }
        #expect(audit["action"] == "schedule.replaced")
        let auditBefore = ToolValue.parse(audit["before_json"])
        #expect(auditBefore?["status"] == "draft")
        #expect(auditBefore?["generation_metadata"] == ToolValue.parse(before["generation_metadata"]))
    }

    @Test("an unused week gets a new draft without a certificate, approved with a fresh APPROVED one")
    func certificates() throws {
        let (tools, dir) = try tools()
        _ = dir
        let draft = tools.saveSchedule(["creator_id": "maya_hill", "week_start": "2099-12-28", "items": Self.items()])
        #expect(draft.success && draft.status == "draft" && draft.replaced == false)
        #expect(draft.certificate_summary == nil)
        let approved = tools.saveSchedule([
            "creator_id": "maya_hill", "week_start": "2099-12-28", "items": Self.items(),
            "validation_certificate": Self.certificate(ageSeconds: 10),
        ])
        #expect(approved.status == "approved")
        #expect(approved.replaced == true && approved.schedule_id == draft.schedule_id)
        #expect(approved.certificate_summary?.is_fresh == true)
        #expect(approved.warnings == [])
        let stale = tools.saveSchedule([
            "creator_id": "maya_hill", "week_start": "2099-12-21", "items": Self.items(),
            "validation_certificate": Self.certificate(ageSeconds: 301),
        ])
        #expect(stale.success && stale.status == "draft")
        #expect(stale.certificate_summary?.is_fresh == false)
        #expect(stale.warnings?.first?.hasPrefix("Certificate freshness: certificate expired (age: 30") == true)
        #expect(stale.warnings?.first?.hasSuffix("- status downgraded to 'draft'") == true)
    }

    @Test(
        "certificate freshness bounds and status words",
        arguments: [
            (300.0, "APPROVED", "approved"), (-30.0, "approved", "approved"), (-31.0, "APPROVED", "draft"),
            (10.0, "NEEDS_REVIEW", "draft"), (10.0, "REJECTED", "draft"),
        ])
    func freshness(age: Double, word: String, expected: String) throws {
        let now = Date(timeIntervalSince1970: 1_767_614_400)
        let outcome = DataTools.certificateOutcome(
            Self.certificate(ageSeconds: age, status: word, now: now).objectValue, itemCount: 2, now: now)
        #expect(outcome.status == expected)
    }

    @Test("a certificate that counted a different number of items only adds a warning")
    func itemCountMismatch() {
        let outcome = DataTools.certificateOutcome(
            Self.certificate(ageSeconds: 1, items: 5).objectValue, itemCount: 2, now: StorageFixture.clock.now())
        #expect(outcome.status == "approved")
        #expect(outcome.warnings == ["Item count mismatch: certificate validated 5, received 2"])
    }

    @Test("a dry run answers like a save but writes nothing, not even an audit row")
    func dryRun() throws {
        let (tools, dir) = try tools()
        _ = dir
        let digest = try SampleDataset.digest(of: tools.storage)
        let audits = try auditCount(tools)
        let r = tools.saveSchedule([
            "creator_id": "maya_hill", "week_start": "2026-01-12", "items": Self.items(), "dry_run": true,
        ])
        #expect(r.success && r.dry_run == true && r.replaced == true && r.previous_status == "draft")
        #expect(r.schedule_id == nil && r.template_id == nil)
        let readOnly = tools.saveSchedule(
            ["creator_id": "maya_hill", "week_start": "2099-12-28", "items": Self.items()],
            context: ToolCallContext(readOnly: true))
        #expect(readOnly.success && readOnly.dry_run == true && readOnly.replaced == false)
        let locked = tools.saveSchedule(["creator_id": "grace_bennett", "week_start": .string(Self.week), "items": Self.items(), "dry_run": true])
        #expect(locked.error_code == "SCHEDULE_LOCKED")
        #expect(try SampleDataset.digest(of: tools.storage) == digest)
        #expect(try auditCount(tools) == audits)
        let encoded = try ToolValue.encode(r)
        #expect(encoded["schedule_id"] == .null)
    }

    @Test(
        "bad input is refused with its code and nothing is written",
        arguments: [
            (["week_start": "2026-01-05"] as [String: ToolValue], "VALIDATION_ERROR", "creator_id is required"),
            (["creator_id": "   ", "week_start": "2026-01-05"], "VALIDATION_ERROR", "creator_id is required"),
            (["creator_id": "maya@hill", "week_start": "2026-01-05"], "VALIDATION_ERROR", "creator_id contains invalid characters: @"),
            (["creator_id": "x' OR '1'='1", "week_start": "2026-01-05"], "VALIDATION_ERROR", "creator_id contains invalid characters: ' ="),
            (["creator_id": .string(String(repeating: "a", count: 500)), "week_start": "2026-01-05"], "VALIDATION_ERROR", "creator_id length must be 2-100 chars, got 500"),
            (["creator_id": "maya_hill", "week_start": "2026-1-5"], "INVALID_DATE", "week_start must be YYYY-MM-DD format, got: 2026-1-5"),
            (["creator_id": "maya_hill", "week_start": "2026-02-30"], "INVALID_DATE", "week_start must be YYYY-MM-DD format, got: 2026-02-30"),
            (["creator_id": "nobody_here", "week_start": "2026-01-05"], "CREATOR_NOT_FOUND", "Creator not found: nobody_here"),
            (["creator_id": "MAYA_HILL", "week_start": "2026-01-05"], "CREATOR_NOT_FOUND", "Creator not found: MAYA_HILL"),
            (["creator_id": "maya_hill", "week_start": "2026-01-05", "extra": 1], "VALIDATION_ERROR", "Unknown parameter 'extra' for save_schedule"),
        ])
    func badInput(parameters: [String: ToolValue], code: String, message: String) throws {
        let (tools, dir) = try tools()
        _ = dir
        let digest = try SampleDataset.digest(of: tools.storage)
        var p = parameters
        if p["items"] == nil { p["items"] = Self.items() }
        let r = tools.saveSchedule(p)
        #expect(!r.success)
        #expect(r.error_code == code)
        #expect(r.error == message)
        #expect(try SampleDataset.digest(of: tools.storage) == digest)
    }

    @Test("structural item problems are all reported together")
    func itemProblems() {
        let items: ToolValue = [
            ["send_type_key": "ppv_unlock", "scheduled_date": "2026-01-05", "scheduled_time": "9:23"],
            ["send_type_key": "ppv_unlock"],
            ["send_type_key": "bump_normal", "scheduled_date": "2026-13-01", "scheduled_time": "24:00", "price": 4.99],
            "not an object",
            ["send_type_key": "x", "scheduled_date": "2026-01-05", "scheduled_time": "10:00", "flyer_required": 2, "price": 50],
        ]
        let errors = DataTools.itemErrors(items)
        #expect(errors.count == 7)
        #expect(errors.contains("item[1]: missing required keys: scheduled_date, scheduled_time"))
        #expect(errors.contains("item[3]: must be an object"))
        #expect(DataTools.itemErrors(.array([])) == ["items list is empty"])
        #expect(DataTools.itemErrors("x") == ["items must be a list, got string"])
        #expect(DataTools.itemErrors(.array(Array(repeating: ["a": 1], count: 501))) == ["items exceeds maximum of 500"])
    }

    @Test("schedule_hash matches the worked example of schedule-domain.md §11.3")
    func scheduleHash() {
        let items: [ToolValue] = [
            ["send_type_key": "ppv_unlock", "scheduled_date": "2026-01-06", "scheduled_time": "19:23",
             "content_type": "lingerie", "price": 15.0, "caption_id": 12345],
            ["send_type_key": "bump_normal", "scheduled_date": "2026-01-06", "scheduled_time": "10:07",
             "content_type": "solo", "price": nil, "caption_id": 222],
        ]
        #expect(ScheduleHash.compute(items) == "sha256:8af3360af629a7df")
        #expect(ScheduleHash.compute([]) == "sha256:empty")
    }

    @Test("a failure after the row is written rolls back the row and writes no audit row")
    func rollbackMidTransaction() throws {
        let (tools, dir) = try tools()
        _ = dir
        let digest = try SampleDataset.digest(of: tools.storage)
        let audits = try auditCount(tools)
        var context = ToolCallContext()
        context.afterScheduleWrite = { throw DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error") }
        let r = tools.saveSchedule(["creator_id": "maya_hill", "week_start": "2026-01-12", "items": Self.items()], context: context)
        #expect(r.error_code == "DATABASE_ERROR")
        #expect(r.error == "Database error: disk I/O error")
        context.afterScheduleWrite = { throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_UNIQUE, message: "UNIQUE constraint failed") }
        let dup = tools.saveSchedule(["creator_id": "maya_hill", "week_start": "2099-12-28", "items": Self.items()], context: context)
        #expect(dup.error_code == "DUPLICATE_SCHEDULE")
        #expect(dup.error == "Schedule already exists for maya_hill week 2099-12-28")
        #expect(try SampleDataset.digest(of: tools.storage) == digest)
        #expect(try auditCount(tools) == audits)
    }

    @Test("the write lock held past the busy timeout gives DATABASE_BUSY")
    func busy() async throws {
        let (tools, dir) = try tools()
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: tools.storage.path, configuration: config)
        try await other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
        }
        let r = tools.saveSchedule(["creator_id": "maya_hill", "week_start": "2099-12-28", "items": Self.items()])
        #expect(r.error_code == "DATABASE_BUSY")
        try await other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        _ = dir
    }
}
