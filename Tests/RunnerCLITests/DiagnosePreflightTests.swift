import Foundation
import Testing

/// End-to-end runs of `runner diagnose preflight` against the sample dataset.
@Suite("diagnose preflight")
struct DiagnosePreflightTests {
    typealias CLI = StorageCommandTests

    static func sampleDirectory() throws -> URL {
        let dir = try CLI.tempDirectory()
        let initResult = try CLI.run(["db", "init", "--db", "p.db", "--sample", "--as-of", "2026-01-05"], in: dir)
        #expect(initResult.status == 0)
        return dir
    }

    @Test("prints the context JSON agents receive, with the volume of schedule-domain §3")
    func json() throws {
        let dir = try Self.sampleDirectory()
        let r = try CLI.run(["diagnose", "preflight", "--db", "p.db", "--creator", "alexia", "--week", "2026-01-05", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(CLI.json(r.stdout))
        #expect(object["page_name"] as? String == "alexia")
        #expect((object["creator_id"] as? String)?.hasPrefix("cr_") == true)
        let volume = try #require(object["volume_config"] as? [String: Any])
        #expect(volume["tier"] as? String == "STANDARD")
        #expect(volume["revenue_source"] as? String == "analytics")
        #expect(object["reference_date"] as? String == "2026-01-05")
        let text = try CLI.run(["diagnose", "preflight", "--db", "p.db", "--creator", "alexia", "--week", "2026-01-05"], in: dir)
        #expect(text.status == 0 && text.stdout.contains("STANDARD"))
    }

    @Test("bad input exits 2, an inactive creator 1, each with its code")
    func badInput() throws {
        let dir = try Self.sampleDirectory()
        let cases: [([String], Int32, String)] = [
            (["--creator", "maya@hill"], 2, "VALIDATION_ERROR"),
            (["--creator", "nobody_here"], 2, "CREATOR_NOT_FOUND"),
            (["--creator", "alexia", "--week", "2026-02-30"], 2, "INVALID_DATE"),
            (["--creator", "dormant_dana", "--week", "2026-01-05"], 1, "CREATOR_INACTIVE"),
        ]
        for (arguments, status, code) in cases {
            let r = try CLI.run(["diagnose", "preflight", "--db", "p.db"] + arguments, in: dir)
            #expect(r.status == status, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains(code), "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }
}
