import Foundation

/// The one clock every time-dependent rule reads (cli.md "Clock").
///
/// The UTC wall clock, or, when `EROS_NOW` is set, a clock that starts at that instant when the
/// process starts and then advances in real time. Durations and timeouts use the monotonic clock
/// instead (`ContinuousClock`), never this one.
public struct RunnerClock: Sendable {
    private let offset: TimeInterval

    /// The wall clock.
    public static let system = RunnerClock(offset: 0)

    private init(offset: TimeInterval) { self.offset = offset }

    /// A clock that reads `instant` now and advances in real time.
    public init(startingAt instant: Date) {
        self.offset = instant.timeIntervalSinceNow
    }

    /// Builds the clock from the environment; an unparsable `EROS_NOW` is a configuration error.
    public static func fromEnvironment(_ environment: [String: String]) throws -> RunnerClock {
        guard let raw = environment["EROS_NOW"], !raw.isEmpty else { return .system }
        guard let instant = Timestamp.parseUTC(raw) else {
            throw ClockError.invalidNow(raw)
        }
        return RunnerClock(startingAt: instant)
    }

    /// The current instant.
    public func now() -> Date { Date().addingTimeInterval(offset) }

    /// Today's UTC calendar date as `YYYY-MM-DD`.
    public func today() -> String { Timestamp.dateString(now()) }
}

/// Why the clock could not be built.
public enum ClockError: RunnerError, Equatable {
    case invalidNow(String)

    public var code: String { "C018" }
    public var exitStatus: ExitStatus { .invalidConfig }
    public var description: String {
        switch self {
        case .invalidNow(let raw):
            "EROS_NOW=\(raw) is not an ISO-8601 UTC timestamp (expected e.g. 2026-01-19T09:00:00Z)"
        }
    }
}
