import Foundation
import Testing

@testable import RunnerKit

@Suite("LEARNINGS.md round trip")
struct LearningsRoundTripTests {
    @Test("every fixture, broken ones included, re-serialises to its exact bytes", arguments: LearningsFixtures.all())
    func roundTrip(fixture: String) throws {
        let data = try LearningsFixtures.data(fixture)
        let document = try #require(LearningsDocument(data: data))
        #expect(document.data == data)
        #expect(LearningsParser.parse(document).document.data == data)
    }

    @Test("there is at least one fixture per folder")
    func fixturesExist() {
        let all = LearningsFixtures.all()
        #expect(all.contains { $0.hasPrefix("valid/") })
        #expect(all.contains { $0.hasPrefix("invalid/") })
        #expect(all.contains { $0.hasPrefix("roundtrip/") })
    }

    @Test("CRLF endings, trailing spaces and a missing final newline are kept")
    func oddBytes() throws {
        let text = "a  \r\nb\nc"
        let document = LearningsDocument(text: text)
        #expect(document.lines.map(\.ending) == ["\r\n", "\n", ""])
        #expect(document.lines[0].text == "a  ")
        #expect(document.text == text)
    }

    @Test("bytes that are not UTF-8 are refused")
    func notUTF8() {
        #expect(LearningsDocument(data: Data([0x23, 0x20, 0xFF, 0xFE, 0x0A])) == nil)
    }

    @Test("unknown fields and unclassifiable lines are kept in the model")
    func unknownFields() throws {
        let file = try LearningsFixtures.file("roundtrip/trailing-spaces-and-unknown-field.md")
        let entry = try #require(file.entry(id: "2026-03-05/spread-engagement-sends-between-paid-asks"))
        #expect(entry.value("Reviewer") == "ops | with a pipe")
        let legacy = try LearningsFixtures.file("roundtrip/legacy-v1.md")
        #expect(legacy.entries.count == 2)
        #expect(legacy.entries[1].problems.count == 1)
    }

    @Test("learning ids follow the slug rule")
    func slugs() {
        #expect(LearningEntry.slug("Mark Every Live Promo as a Flyer Send") == "mark-every-live-promo-as-a-flyer-send")
        #expect(LearningEntry.slug("  Use `ppv_unlock`: never -> twice!! ") == "use-ppv-unlock-never-twice")
        #expect(LearningEntry.slug(String(repeating: "ab ", count: 40)).count <= 60)
        #expect(!LearningEntry.slug(String(repeating: "ab ", count: 40)).hasSuffix("-"))
    }
}
