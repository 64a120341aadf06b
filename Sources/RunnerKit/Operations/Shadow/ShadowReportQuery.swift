import Foundation

/// Resolves the comparisons a `shadow report` or `shadow list` covers: explicit `--since`,
/// `--last`, `--phase`, else the applied phase since it was entered.
public struct ShadowReportQuery: Sendable {
    /// `--since` as a duration.
    public var since: ConfigDuration?
    /// `--last N`.
    public var last: Int?
    /// `--phase NAME`.
    public var phase: String?

    /// Creates a query.
    public init(since: ConfigDuration? = nil, last: Int? = nil, phase: String? = nil) {
        self.since = since
        self.last = last
        self.phase = phase
    }

    /// The filter at `now` and the matching comparisons, newest first.
    public func run(storage: Storage, now: Date) throws -> (ShadowComparisonFilter, [ShadowComparisonRecord]) {
        try storage.rolloutSnapshot { db in
            var filter = ShadowComparisonFilter(phase: phase, last: last)
            if let since { filter.createdSince = Timestamp.string(now.addingTimeInterval(-since.seconds)) }
            if since == nil, last == nil, phase == nil, let applied = try db.latestAcceptedConfig()?.config.phase {
                filter.phase = applied
                filter.createdSince = try db.phaseEntry(phase: applied)
            }
            return (filter, try db.shadowComparisons(filter))
        }
    }
}
