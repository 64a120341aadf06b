import Foundation

/// One expected-rate metric of `runner learnings status` (6.2).
public struct LearningsRate: Sendable, Hashable, Codable {
    /// Metric name.
    public var metric: String
    /// Counted value.
    public var value: Int
    /// Window bounds (inclusive).
    public var windowStart: String, windowEnd: String
    /// Normal and warning ranges as text (`2-5`, `<1 or >10`).
    public var normal: String, warning: String
    /// normal, warning, watch or insufficient_history.
    public var state: String
    /// Action text shown in the warning state.
    public var action: String
}

/// Everything `runner learnings status` prints, computed from the body (never from the stats block).
public struct LearningsStatusReport: Sendable {
    /// Metadata as written.
    public var metadata: LearningsMetadata?
    /// Statistics computed from the body for Last Updated.
    public var statistics: LearningsStatistics
    /// The statistics as written in the block, nil when it does not parse.
    public var statedStatistics: LearningsStatistics?
    /// Rate metrics.
    public var rates: [LearningsRate]
    /// Promotion candidates (L038).
    public var promotionCandidates: [PromotionCandidate]
    /// Archive candidates (L039).
    public var archiveCandidates: [LearningEntry]
    /// Lint findings.
    public var findings: [Diagnostic]

    /// Whether the written block equals the computed one.
    public var statsInSync: Bool { statedStatistics == statistics }

    /// Builds the report.
    public static func build(_ file: LearningsFile, path: String, today: String) -> LearningsStatusReport {
        let updated = file.metadata?.lastUpdated ?? today
        var stated: LearningsStatistics?
        if let fence = file.statisticsFence, let close = fence.closeIndex {
            stated = LearningsStatistics.parse(((fence.openIndex + 1)..<close).map { file.text($0) })
        }
        return LearningsStatusReport(
            metadata: file.metadata, statistics: LearningsStatistics.compute(file, lastUpdated: updated),
            statedStatistics: stated, rates: rates(file, today: today),
            promotionCandidates: LearningCandidates.promotion(in: file), archiveCandidates: LearningCandidates.archive(in: file),
            findings: LearningsLinter(path: path, today: today).lint(file))
    }

    /// The four rate metrics; windows end today, a month is 30 days.
    public static func rates(_ file: LearningsFile, today: String) -> [LearningsRate] {
        let week = LearningsDates.window(endingOn: today, days: 7)
        let month = LearningsDates.window(endingOn: today, days: 30)
        let rows = file.changelogRows.filter { LearningsDates.isValid($0.date) }
        let created = rows.first { $0.action == "CREATED" }?.date
        func rate(_ metric: String, _ value: Int, _ window: ClosedRange<String>, normal: String, warning: String,
                  isNormal: Bool, isWarning: Bool, action: String) -> LearningsRate {
            var state = isNormal ? "normal" : (isWarning ? "warning" : "watch")
            if let created, created > window.lowerBound { state = "insufficient_history" }
            return LearningsRate(metric: metric, value: value, windowStart: window.lowerBound, windowEnd: window.upperBound,
                                 normal: normal, warning: warning, state: state, action: action)
        }
        let perWeek = file.entries.filter { $0.tier != nil && LearningsDates.isValid($0.date) && week.contains($0.date) }.count
        let high = rows.filter { week.contains($0.date) }.filter {
            ($0.action == "ADDED" && $0.confidence == "HIGH") || ($0.action == "PROMOTED" && $0.targetConfidence == "HIGH")
        }.count
        let promotions = rows.filter { month.contains($0.date) && $0.action == "PROMOTED" }.count
        let deprecations = rows.filter { month.contains($0.date) && $0.action == "DEPRECATED" }.count
        return [
            rate("learnings_per_week", perWeek, week, normal: "2-5", warning: "<1 or >10",
                 isNormal: (2...5).contains(perWeek), isWarning: perWeek < 1 || perWeek > 10, action: "Investigate"),
            rate("high_per_week", high, week, normal: "0-1", warning: ">2", isNormal: high <= 1, isWarning: high > 2,
                 action: "Check validation config"),
            rate("promotions_per_month", promotions, month, normal: "1-2", warning: "0",
                 isNormal: (1...2).contains(promotions), isWarning: promotions == 0, action: "Review LOW learnings"),
            rate("deprecations_per_month", deprecations, month, normal: "0-1", warning: ">2",
                 isNormal: deprecations <= 1, isWarning: deprecations > 2, action: "Learning quality issue"),
        ]
    }
}
