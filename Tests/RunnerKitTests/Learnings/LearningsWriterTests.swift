import Foundation
import Testing

@testable import RunnerKit

#if canImport(Glibc)
import Glibc
#endif

@Suite("LEARNINGS.md write protocol")
struct LearningsWriterTests {
    static func writer(_ url: URL, _ today: String) -> LearningsWriter {
        var writer = LearningsWriter(url: url, displayPath: "LEARNINGS.md", today: today)
        writer.lockTimeout = .milliseconds(300)
        return writer
    }

    static func add(_ url: URL, _ today: String, _ request: AddLearning) throws -> LearningsWriteResult {
        try writer(url, today).write { try request.change(to: $0, today: today) }
    }

    @Test("five writes on the skeleton reproduce the section 12 example byte for byte")
    func fiveWrites() throws {
        let url = try LearningsFixtures.tempCopy(nil)
        _ = try Self.writer(url, "2026-02-02").initialize()
        _ = try Self.add(url, "2026-02-12", AddLearning(confidence: .medium, title: "Cluster Paid Asks in the Evening Window", fields: [
            ("Pattern", "Schedule all ppv_unlock sends back to back between 19:00 and 22:00"), ("Insight", "Evening fans buy more"),
            ("Source", "user"), ("Sample Size", "2"), ("Applies To", "tier:HIGH_VALUE"),
        ]))
        _ = try Self.add(url, "2026-03-04", AddLearning(confidence: .high, title: "Mark Every Live Promo as a Flyer Send", fields: [
            ("Pattern", "live_promo items were emitted with flyer_required set to 0"),
            ("Issue", "Validator rejected 3 schedules with FLYER_REQUIREMENT_VIOLATION"),
            ("Correction", "Set flyer_required to 1 on every live_promo item, including slots moved while rebalancing a day"),
            ("Source", "validation"), ("Violation Code", "FLYER_REQUIREMENT_VIOLATION"), ("Sample Size", "3"),
            ("Applies To", "creator:ivy_lane"), ("Evidence", "signals 12 (first seen 2026-03-01, last seen 2026-03-03)"),
        ]))
        _ = try Self.add(url, "2026-03-05", AddLearning(confidence: .medium, title: "Spread Engagement Sends Between Paid Asks", fields: [
            ("Pattern", "A game_post or dm_farm slot placed between consecutive ppv_unlock sends"),
            ("Insight", "Separating paid asks keeps the cooldown matrix satisfied and raised timing scores on approved schedules"),
            ("Source", "validation"), ("Quality Score", "89"), ("Sample Size", "11"), ("Applies To", "tier:HIGH_VALUE"),
            ("Metric Impact", "+4% conversion"),
        ]))
        _ = try Self.writer(url, "2026-03-05").write {
            try DeprecateLearning(id: "2026-02-12/cluster-paid-asks-in-the-evening-window",
                                  reason: "Superseded - back-to-back paid asks broke the cooldown matrix and lowered timing scores",
                                  supersededBy: "2026-03-05/spread-engagement-sends-between-paid-asks").change(to: $0, today: "2026-03-05")
        }
        let last = try Self.add(url, "2026-03-06", AddLearning(confidence: .low, title: "Midday Link Drops May Lift Weekend Opens", fields: [
            ("Observation", "Four Saturday link_drop sends placed between 12:00 and 14:00 opened above the creator's weekday average"),
            ("Hypothesis", "Weekend audiences check messages around lunch, so an early-afternoon link drop may reach more fans"),
            ("Source", "performance"), ("Sample Size", "4"), ("Applies To", "creator:ivy_lane"),
            ("Promote When", "Sample >= 10 AND at least 80% of weekend midday link drops beat the weekday average"),
        ]))
        #expect(last.written)
        #expect(try Data(contentsOf: url) == LearningsFixtures.data("valid/example.md"))
    }

    @Test("a write on a CRLF file keeps CRLF and every untouched line byte for byte")
    func crlfWrite() throws {
        let url = try LearningsFixtures.tempCopy("roundtrip/crlf.md")
        _ = try Self.add(url, "2026-03-07", AddLearning(confidence: .low, title: "Late Posts Open Less", fields: [
            ("Observation", "x"), ("Hypothesis", "y"), ("Source", "user"), ("Sample Size", "2"), ("Applies To", "all"),
        ]))
        let after = try #require(LearningsDocument(data: try Data(contentsOf: url)))
        #expect(after.lines.dropLast().allSatisfy { $0.ending == "\r\n" })
        #expect(try LearningsFixtures.data("roundtrip/crlf.md").count < Data(contentsOf: url).count)
    }

    @Test("editing a statistics number by hand triggers L051-L055 and lint --fix restores it")
    func fixRestores() throws {
        let url = try LearningsFixtures.tempCopy("invalid/L051-hand-edited-confidence.md")
        let result = try Self.writer(url, "2026-03-06").fix()
        #expect(result.metadataAfter?.version.description == "1.5.1")
        let file = LearningsParser.parse(result.after)
        #expect(LearningsLinter(path: "x", today: "2026-03-06").lint(file).isEmpty)
        let example = try LearningsFixtures.file("valid/example.md")
        #expect(file.document.lines.count == example.document.lines.count)
    }

    @Test("a result with a lint error writes nothing and exits 1")
    func resultLintError() throws {
        let url = try LearningsFixtures.tempCopy("valid/example.md")
        let before = try Data(contentsOf: url)
        #expect(throws: LearningsError.self) {
            _ = try Self.add(url, "2026-03-06", AddLearning(confidence: .high, title: "Bad Scope", fields: [
                ("Pattern", "p"), ("Issue", "i"), ("Correction", "c"), ("Source", "user"), ("Applies To", "tier:GOLD"),
            ]))
        }
        do {
            _ = try Self.add(url, "2026-03-06", AddLearning(confidence: .high, title: "Bad Scope", fields: [("Source", "user")]))
        } catch let error as LearningsError {
            #expect(error.exitStatus == .negative)
            #expect(error.diagnostics.contains { $0.rule == "L025" })
        }
        #expect(try Data(contentsOf: url) == before)
    }

    @Test("a file with non-derived lint errors is refused before any change")
    func brokenFileRefused() throws {
        let url = try LearningsFixtures.tempCopy("invalid/L028-unknown-scope.md")
        let before = try Data(contentsOf: url)
        #expect(throws: LearningsError.self) { _ = try Self.writer(url, "2026-03-06").fix() }
        #expect(try Data(contentsOf: url) == before)
    }

    @Test("a concurrent writer holding the lock makes the command refuse with exit 2")
    func locked() throws {
        let url = try LearningsFixtures.tempCopy("valid/example.md")
        let held = try LearningsLock.acquire(for: url, displayPath: "x", timeout: .seconds(1))
        defer { held.release() }
        do {
            _ = try Self.writer(url, "2026-03-06").fix()
            Issue.record("expected the lock to refuse")
        } catch let error as LearningsError {
            #expect(error == .locked("LEARNINGS.md"))
            #expect(error.exitStatus == .badInput)
        }
    }

    @Test("a writer that dies between temp file and rename leaves the original intact")
    func killedBeforeRename() throws {
        let url = try LearningsFixtures.tempCopy("invalid/L054-hand-edited-window.md")
        let before = try Data(contentsOf: url)
        var writer = Self.writer(url, "2026-03-06")
        writer.beforeRename = { temp in
            #expect(FileManager.default.fileExists(atPath: temp.path))
            throw LearningsError.writeFailed("simulated crash")
        }
        #expect(throws: LearningsError.self) { _ = try writer.fix() }
        #expect(try Data(contentsOf: url) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(!leftovers.contains { $0.hasPrefix(".LEARNINGS.md.tmp.") })
    }

    @Test("a stale temporary file from a killed writer is ignored and cleaned by the next write")
    func staleTemporary() throws {
        let url = try LearningsFixtures.tempCopy("invalid/L054-hand-edited-window.md")
        let stale = url.deletingLastPathComponent().appendingPathComponent(".LEARNINGS.md.tmp.999.1")
        try Data("half written".utf8).write(to: stale)
        #expect(LearningsLinter(path: "x", today: "2026-03-06").lint(try LearningsFixtures.file("invalid/L054-hand-edited-window.md")).contains { $0.rule == "L054" })
        _ = try Self.writer(url, "2026-03-06").fix()
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        let file = LearningsParser.parse(try #require(LearningsDocument(data: try Data(contentsOf: url))))
        #expect(LearningsLinter(path: "x", today: "2026-03-06").lint(file).isEmpty)
    }

    @Test("a file changed on disk during the command is not overwritten")
    func changedDuringCommand() throws {
        let url = try LearningsFixtures.tempCopy("invalid/L054-hand-edited-window.md")
        let edited = Data("someone else's edit\n".utf8)
        do {
            _ = try Self.writer(url, "2026-03-06").write { file in
                try edited.write(to: url)
                return LearningsChange(document: file.document, targets: [], bump: .patch, commitMessage: "", summary: [])
            }
            Issue.record("expected a refusal")
        } catch let error as LearningsError {
            #expect(error == .changedDuringCommand("LEARNINGS.md"))
        }
        #expect(try Data(contentsOf: url) == edited)
    }

    @Test("missing, non-UTF-8 and clock-skewed files are refused with exit 2")
    func badFiles() throws {
        let missing = try LearningsFixtures.tempCopy(nil)
        #expect(throws: LearningsError.fileMissing("LEARNINGS.md")) { _ = try Self.writer(missing, "2026-03-06").fix() }
        try Data([0x23, 0x20, 0xC3, 0x28, 0x0A]).write(to: missing)
        #expect(throws: LearningsError.notUTF8("LEARNINGS.md")) { _ = try Self.writer(missing, "2026-03-06").fix() }
        let skewed = try LearningsFixtures.tempCopy("valid/example.md")
        #expect(throws: LearningsError.clockSkew(lastUpdated: "2026-03-06", today: "2026-03-01")) {
            _ = try Self.writer(skewed, "2026-03-01").fix()
        }
        #expect(LearningsError.notUTF8("x").exitStatus == .badInput)
    }

    @Test("init refuses an existing file")
    func initRefusesExisting() throws {
        let url = try LearningsFixtures.tempCopy("valid/example.md")
        #expect(throws: LearningsError.fileExists("LEARNINGS.md")) { _ = try Self.writer(url, "2026-03-06").initialize() }
    }
}

@Suite("LEARNINGS.md invariants under writes")
struct LearningsInvariantTests {
    @Test("after every write of a long sequence the section 3 invariants hold and lint stays clean")
    func invariantsHold() throws {
        let url = try LearningsFixtures.tempCopy(nil)
        _ = try LearningsWriter(url: url, displayPath: "L", today: "2026-01-01").initialize()
        let scopes = ["all", "tier:LITE", "creator:alexia", "tier:PREMIUM", "creator:ivy_lane"]
        var ids: [String] = []
        for step in 0..<24 {
            let today = LearningsDates.adding(step, to: "2026-01-02")!
            let writer = LearningsWriter(url: url, displayPath: "L", today: today)
            _ = try writer.write { file in
                switch step % 4 {
                case 0, 1:
                    let request = AddLearning(confidence: .low, title: "Observation Number \(step)", fields: [
                        ("Observation", "o\(step)"), ("Hypothesis", "h\(step)"), ("Source", step % 2 == 0 ? "user" : "performance"),
                        ("Sample Size", "\(8 + step % 5)"), ("Applies To", scopes[step % scopes.count]),
                    ])
                    ids.append("\(today)/observation-number-\(step)")
                    return try request.change(to: file, today: today)
                case 2:
                    let candidate = file.entries(in: .low).first { ($0.sampleSize ?? 0) >= 10 && $0.value("Source") == "user" }
                    if let candidate {
                        return try PromoteLearning(id: candidate.id, to: .medium).change(to: file, today: today)
                    }
                    return try AddLearning(confidence: .high, title: "Correction Number \(step)", fields: [
                        ("Pattern", "p"), ("Issue", "i"), ("Correction", "c\(step)"), ("Source", "user"), ("Applies To", "all"),
                    ]).change(to: file, today: today)
                default:
                    let victim = try #require(file.activeEntries.last)
                    return try DeprecateLearning(id: victim.id, reason: "Expired - step \(step)").change(to: file, today: today)
                }
            }
            let file = LearningsParser.parse(try #require(LearningsDocument(data: try Data(contentsOf: url))))
            let findings = LearningsLinter(path: "L", today: today).lint(file)
            #expect(findings.errorCount == 0, "step \(step): \(findings.filter { $0.severity == .error })")
            let stats = LearningsStatistics.compute(file, lastUpdated: today)
            let active = file.activeEntries.count
            #expect(file.metadata?.total == active)
            #expect(stats.high + stats.medium + stats.low == active)
            #expect(stats.validation + stats.user + stats.performance == active)
            #expect(stats.allCreators + stats.tierSpecific + stats.creatorSpecific == active)
            #expect(file.metadata?.version.description == "1.\(step + 1).0")
        }
    }

    @Test("two concurrent writers serialise on the lock and neither update is lost")
    func concurrentWriters() async throws {
        let url = try LearningsFixtures.tempCopy("valid/example.md")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<4 {
                group.addTask {
                    let writer = LearningsWriter(url: url, displayPath: "L", today: "2026-03-07")
                    _ = try writer.write { file in
                        try AddLearning(confidence: .low, title: "Parallel Observation \(n)", fields: [
                            ("Observation", "o"), ("Hypothesis", "h"), ("Source", "user"), ("Sample Size", "1"), ("Applies To", "all"),
                        ]).change(to: file, today: "2026-03-07")
                    }
                }
            }
            try await group.waitForAll()
        }
        let file = LearningsParser.parse(try #require(LearningsDocument(data: try Data(contentsOf: url))))
        #expect(file.entries(in: .low).count == 5)
        #expect(file.metadata?.version.description == "1.9.0")
        #expect(LearningsLinter(path: "L", today: "2026-03-07").lint(file).errorCount == 0)
    }
}
