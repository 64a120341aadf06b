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

    @Test(
        "instants in every accepted form parse to the same moment",
        arguments: [
            ("2026-01-19T09:00:00Z", "2026-01-19T09:00:00.000Z"),
            ("2026-01-19 09:00:00", "2026-01-19T09:00:00.000Z"),
            ("2026-01-19T09:00:00.123Z", "2026-01-19T09:00:00.123Z"),
            ("2026-01-19T09:00:00.999999Z", "2026-01-19T09:00:00.999Z"),
            ("2026-01-19T09:00:00.1234567Z", "2026-01-19T09:00:00.123Z"),
            ("2026-01-19T04:00:00-0500", "2026-01-19T09:00:00.000Z"),
            ("2026-01-19T00:30:00+01:30", "2026-01-18T23:00:00.000Z"),
            ("2024-02-29T23:59:60Z", "2024-03-01T00:00:00.000Z"),
            ("1969-12-31T23:59:59.5Z", "1969-12-31T23:59:59.500Z"),
            ("0099-03-01T00:00:00Z", "0099-03-01T00:00:00.000Z"),
        ])
    func acceptedForms(text: String, expected: String) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(Timestamp.string(date) == expected)
    }

    @Test(
        "malformed instants are refused",
        arguments: [
            "", "2026-01-19", "2026-01-19T09:00", "2026-01-19T09:00:00.Z", "2026-01-19T09:00:00.1234567890Z",
            "2026-01-19T24:00:00Z", "2026-01-19T09:60:00Z", "2026-01-19T09:00:61Z", "2026-02-29T09:00:00Z",
            "2026-13-01T09:00:00Z", "2026-01-19X09:00:00Z", "2026-01-19T09:00:00+5", "2026-01-19T09:00:00+05:0",
            "2026-01-19T09:00:00Zjunk", "2026-01-19T09:00:00 ", "٢٠٢٦-01-19T09:00:00Z",
        ])
    func malformed(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test("a millisecond timestamp round-trips through text exactly")
    func roundTrip() throws {
        for millis in stride(from: 0, to: 1000, by: 7) {
            let text = "2026-01-19T09:00:00." + String(millis).leftPadded(3) + "Z"
            #expect(Timestamp.string(try #require(Timestamp.parse(text))) == text)
        }
    }

    @Test("calendar dates print zero-padded")
    func dayDateText() throws {
        #expect(try #require(DayDate(year: 99, month: 3, day: 1)).description == "0099-03-01")
        #expect(try #require(DayDate(year: 2026, month: 12, day: 31)).description == "2026-12-31")
        #expect(DayDate("2026-01-05")?.description == "2026-01-05")
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
