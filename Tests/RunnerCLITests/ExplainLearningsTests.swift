import Foundation
import Testing

/// `runner explain --creator ID` lists the learnings that apply today, and runs record them.
@Suite("Explain learnings", .serialized)
struct ExplainLearningsTests {
    typealias CLI = StorageCommandTests

    @Test("explain lists the applicable HIGH entry with tier and scope; an execute run records the same ids")
    func applicableLearnings() throws {
        let dir = try ExecuteCommandTests.checkout()
        #expect(try CLI.run(["learnings", "init"], in: dir).status == 0)
        let add = try CLI.run(
            ["learnings", "add", "--confidence", "HIGH", "--title", "No PPV Before Nine", "--source", "user",
             "--applies-to", "creator:alexia", "--pattern", "early ppv", "--issue", "rejected",
             "--correction", "Keep PPV after 9am"], in: dir)
        #expect(add.status == 0, "\(add.stderr)")
        let other = try CLI.run(
            ["learnings", "add", "--confidence", "HIGH", "--title", "Somebody Else Rule", "--source", "user",
             "--applies-to", "creator:somebody_else", "--pattern", "p", "--issue", "i", "--correction", "c"], in: dir)
        #expect(other.status == 0, "\(other.stderr)")
        let before = try Data(contentsOf: dir.appendingPathComponent("LEARNINGS.md"))
        let run = try CLI.run(["execute", "--creator", "alexia", "--week", "2026-01-05", "--format", "json"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let explain = try CLI.run(["explain", "--creator", "alexia", "--format", "json"], in: dir)
        #expect(explain.status == 0, "\(explain.stderr)")
        let json = try #require(CLI.json(explain.stdout))
        let applicable = try #require(json["applicable_learnings"] as? [String: Any])
        #expect(applicable["tier"] as? String != nil)
        let learnings = try #require(applicable["learnings"] as? [[String: Any]])
        #expect(learnings.map { $0["title"] as? String } == ["No PPV Before Nine"])
        #expect(learnings.first?["applies_to"] as? String == "creator:alexia")
        #expect(learnings.first?["confidence"] as? String == "HIGH")
        let recorded = try #require(json["learnings"] as? [String: Any])
        #expect(recorded["learning_ids"] as? [String] == learnings.map { $0["id"] as? String ?? "" })
        #expect(try Data(contentsOf: dir.appendingPathComponent("LEARNINGS.md")) == before, "runs never write it")
    }
}
