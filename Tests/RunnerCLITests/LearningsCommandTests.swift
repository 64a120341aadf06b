import ArgumentParser
import Foundation
import Testing

@testable import RunnerCLI
@testable import RunnerKit

@Suite("runner learnings commands")
struct LearningsCommandTests {
    /// Parses and runs one learnings subcommand against a temp file.
    static func run(_ args: [String], file: URL) throws -> LearningsOutput {
        let full = args + ["--file", file.path]
        let parsed = try LearningsCommand.parseAsRoot(full)
        switch parsed {
        case let c as LearningsLintCommand: return c.output()
        case let c as LearningsStatusCommand: return c.output()
        case let c as LearningsInitCommand: return c.output()
        case let c as LearningsAddCommand: return c.output()
        case let c as LearningsPromoteCommand: return c.output()
        case let c as LearningsDeprecateCommand: return c.output()
        default: throw CleanExit.message("unexpected command")
        }
    }

    /// Runs a command on a copy of a fixture and compares the transcript with a golden file.
    static func golden(_ name: String, fixture: String?, _ args: [String]) throws -> LearningsOutput {
        let url = try LearningsSnapshot.tempCopy(fixture)
        let before = try? Data(contentsOf: url)
        let output = try run(args, file: url)
        let after = try? Data(contentsOf: url)
        let text = LearningsSnapshot.transcript(args, output, before: before ?? Data(), after: after,
                                                tempDir: url.deletingLastPathComponent())
        try LearningsSnapshot.assertMatches(name, text)
        return output
    }

    @Test("add writes the entry, a changelog row and derived statistics, and prints the commit message")
    func add() throws {
        let out = try Self.golden("add", fixture: "valid/example.md", [
            "add", "--today", "2026-03-07", "--confidence", "MEDIUM", "--title", "Open Weekends With a Game Post",
            "--pattern", "A game_post as the first Saturday send", "--insight", "Engagement first warms the audience",
            "--source", "user", "--sample-size", "4 (two weekends)", "--applies-to", "all", "--field", "Note=from the ops review",
        ])
        #expect(out.status == .success)
    }

    @Test("add --dry-run prints the diff and writes nothing")
    func addDryRun() throws {
        let out = try Self.golden("add-dry-run", fixture: "valid/example.md", [
            "add", "--today", "2026-03-07", "--confidence", "LOW", "--title", "Short Captions Open Better",
            "--observation", "Captions under 80 characters opened more", "--hypothesis", "Fans skim",
            "--source", "performance", "--sample-size", "3", "--applies-to", "tier:LITE", "--dry-run",
        ])
        #expect(out.status == .success)
    }

    @Test("promote LOW to MEDIUM moves the entry, rewrites its vocabulary and adds a PROMOTED row")
    func promote() throws {
        let out = try Self.golden("promote", fixture: "invalid/L038-promotion-candidate.md", [
            "promote", "2026-03-06/midday-link-drops-may-lift-weekend-opens", "--to", "MEDIUM", "--today", "2026-03-07",
            "--metric-impact", "+3% opens", "--reason", "12 weekends observed",
        ])
        #expect(out.status == .success)
    }

    @Test("promote MEDIUM to HIGH with reason, issue and correction")
    func promoteHigh() throws {
        let out = try Self.golden("promote-high", fixture: "valid/example.md", [
            "promote", "2026-03-05/spread-engagement-sends-between-paid-asks", "--to", "HIGH", "--today", "2026-03-07",
            "--reason", "user confirmed", "--issue", "Back-to-back paid asks broke cooldowns",
            "--correction", "Place an engagement send between paid asks", "--violation-code", "TIMING_COLLISION",
        ])
        #expect(out.status == .success)
    }

    @Test("deprecate moves the entry to Deprecated with the suffix, Original and Reason")
    func deprecate() throws {
        let out = try Self.golden("deprecate", fixture: "valid/example.md", [
            "deprecate", "2026-03-04/mark-every-live-promo-as-a-flyer-send", "--today", "2026-03-07",
            "--reason", "Invalidated - live promos no longer need flyers",
        ])
        #expect(out.status == .success)
    }

    @Test("init writes the skeleton and refuses an existing file with exit 2")
    func initSkeleton() throws {
        let out = try Self.golden("init", fixture: nil, ["init", "--today", "2026-02-02"])
        #expect(out.status == .success)
        let again = try Self.run(["init", "--today", "2026-02-02"], file: try LearningsSnapshot.tempCopy("valid/skeleton.md"))
        #expect(again.status == .badInput)
    }

    @Test("lint prints compiler-style findings with source line and caret, sorted, with a count line")
    func lintText() throws {
        let out = try Self.golden("lint-text", fixture: "invalid/L035-duplicate-entry.md", ["lint", "--today", "2026-03-06"])
        #expect(out.status == .negative)
        let headline = #/^\S+:\d+:\d+: (error|warning|info): .+ \[L\d{3}\]$/#
        let lines = out.stdout.split(separator: "\n").map(String.init)
        let findings = lines.filter { $0.contains(": error: ") || $0.contains(": warning: ") || $0.contains(": info: ") }
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.wholeMatch(of: headline) != nil })
        #expect(lines.last == "9 errors, 0 warnings, 0 infos")
    }

    @Test("lint --format json has exactly the validate shape; infos are listed but not counted")
    func lintJSON() throws {
        let out = try Self.golden("lint-json", fixture: "invalid/L038-promotion-candidate.md",
                                  ["lint", "--today", "2026-03-06", "--format", "json"])
        #expect(out.status == .success)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["files", "diagnostics", "errors", "warnings"])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.allSatisfy { Set($0.keys) == ["file", "line", "column", "severity", "rule", "message"] })
        #expect(diagnostics.map { $0["severity"] as? String } == ["info"])
        #expect(object["errors"] as? Int == 0 && object["warnings"] as? Int == 0)
    }

    @Test("status prints computed statistics, the expected-rate check and the lint summary")
    func status() throws {
        let out = try Self.golden("status", fixture: "invalid/L051-hand-edited-confidence.md", ["status", "--today", "2026-03-06"])
        #expect(out.status == .negative)
        #expect(out.stdout.contains("by_confidence: { high: 1, medium: 1, low: 1 }  (stats block out of sync)"))
        let json = try Self.golden("status-json", fixture: "valid/example.md", ["status", "--today", "2026-03-06", "--format", "json"])
        #expect(json.status == .success)
    }

    @Test("a conflicting pair gives one L037 warning: exit 0, and 1 with --strict")
    func conflictStrict() throws {
        let url = try LearningsSnapshot.tempCopy("valid/conflict.md")
        let plain = try Self.run(["lint", "--today", "2026-03-06"], file: url)
        #expect(plain.status == .success)
        #expect(plain.stdout.components(separatedBy: "[L037]").count == 2)
        let strict = try Self.run(["lint", "--today", "2026-03-06", "--strict"], file: url)
        #expect(strict.status == .negative)
    }

    @Test("refused promotions and deprecations exit 2 and leave the file unchanged", arguments: [
        ["promote", "2026-03-06/midday-link-drops-may-lift-weekend-opens", "--to", "MEDIUM", "--metric-impact", "+1% opens"],
        ["promote", "2026-03-05/spread-engagement-sends-between-paid-asks", "--to", "HIGH", "--issue", "i", "--correction", "c"],
        ["promote", "2026-03-05/spread-engagement-sends-between-paid-asks", "--to", "LOW"],
        ["promote", "2026-01-01/no-such-entry", "--to", "MEDIUM"],
        ["deprecate", "2026-03-04/mark-every-live-promo-as-a-flyer-send", "--reason", "Outdated - old"],
        ["deprecate", "2026-03-04/mark-every-live-promo-as-a-flyer-send", "--reason", "Superseded - by something"],
        ["deprecate", "2026-03-04/mark-every-live-promo-as-a-flyer-send"],
        ["deprecate", "2026-03-04/mark-every-live-promo-as-a-flyer-send", "--reason", "Expired", "--superseded-by",
         "2026-03-05/spread-engagement-sends-between-paid-asks"],
        ["add", "--confidence", "MEDIUM", "--title", "Future", "--date", "2026-03-09"],
        ["lint", "--today", "2026-13-01"],
    ])
    func refusals(args: [String]) throws {
        let url = try LearningsSnapshot.tempCopy("valid/example.md")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "**Sample Size**: 4", with: "**Sample Size**: 9")
        try Data(text.utf8).write(to: url)
        let before = try Data(contentsOf: url)
        let out = try Self.run(args + (args.contains("--today") ? [] : ["--today", "2026-03-07"]), file: url)
        #expect(out.status == .badInput, "\(args): \(out.stderr)")
        #expect(out.stderr.hasPrefix("error: "))
        #expect(try Data(contentsOf: url) == before)
    }

    @Test("the LOW sample refusal says 'sample 9 < 10'")
    func sampleMessage() throws {
        let url = try LearningsSnapshot.tempCopy("valid/example.md")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "**Sample Size**: 4", with: "**Sample Size**: 9")
        try Data(text.utf8).write(to: url)
        let out = try Self.run(["promote", "2026-03-06/midday-link-drops-may-lift-weekend-opens", "--to", "MEDIUM",
                                "--today", "2026-03-07"], file: url)
        #expect(out.stderr.contains("sample 9 < 10"))
    }

    @Test("add with a lint error in the result exits 1 naming the rule and writes nothing")
    func addLintError() throws {
        let url = try LearningsSnapshot.tempCopy("valid/example.md")
        let before = try Data(contentsOf: url)
        let out = try Self.run(["add", "--today", "2026-03-07", "--confidence", "HIGH", "--title", "No Fields", "--source", "performance",
                                "--applies-to", "tier:GOLD"], file: url)
        #expect(out.status == .negative)
        for rule in ["L025", "L027", "L028"] { #expect(out.stderr.contains("[\(rule)]")) }
        #expect(try Data(contentsOf: url) == before)
    }

    @Test("lint refuses a non-UTF-8 or missing file with exit 2")
    func badFiles() throws {
        let url = try LearningsSnapshot.tempCopy(nil)
        #expect(try Self.run(["lint", "--today", "2026-03-06"], file: url).status == .badInput)
        try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: url)
        let out = try Self.run(["lint", "--today", "2026-03-06"], file: url)
        #expect(out.status == .badInput)
        #expect(out.stderr.contains("not valid UTF-8"))
    }

    @Test("lint --fix repairs hand-edited statistics with a patch bump")
    func lintFix() throws {
        let out = try Self.golden("lint-fix", fixture: "invalid/L053-hand-edited-scope.md", ["lint", "--fix", "--today", "2026-03-06"])
        #expect(out.status == .success)
    }
}
