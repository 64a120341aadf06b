import Foundation
import GRDB
import Testing

@testable import RunnerKit

/// A child test process is killed with SIGKILL inside save_schedule's transaction, after the row
/// was rewritten and before the audit row; the parent then checks the file holds the old schedule.
@Suite("save_schedule crash safety")
struct SaveScheduleCrashTests {
    static let childVariable = "EROS_SAVE_CRASH_CHILD_DB"

    @Test("a process killed mid-save leaves the old schedule, never a mix")
    func killedMidSave() throws {
        let dir = TempDirectory()
        let storage = try StorageFixture.sampleDatabase(dir)
        let maya = StorageFixture.id("maya_hill")
        let before = try storage.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM schedule_templates WHERE creator_id = ? AND week_start = '2026-01-12'", arguments: [maya])!
        }
        let audits = try storage.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") }
        try storage.close()

        let child = Process()
        child.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        child.arguments = ["--testing-library", "swift-testing", "--filter", "SaveScheduleCrashTests/childSavesAndDies"]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.childVariable] = storage.path
        child.environment = environment
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(child.terminationStatus == SIGKILL)

        let reopened = try Storage.open(path: storage.path, create: false, clock: StorageFixture.clock)
        let after = try reopened.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM schedule_templates WHERE creator_id = ? AND week_start = '2026-01-12'", arguments: [maya])!
        }
        #expect(after == before)
        let auditsAfter = try reopened.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") }
        #expect(auditsAfter == audits)
        let integrity = try reopened.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    /// Runs only inside the child process started above.
    @Test("child helper: save and die inside the transaction", .enabled(if: ProcessInfo.processInfo.environment[childVariable] != nil))
    func childSavesAndDies() throws {
        let path = ProcessInfo.processInfo.environment[Self.childVariable]!
        let tools = DataTools(storage: try Storage.open(path: path, create: false, clock: StorageFixture.clock))
        var context = ToolCallContext()
        context.afterScheduleWrite = { kill(getpid(), SIGKILL) }
        _ = tools.saveSchedule(
            ["creator_id": "maya_hill", "week_start": "2026-01-12", "items": SaveScheduleTests.items(5)], context: context)
        Issue.record("the child survived its own SIGKILL")
    }
}
