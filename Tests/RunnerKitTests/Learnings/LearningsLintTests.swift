import Foundation
import Testing

@testable import RunnerKit

@Suite("LEARNINGS.md lint rules")
struct LearningsLintTests {
    static let planted: [(String, String, Int, String)] = [
        ("L001-wrong-title", "L001", 1, "2026-03-06"),
        ("L002-bad-version", "L002", 3, "2026-03-06"),
        ("L003-unknown-section", "L003", 109, "2026-03-06"),
        ("L004-wrong-blockquote", "L004", 30, "2026-03-06"),
        ("L005-unclosed-fence", "L005", 111, "2026-03-06"),
        ("L005-placeholder", "L005", 37, "2026-03-06"),
        ("L005-merge-conflict", "L005", 59, "2026-03-06"),
        ("L006-text-in-statistics", "L006", 19, "2026-03-06"),
        ("L007-stray-line", "L007", 32, "2026-03-06"),
        ("L008-changelog-header", "L008", 83, "2026-03-06"),
        ("L009-missing-separator", "L009", 80, "2026-03-06"),
        ("L010-missing-hook", "L010", 94, "2026-03-06"),
        ("L011-no-ready-line", "L011", 113, "2026-03-06"),
        ("L020-bad-heading-date", "L020", 32, "2026-03-06"),
        ("L021-future-date", "L021", 59, "2026-03-06"),
        ("L022-after-last-updated", "L022", 59, "2026-03-10"),
        ("L023-not-a-field-line", "L023", 34, "2026-03-06"),
        ("L024-unknown-field", "L024", 52, "2026-03-06"),
        ("L025-missing-correction", "L025", 32, "2026-03-06"),
        ("L026-observation-under-high", "L026", 36, "2026-03-06"),
        ("L027-unknown-source", "L027", 62, "2026-03-06"),
        ("L028-unknown-scope", "L028", 50, "2026-03-06"),
        ("L029-bad-sample-size", "L029", 62, "2026-03-06"),
        ("L030-low-quality-medium", "L030", 49, "2026-03-06"),
        ("L031-unknown-code", "L031", 36, "2026-03-06"),
        ("L032-bad-metric-impact", "L032", 51, "2026-03-06"),
        ("L033-medium-no-admission", "L033", 46, "2026-03-06"),
        ("L034-promoted-marker", "L034", 52, "2026-03-06"),
        ("L035-duplicate-entry", "L035", 40, "2026-03-06"),
        ("L036-fixture-creator", "L036", 63, "2026-03-06"),
        ("L038-promotion-candidate", "L038", 59, "2026-03-06"),
        ("L039-archive-candidate", "L039", 72, "2026-03-06"),
        ("L040-bad-reason", "L040", 74, "2026-03-06"),
        ("L041-unknown-successor", "L041", 75, "2026-03-06"),
        ("L050-bad-statistics", "L050", 20, "2026-03-06"),
        ("L051-hand-edited-confidence", "L051", 20, "2026-03-06"),
        ("L052-hand-edited-source", "L052", 21, "2026-03-06"),
        ("L053-hand-edited-scope", "L053", 22, "2026-03-06"),
        ("L054-hand-edited-window", "L054", 23, "2026-03-06"),
        ("L055-wrong-total", "L055", 3, "2026-03-06"),
        ("L060-broken-changelog-row", "L060", 88, "2026-03-06"),
        ("L061-second-created-row", "L061", 89, "2026-03-06"),
        ("L062-missing-added-row", "L062", 32, "2026-03-06"),
        ("L063-promoted-target", "L063", 87, "2026-03-06"),
        ("L064-rows-out-of-order", "L064", 89, "2026-03-06"),
        ("L010-broken-table", "L010", 7, "2026-03-06"),
    ]

    static func lint(_ relative: String, today: String) throws -> [Diagnostic] {
        LearningsLinter(path: relative, today: today).lint(try LearningsFixtures.file(relative))
    }

    @Test("each planted mistake is reported with its rule id at its line", arguments: planted)
    func plantedMistake(fixture: String, rule: String, line: Int, today: String) throws {
        let findings = try Self.lint("invalid/\(fixture).md", today: today)
        #expect(findings.contains { $0.rule == rule && $0.location.line == line },
                "\(fixture): got \(findings.map { "\($0.rule)@\($0.location.line ?? 0)" })")
    }

    @Test("every rule of the catalogue except the deferred --git ones has a fixture")
    func catalogueCovered() {
        let covered = Set(Self.planted.map(\.1)).union(["L037"])
        let catalogue = ["L001", "L002", "L003", "L004", "L005", "L006", "L007", "L008", "L009", "L010", "L011",
                         "L020", "L021", "L022", "L023", "L024", "L025", "L026", "L027", "L028", "L029", "L030",
                         "L031", "L032", "L033", "L034", "L035", "L036", "L037", "L038", "L039", "L040", "L041",
                         "L050", "L051", "L052", "L053", "L054", "L055", "L060", "L061", "L062", "L063", "L064"]
        #expect(Set(catalogue).subtracting(covered).isEmpty)
    }

    @Test("the section 11 skeleton lints with no findings")
    func skeletonClean() throws {
        #expect(try Self.lint("valid/skeleton.md", today: "2026-02-02").isEmpty)
    }

    @Test("the section 12 example lints with no findings on 2026-03-06")
    func exampleClean() throws {
        #expect(try Self.lint("valid/example.md", today: "2026-03-06").isEmpty)
    }

    @Test("the skeleton init writes is byte-identical to section 11")
    func skeletonMatchesSpec() throws {
        let spec = try LearningsFixtures.data("valid/skeleton.md")
        #expect(Data(LearningsSkeleton.text(today: "2026-02-02").utf8) == spec)
    }

    @Test("the CRLF copy of the example lints clean too")
    func crlfClean() throws {
        #expect(try Self.lint("roundtrip/crlf.md", today: "2026-03-06").isEmpty)
    }

    @Test("the repository's own LEARNINGS.md lints without errors or warnings")
    func repositoryFileClean() throws {
        let url = LearningsFixtures.repositoryRoot.appendingPathComponent("LEARNINGS.md")
        let file = LearningsParser.parse(try #require(LearningsDocument(data: try Data(contentsOf: url))))
        let today = try #require(file.metadata?.lastUpdated)
        let findings = LearningsLinter(path: "LEARNINGS.md", today: today).lint(file)
        #expect(findings.filter { $0.severity != .info }.isEmpty, "\(findings)")
    }

    @Test("a conflicting pair yields exactly one L037 naming both entries, at the entry to remove")
    func conflictPair() throws {
        let findings = try Self.lint("valid/conflict.md", today: "2026-03-06")
        let conflicts = findings.filter { $0.rule == "L037" }
        #expect(conflicts.count == 1)
        #expect(findings.errorCount == 0)
        let message = try #require(conflicts.first?.message)
        #expect(message.contains("[2026-03-06] Never Mark Live Promos as Flyer Sends"))
        #expect(message.contains("[2026-03-04] Mark Every Live Promo as a Flyer Send"))
        #expect(message.contains("--superseded-by 2026-03-04/mark-every-live-promo-as-a-flyer-send"))
    }

    @Test("a v1.0 file fails lint with the migration findings")
    func legacyFails() throws {
        let rules = Set(try Self.lint("roundtrip/legacy-v1.md", today: "2026-01-01").map(\.rule))
        for rule in ["L003", "L027", "L036", "L023", "L050"] { #expect(rules.contains(rule), "\(rule) in \(rules)") }
    }

    @Test("findings are sorted by line, column, rule")
    func sorted() throws {
        let findings = try Self.lint("invalid/L035-duplicate-entry.md", today: "2026-03-06")
        let keys = findings.map { "\(1000 + ($0.location.line ?? 0)):\(1000 + ($0.location.column ?? 0)):\($0.rule)" }
        #expect(keys == keys.sorted())
    }

    @Test("subjects and directives follow section 8")
    func conflictVocabulary() {
        #expect(LearningConflicts.isNegative("Don't Stack Paid Asks"))
        #expect(!LearningConflicts.isNegative("Always Stack Paid Asks"))
        #expect(LearningConflicts.subject("Never Mark Live Promos as Flyer Sends") == ["mark", "live", "promo", "flyer", "send"])
        #expect(LearningConflicts.subjectsMatch("Never Mark Live Promos as Flyer Sends", "Mark Every Live Promo as a Flyer Send"))
    }
}

@Suite("HTML comments and templates")
struct LearningsTemplateTests {
    @Test("headings and placeholders inside comments are ignored by parsing, statistics and lint")
    func commentsIgnored() throws {
        let file = try LearningsFixtures.file("valid/with-templates.md")
        #expect(file.entries.count == 4)
        #expect(LearningsLinter(path: "x", today: "2026-03-06").lint(file).isEmpty)
        #expect(LearningsLinter(path: "x", today: "2026-02-02").lint(try LearningsFixtures.file("valid/skeleton-with-templates.md")).isEmpty)
    }

    @Test("a new entry goes above the section's template comment, which stays byte for byte")
    func insertAboveTemplate() throws {
        let url = try LearningsFixtures.tempCopy("valid/skeleton-with-templates.md")
        let writer = LearningsWriter(url: url, displayPath: "x", today: "2026-02-03")
        _ = try writer.write {
            try AddLearning(confidence: .high, title: "Keep Flyers On", fields: [
                ("Pattern", "p"), ("Issue", "i"), ("Correction", "c"), ("Source", "user"), ("Applies To", "all"),
            ]).change(to: $0, today: "2026-02-03")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        let entry = try #require(text.range(of: "### [2026-02-03] Keep Flyers On"))
        let template = try #require(text.range(of: "<!-- HIGH template:"))
        #expect(entry.lowerBound < template.lowerBound)
        #expect(text.contains("<!-- HIGH template:\n### [YYYY-MM-DD] Title\n**Source**: validation | **Violation Code**: CODE\n-->\n"))
    }
}
