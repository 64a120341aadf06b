import Foundation
import Testing

@testable import RunnerKit

@Suite("Timestamps and the clock")
struct TimestampTests {
    @Test("timestamps are always 24 characters with millisecond precision")
    func fixedWidth() throws {
        let date = try #require(Timestamp.parse("2026-01-19T09:00:00Z"))
        #expect(Timestamp.string(date) == "2026-01-19T09:00:00.000Z")
        let offset = try #require(Timestamp.parse("2026-01-19T10:30:00.25+01:00"))
        #expect(Timestamp.string(offset) == "2026-01-19T09:30:00.250Z")
    }

    @Test("dates must be real calendar dates", arguments: ["2026-02-30", "2026-1-05", "tomorrow", ""])
    func badDates(text: String) {
        #expect(Timestamp.parseDate(text) == nil)
    }

    @Test("EROS_NOW moves the clock and a bad value is a configuration error")
    func erosNow() throws {
        let clock = try RunnerClock.fromEnvironment(["EROS_NOW": "2026-01-19T09:00:00Z"])
        #expect(clock.today() == "2026-01-19")
        #expect(throws: ClockError.self) { try RunnerClock.fromEnvironment(["EROS_NOW": "soon"]) }
    }
}

@Suite("EROS_NOW accepts UTC instants only")
struct ErosNowZoneTests {
    @Test("UTC forms are accepted", arguments: ["2026-01-19T09:00:00Z", "2026-01-19T09:00:00.5Z", "2026-01-19T09:00:00+00:00"])
    func utcAccepted(text: String) throws {
        let clock = try RunnerClock.fromEnvironment(["EROS_NOW": text])
        #expect(clock.today() == "2026-01-19")
    }

    @Test("other offsets are a configuration error", arguments: ["2026-01-19T09:00:00+02:00", "2026-01-19T09:00:00-0500"])
    func offsetRefused(text: String) {
        #expect(throws: ClockError.self) { try RunnerClock.fromEnvironment(["EROS_NOW": text]) }
    }
}
