import Foundation
import Testing

@testable import RunnerKit

@Suite("Run records")
struct RunRecordStoreTests {
    func store() throws -> (RunRecordStore, Int, TempDirectory) {
        let dir = TempDirectory()
        let storage = try Storage.open(path: dir.path("runs.db"), create: true, clock: StorageFixture.clock)
        let store = RunRecordStore(storage: storage)
        let config = try store.recordAppliedConfig(
            configHash: "sha256:abc", phase: "canary", flags: ["enabled": true], salt: "", status: "accepted", reason: nil,
            seenBy: "test")
        return (store, config, dir)
    }

    func newRun(_ id: String, config: Int, role: String = "primary") -> NewRun {
        NewRun(
            runID: id, creatorID: "cr_x", weekStart: "2026-01-05", pipeline: "v4", role: role, decision: ["reason": "default"],
            decisionTarget: "control", decisionReason: "default", appliedConfigID: config, readOnly: role == "diagnostic",
            ownerPID: 42, ownerHost: "host", runnerVersion: "0.1.0")
    }

    @Test("a second served run of the same creator-week is RUN_IN_PROGRESS and records nothing")
    func runInProgress() throws {
        let (store, config, dir) = try store()
        _ = dir
        try store.insertRun(newRun("r1", config: config), actor: "test")
        #expect(throws: RunRecordError.runInProgress(creatorID: "cr_x", weekStart: "2026-01-05", runID: "r1")) {
            try store.insertRun(newRun("r2", config: config), actor: "test")
        }
        #expect(try store.run(id: "r2") == nil)
        try store.insertRun(newRun("d1", config: config, role: "diagnostic"), actor: "test")
        #expect(try store.listRuns().count == 2)
    }

    @Test("finishing is final: a second finish or heartbeat fails, phases and gate codes are recorded")
    func finish() throws {
        let (store, config, dir) = try store()
        _ = dir
        try store.insertRun(newRun("r1", config: config), actor: "test")
        try store.startPhase(runID: "r1", phase: "preflight", attempt: 1, ordinal: 0)
        try store.finishPhase(runID: "r1", phase: "preflight", attempt: 1, status: "succeeded", dataCalls: 3)
        try store.heartbeat(runID: "r1")
        var outcome = RunOutcome(status: "rejected")
        outcome.gateCodes = ["VAULT_VIOLATION", "LOW_QUALITY_SCORE"]
        try store.finishRun(runID: "r1", outcome: outcome, actor: "test")
        let run = try store.run(id: "r1")
        #expect(run?.status == "rejected" && run?.hard_gate_violation == true)
        #expect(run?.gate_codes == ["LOW_QUALITY_SCORE", "VAULT_VIOLATION"])
        #expect(run?.finished_at != nil)
        #expect(try store.phases(runID: "r1").first?.data_calls == 3)
        #expect(throws: RunRecordError.notRunning(runID: "r1")) {
            try store.finishRun(runID: "r1", outcome: RunOutcome(status: "succeeded"), actor: "test")
        }
        #expect(throws: RunRecordError.notRunning(runID: "r1")) { try store.heartbeat(runID: "r1") }
        try store.insertRun(newRun("r2", config: config), actor: "test")
        #expect(try store.listRuns(status: "running").map(\.run_id) == ["r2"])
    }
}

@Suite("Run abandonment")
struct RunAbandonmentTests {
    @Test("a rerun after the owner process died abandons the old run and proceeds")
    func deadOwner() throws {
        let dir = TempDirectory()
        let storage = try Storage.open(path: dir.path("runs.db"), create: true, clock: StorageFixture.clock)
        let store = RunRecordStore(storage: storage)
        let config = try store.recordAppliedConfig(
            configHash: "h", phase: nil, flags: [:], salt: "", status: "accepted", reason: nil, seenBy: "t")
        var dead = NewRun(
            runID: "old", creatorID: "cr_x", weekStart: "2026-01-05", pipeline: "v4", role: "primary", decision: [:],
            decisionTarget: "control", decisionReason: "default", appliedConfigID: config, readOnly: false,
            ownerPID: 999_999, ownerHost: "thishost", runnerVersion: "t")
        try store.insertRun(dead, actor: "t")
        dead.runID = "new"
        dead.ownerPID = Int(getpid())
        try store.insertRun(dead, actor: "t")
        let old = try store.run(id: "old")
        #expect(old?.status == "abandoned" && old?.error_code == "ABANDONED")
        #expect(old?.error_message == "Owner process 999999 on thishost is gone")
        #expect(try store.run(id: "new")?.status == "running")
    }
}
