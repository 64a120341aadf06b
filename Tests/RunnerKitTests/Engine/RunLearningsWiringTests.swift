import Foundation
import GRDB
import Testing

@testable import RunnerKit

/// A LEARNINGS.md in the fixture's config root with one applicable HIGH entry (creator:alexia),
/// one for another creator and one LOW entry; returns the applicable entry's id and the file bytes.
func writeLearnings(into fixture: LifecycleFixture) throws -> (id: String, data: Data) {
    let url = fixture.directory.appendingPathComponent("LEARNINGS.md")
    // The skeleton, dated before the fixture clock's today (2026-01-01).
    let skeleton = try String(contentsOf: LearningsFixtures.url("valid/skeleton.md"), encoding: .utf8)
    try skeleton.replacingOccurrences(of: "2026-02-02", with: "2025-12-01").write(to: url, atomically: true, encoding: .utf8)
    let writer = LearningsWriter(url: url, displayPath: "LEARNINGS.md", today: "2026-01-01")
    func add(_ tier: LearningTier, _ title: String, _ scope: String) throws {
        var fields: [(name: String, value: String)] = [
            ("Pattern", "pattern of \(title)"), ("Source", "user"), ("Applies To", scope), ("Sample Size", "1"),
        ]
        if tier == .high { fields += [("Issue", "issue of \(title)"), ("Correction", "Keep PPV after 9am")] }
        if tier == .medium { fields += [("Insight", "insight")] }
        if tier == .low { fields = [("Observation", "observed \(title)"), ("Source", "user"), ("Applies To", scope)] }
        _ = try writer.write {
            try AddLearning(confidence: tier, title: title, date: "2025-12-30", fields: fields)
                .change(to: $0, today: "2026-01-01")
        }
    }
    try add(.high, "No PPV Before Nine", "creator:alexia")
    try add(.high, "Other Creator Rule", "creator:somebody_else")
    let data = try Data(contentsOf: url)
    let file = LearningsParser.parse(LearningsDocument(data: data)!)
    let id = try #require(file.entries.first { $0.title == "No PPV Before Nine" }?.id)
    return (id, data)
}

@Suite("Learnings and signals wired into runs", .serialized)
struct RunLearningsWiringTests {
    let week = "2026-01-05"

    /// The learning columns and signals_count of one run row.
    func columns(_ fixture: LifecycleFixture, _ runId: String) throws -> (ids: String, version: String?, sha: String?, signals: Int) {
        let queue = try DatabaseQueue(path: fixture.directory.appendingPathComponent("eros.db").path)
        defer { try? queue.close() }
        return try queue.read { db in
            let row = try #require(
                try Row.fetchOne(
                    db, sql: "SELECT learning_ids, learnings_version, learnings_sha256, signals_count FROM runs WHERE run_id = ?",
                    arguments: [runId]))
            return (row["learning_ids"], row["learnings_version"], row["learnings_sha256"], row["signals_count"])
        }
    }

    @Test("every run, v5 and v4 with builtin agents, records the applicable ids, the file version and its hash")
    func runsRecordLearnings() async throws {
        let fixture = try LifecycleFixture()
        let (id, data) = try writeLearnings(into: fixture)
        let v5 = try await fixture.builtinLauncher("alexia").execute(RunRequest(creatorInput: "alexia", weekStart: week))
        let v4 = try await fixture.builtinLauncher("alexia").execute(
            RunRequest(creatorInput: "alexia", weekStart: week, forcedPipeline: "v4"))
        for report in [v5, v4] {
            let row = try columns(fixture, report.runId)
            #expect(row.ids == "[\"\(id)\"]", "\(report.pipeline)")
            #expect(row.version != nil)
            #expect(row.version == LearningsParser.parse(LearningsDocument(data: data)!).metadata?.version.description)
            #expect(row.sha == LearningSelectorTestsDigest.hex(data))
        }
        #expect(try Data(contentsOf: fixture.directory.appendingPathComponent("LEARNINGS.md")) == data, "runs never write it")
    }

    @Test("without a LEARNINGS.md a run records no ids and NULL version and hash, and still succeeds")
    func missingFile() async throws {
        let fixture = try LifecycleFixture()
        let report = try await fixture.builtinLauncher("alexia").execute(RunRequest(creatorInput: "alexia", weekStart: week))
        #expect(report.status == .succeeded, "\(report.errors)")
        let row = try columns(fixture, report.runId)
        #expect(row.ids == "[]")
        #expect(row.version == nil)
        #expect(row.sha == nil)
    }

    @Test("an external generator receives the applicable learning in its request and the run records it")
    func externalGeneratorReceivesLearnings() async throws {
        let scratch = AgentFixtures.temporaryDirectory()
        let requestFile = scratch.appendingPathComponent("request.json")
        let fixture = try LifecycleFixture { files in
            files["agents.yaml"] = """
                version: 1
                kind: agents
                agents:
                  schedule-generator: { role: generator, backend: command, command: ["\(AgentFixtures.path("record-request.sh"))", "\(requestFile.path)"], timeout: 30s }
                  schedule-validator: { role: validator, backend: builtin }

                """
        }
        let (id, _) = try writeLearnings(into: fixture)
        let report = try await fixture.builtinLauncher("alexia").execute(
            RunRequest(creatorInput: "alexia", weekStart: week, forcedPipeline: "v5"))
        #expect(report.phases.first { $0.id == "generator" }?.status == .succeeded, "\(report.errors)")
        let request = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: requestFile)) as? [String: Any])
        let learnings = try #require(request["learnings"] as? [[String: Any]])
        #expect(learnings.map { $0["id"] as? String } == [id])
        #expect(learnings.first?["confidence"] as? String == "HIGH")
        #expect(learnings.first?["title"] as? String == "No PPV Before Nine")
        let fields = try #require(learnings.first?["fields"] as? [String: String])
        #expect(fields["Correction"] == "Keep PPV after 9am")
        #expect(fields["Applies To"] == "creator:alexia")
        #expect(fields["Source"] == nil, "only the agent fields are passed")
        #expect(try columns(fixture, report.runId).ids == "[\"\(id)\"]")
    }

    @Test("a served run rejected by a hard gate records a pending signal; a dry run withholds it")
    func signals() async throws {
        let fixture = try LifecycleFixture { files in
            files["agents.yaml"] = agentsYAML(generator: "generator-minimal.sh", validator: "builtin")
        }
        let dry = try await fixture.builtinLauncher("alexia").execute(
            RunRequest(creatorInput: "alexia", weekStart: week, dryRun: true))
        #expect(dry.status == .rejected)
        #expect(try fixture.count("SELECT count(*) FROM learning_signals") == 0)
        #expect(try columns(fixture, dry.runId).signals >= 1, "withheld signals are counted")

        let served = try await fixture.builtinLauncher("alexia").execute(RunRequest(creatorInput: "alexia", weekStart: week))
        let candidate = try #require(served.fallbackRunId == nil ? served.runId : try candidateRunId(fixture, served))
        #expect(candidate != served.runId || served.fallbackRunId == nil)
        #expect(try fixture.count(
            "SELECT count(*) FROM learning_signals WHERE kind = 'violation' AND violation_code = 'INSUFFICIENT_DIVERSITY' AND status = 'pending' AND applies_to = 'creator:alexia'") == 1)
        let runIds = try fixture.count(
            "SELECT count(*) FROM learning_signals WHERE run_ids_json LIKE '%\(candidate)%'")
        #expect(runIds >= 1)
        #expect(try columns(fixture, candidate).signals >= 1)
        #expect(try fixture.count("SELECT count(*) FROM learning_signals WHERE run_ids_json LIKE '%\(dry.runId)%'") == 0)
    }

    /// The candidate run a fallback replaced.
    func candidateRunId(_ fixture: LifecycleFixture, _ served: RunReport) throws -> String? {
        let queue = try DatabaseQueue(path: fixture.directory.appendingPathComponent("eros.db").path)
        defer { try? queue.close() }
        return try queue.read {
            try String.fetchOne($0, sql: "SELECT fallback_of_run_id FROM runs WHERE run_id = ?", arguments: [served.runId])
        }
    }
}

/// SHA-256 hex of bytes, as runs record it.
enum LearningSelectorTestsDigest {
    static func hex(_ data: Data) -> String {
        LearningSelector.load(url: writeTemp(data), for: .init(pageName: "x", creatorId: "x", tier: "x"), today: "2026-01-01")
            .sha256 ?? ""
    }

    static func writeTemp(_ data: Data) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString).md")
        try? data.write(to: url)
        return url
    }
}
