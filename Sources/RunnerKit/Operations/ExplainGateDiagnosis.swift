import Foundation

/// One recent run's gate codes, with the codes that look like false positives now.
public struct GateRunFinding: Sendable {
    /// The run.
    public var run: RunSummaryRecord
    /// VAULT_VIOLATION / AVOID_TIER_VIOLATION findings whose content type is now allowed.
    public var suspects: [String]
}

/// `runner diagnose gates --creator ID [--last N]` (operations.md §12): the hard-gate data of a
/// creator with its staleness, and the gate codes of its last runs on both pipelines.
public struct ExplainGateDiagnosis: Sendable {
    /// AVOID data older than this many days is stale (data-model.md §4.5).
    public static let staleAfterDays = 14

    /// The creator.
    public var creator: CreatorRef
    /// Content types its vault allows.
    public var allowedTypes: [String]
    /// Its AVOID types at the latest analysis date.
    public var avoidTypes: [String]
    /// The latest analysis date of its rankings.
    public var analysisDate: String?
    /// Whole days since `analysisDate`.
    public var dataAgeDays: Int?
    /// Older than 14 days.
    public var isStale: Bool
    /// The last runs with their codes.
    public var runs: [GateRunFinding]

    /// Diagnoses `creator` at `now` over its last `last` runs. A VAULT_VIOLATION run whose error
    /// text names a content type that the vault now allows, or an AVOID_TIER_VIOLATION run naming a
    /// type no longer on the AVOID list, is flagged (stale data or a false positive); so is any
    /// AVOID_TIER_VIOLATION while the AVOID data is stale.
    public static func diagnose(creator: CreatorRef, last: Int, storage: Storage, now: Date) throws -> ExplainGateDiagnosis {
        try storage.rolloutSnapshot { db in
            let allowed = try db.allowedContentTypes(creatorId: creator.creatorId)
            let (date, avoid) = try db.avoidTypes(creatorId: creator.creatorId)
            let names = try db.contentTypeNames()
            let age = date.flatMap(Timestamp.parseDate).map { Int(now.timeIntervalSince($0) / 86_400) }
            let stale = (age ?? 0) > staleAfterDays
            let runs = try db.recentRuns(creatorId: creator.creatorId, limit: last).map { run in
                GateRunFinding(
                    run: run,
                    suspects: suspects(run, allowed: Set(allowed), avoid: Set(avoid), names: names, stale: stale))
            }
            return ExplainGateDiagnosis(
                creator: creator, allowedTypes: allowed, avoidTypes: avoid, analysisDate: date, dataAgeDays: age,
                isStale: stale, runs: runs)
        }
    }

    private static func suspects(
        _ run: RunSummaryRecord, allowed: Set<String>, avoid: Set<String>, names: [String], stale: Bool
    ) -> [String] {
        let text = run.errorMessage ?? ""
        let mentioned = names.filter { !$0.isEmpty && text.contains($0) }
        var found: [String] = []
        if run.gateCodes.contains("VAULT_VIOLATION") {
            for name in mentioned where allowed.contains(name) {
                found.append("VAULT_VIOLATION: \(name) is now in the vault")
            }
        }
        if run.gateCodes.contains("AVOID_TIER_VIOLATION") {
            for name in mentioned where !avoid.contains(name) {
                found.append("AVOID_TIER_VIOLATION: \(name) is no longer AVOID")
            }
            if stale { found.append("AVOID_TIER_VIOLATION: AVOID data is stale") }
        }
        return found
    }
}
