import Foundation
import Testing

@testable import RunnerKit

/// End-to-end runs of the built `runner` binary for execute, route, flags and runs.
@Suite("Execute, route and runs commands", .serialized)
struct ExecuteCommandTests {
    typealias CLI = StorageCommandTests
    static let repository = CLI.binary.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A temp checkout: the shipped pipelines/ and alerts/, no database yet.
    static func checkout() throws -> URL {
        let dir = try CLI.tempDirectory()
        for folder in ["pipelines", "alerts"] {
            try FileManager.default.copyItem(
                at: repository.appendingPathComponent(folder), to: dir.appendingPathComponent(folder))
        }
        return dir
    }

    @Test("execute on a fresh checkout creates the sample database and serves alexia from v5")
    func freshCheckout() throws {
        let dir = try Self.checkout()
        let r = try CLI.run(["execute", "--creator", "alexia", "--week", "2026-01-05", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("created eros.db"))
        let json = try #require(CLI.json(r.stdout))
        #expect(
            Set(json.keys) == [
                "run_id", "creator_id", "week_start", "pipeline", "role", "decision", "status", "validation_status",
                "quality_score", "total_items", "schedule_id", "schedule_hash", "duration_ms", "phases", "violations",
                "fallback_run_id", "shadow_comparison", "errors",
            ])
        #expect(json["status"] as? String == "succeeded")
        #expect(json["pipeline"] as? String == "v5")
        let decision = try #require(json["decision"] as? [String: Any])
        #expect(decision["reason"] as? String == "allowlisted")
        #expect(decision["bucket"] as? Int == 49)
        let phases = try #require(json["phases"] as? [[String: Any]])
        #expect(phases.map { $0["id"] as? String } == ["preflight", "generator", "validator", "save"])
        #expect(Set(phases[0].keys) == ["id", "status", "attempts", "duration_ms", "error"])

        let runId = try #require(json["run_id"] as? String)
        let list = try CLI.run(["runs", "list", "--format", "json"], in: dir)
        #expect(list.status == 0)
        #expect((CLI.json(list.stdout)?["runs"] as? [Any])?.count == 1)
        let show = try CLI.run(["runs", "show", runId], in: dir)
        #expect(show.status == 0)
        #expect(show.stdout.contains("preflight"))
        #expect(try CLI.run(["runs", "show", "no-such-run"], in: dir).status == 2)
    }

    @Test("execute refuses bad input with 2, invalid configuration with 3, a missing --db with 4")
    func exitCodes() throws {
        let dir = try Self.checkout()
        let week = ["--week", "2026-01-05"]
        #expect(try CLI.run(["execute", "--creator", "maya@hill"] + week, in: dir).status == 2)
        #expect(try CLI.run(["execute", "--creator", "nobody_here"] + week, in: dir).status == 2)
        #expect(try CLI.run(["execute", "--creator", "alexia", "--week", "2026-02-30"], in: dir).status == 2)
        let env = try CLI.run(["execute", "--creator", "alexia"] + week, in: dir, environment: ["EROS_V5_ENABLED": "ture"])
        #expect(env.status == 3)
        #expect(env.stderr.contains(#"EROS_V5_ENABLED="ture" is not a boolean"#))
        #expect(try CLI.run(["execute", "--creator", "alexia", "--db", "typo.db"] + week, in: dir).status == 4)
        let inactive = try CLI.run(["execute", "--creator", "dormant_dana", "--format", "json"] + week, in: dir)
        #expect(inactive.status == 1)
        #expect((CLI.json(inactive.stdout)?["errors"] as? [[String: Any]])?.first?["code"] as? String == "CREATOR_INACTIVE")
        let runs = CLI.json(try CLI.run(["runs", "list", "--format", "json"], in: dir).stdout)?["runs"] as? [Any]
        #expect(runs?.count == 1, "only the inactive creator's run is recorded")
    }

    @Test("route explains buckets for known and unknown ids and refuses a malformed one")
    func route() throws {
        let dir = try Self.checkout()
        let r = try CLI.run(["route", "alexia", "ALEXIA", "test1", "--format", "json"], in: dir)
        #expect(r.status == 0)
        let decisions = try #require(CLI.json(r.stdout)?["decisions"] as? [[String: Any]])
        #expect(decisions.map { $0["bucket"] as? Int } == [49, 49, 19])
        #expect(decisions[2]["routing_key"] as? String == "test1")
        #expect(decisions[2]["reason"] as? String == "default")
        #expect(try CLI.run(["route", "zo\u{00EB}"], in: dir).status == 2)
        let flags = try CLI.run(["flags", "--format", "json"], in: dir, environment: ["EROS_V5_PERCENTAGE": "25"])
        let percentage = (CLI.json(flags.stdout)?["flags"] as? [String: [String: Any]])?["percentage"]
        #expect(percentage?["source"] as? String == "env")
        #expect(percentage?["value"] as? Int == 25)
    }

    @Test("a pipeline YAML edited between runs: the next execute runs the new DAG; a broken edit refuses with 3")
    func editedPipeline() throws {
        let dir = try Self.checkout()
        let args = ["execute", "--creator", "luna_free", "--week", "2026-02-02", "--pipeline", "v4", "--format", "json"]
        let before = try CLI.run(args, in: dir)
        #expect(before.status == 0, "\(before.stderr)")
        let ids = { (text: String) in (CLI.json(text)?["phases"] as? [[String: Any]])?.compactMap { $0["id"] as? String } }
        #expect(ids(before.stdout)?.contains("performance") == true)

        let file = dir.appendingPathComponent("pipelines/v4.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "  - id: performance\n    uses: analyze_performance\n    needs: [context]\n", with: "")
        text = text.replacingOccurrences(of: "needs: [readiness, performance]", with: "needs: [readiness]")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let after = try CLI.run(args, in: dir)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(ids(after.stdout)?.contains("performance") == false)
        #expect(ids(after.stdout)?.count == 10)

        try (text + "\n  - id: broken\n    uses: no_such_kind\n").write(to: file, atomically: true, encoding: .utf8)
        let broken = try CLI.run(args, in: dir)
        #expect(broken.status == 3)
        #expect(broken.stderr.contains("C007"))
    }
}

@Suite("Execute after kill -9", .serialized)
struct ExecuteKillTests {
    typealias CLI = StorageCommandTests

    @Test("kill -9 mid-run leaves a running row; the rerun for that creator-week marks it abandoned and proceeds")
    func killedRunIsAbandoned() throws {
        let dir = try ExecuteCommandTests.checkout()
        _ = try CLI.run(["route", "alexia"], in: dir)  // creates ./eros.db with the sample dataset
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["execute", "--all", "--week", "2026-02-09", "--concurrency", "4"]
        process.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment["EROS_DB_PATH"] = nil
        environment["EROS_NOW"] = "2026-01-05T12:00:00Z"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let storage = try Storage.open(
            path: dir.appendingPathComponent("eros.db").path, create: false, clock: .system)
        defer { try? storage.close() }
        // A blocking poll: this thread keeps running while the child works (the suite's
        // cooperative pool can be starved for minutes by other tests).
        var running: [StoredRun] = []
        while running.isEmpty && process.isRunning {
            running = try storage.listRuns(RunFilter(status: "running"))
            if running.isEmpty { usleep(500) }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let orphans = try storage.listRuns(RunFilter(status: "running"))
        let orphan = try #require(orphans.first, "the killed process left no running row")
        let rerun = try CLI.run(
            ["execute", "--creator", orphan.creatorId, "--week", "2026-02-09", "--format", "json"], in: dir)
        #expect(rerun.status == 0 || rerun.status == 1, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("abandoned"))
        let old = try #require(try storage.run(orphan.runId))
        #expect(old.status == "abandoned")
        #expect(old.errorCode == "ABANDONED")
        #expect(old.errorMessage?.hasPrefix("Owner process \(process.processIdentifier)") == true)
    }
}
