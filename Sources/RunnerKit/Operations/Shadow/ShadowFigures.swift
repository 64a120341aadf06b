/// The aggregate figures of a set of shadow comparisons (operations.md §5.5). Failed candidates
/// are counted, never averaged; `control_failed` comparisons are excluded from every rate.
public struct ShadowFigures: Sendable, Hashable {
    public var total = 0
    public var controlFailed = 0
    public var evaluated = 0
    public var v5Better = 0
    public var equivalent = 0
    public var v4Better = 0
    public var v5Failed = 0
    /// v5_failed / evaluated.
    public var candidateFailureRate: Double?
    /// Mean quality diff over evaluated comparisons whose candidate did not fail.
    public var avgQualityDiff: Double?
    /// Mean (control ms − candidate ms) / control ms × 100 over the same comparisons.
    public var avgSpeedupPct: Double?
    /// Share of those comparisons whose item counts match.
    public var itemsMatchRate: Double?
    /// Mean Jaccard overlap of send types.
    public var meanSendTypeOverlap: Double?
    /// Mean candidate − control count per category.
    public var meanCategoryDiffs: [String: Double] = [:]
    /// Gate-code tallies of the control side.
    public var controlGateCodes: [String: Int] = [:]
    /// Gate-code tallies of the candidate side.
    public var candidateGateCodes: [String: Int] = [:]
    /// Codes seen only on the candidate side.
    public var regressions: [String] = []
    /// Evaluated comparisons whose recommendation is not `equivalent`, over evaluated.
    public var mismatchRate: Double?

    /// Aggregates `records`.
    public init(_ records: [ShadowComparisonRecord]) {
        total = records.count
        for record in records {
            switch record.recommendation {
            case "control_failed": controlFailed += 1
            case "v5_better": v5Better += 1
            case "equivalent": equivalent += 1
            case "v4_better": v4Better += 1
            case "v5_failed": v5Failed += 1
            default: break
            }
        }
        let evaluatedRecords = records.filter { $0.recommendation != "control_failed" }
        evaluated = evaluatedRecords.count
        let compared = evaluatedRecords.filter { $0.recommendation != "v5_failed" }
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        func rate(_ count: Int, _ of: Int) -> Double? { of == 0 ? nil : Double(count) / Double(of) }
        candidateFailureRate = rate(v5Failed, evaluated)
        mismatchRate = rate(evaluatedRecords.filter { $0.recommendation != "equivalent" }.count, evaluated)
        avgQualityDiff = mean(compared.compactMap(\.qualityDiff))
        avgSpeedupPct = mean(
            compared.filter { $0.controlDurationMs > 0 }.map {
                Double($0.controlDurationMs - $0.candidateDurationMs) / Double($0.controlDurationMs) * 100
            })
        let matches = compared.compactMap(\.itemsMatch)
        itemsMatchRate = rate(matches.filter { $0 }.count, matches.count)
        meanSendTypeOverlap = mean(compared.compactMap(\.sendTypeOverlap))
        for category in ["revenue", "engagement", "retention"] {
            if let value = mean(compared.compactMap { $0.categoryDiffs[category] }) { meanCategoryDiffs[category] = value }
        }
        for record in evaluatedRecords {
            for code in record.controlGateCodes { controlGateCodes[code, default: 0] += 1 }
            for code in record.candidateGateCodes { candidateGateCodes[code, default: 0] += 1 }
        }
        regressions = candidateGateCodes.keys.filter { controlGateCodes[$0] == nil }.sorted()
    }
}

/// `runner shadow report`: the figures, optionally per tier, and the latest mismatches.
public struct ShadowReport: Sendable {
    /// What was covered (phase and since).
    public var filter: ShadowComparisonFilter
    /// All covered comparisons together.
    public var figures: ShadowFigures
    /// Per tier, with `--by tier`.
    public var byTier: [String: ShadowFigures]?
    /// The N most recent non-equivalent evaluated comparisons, with `--mismatches N`.
    public var mismatches: [ShadowComparisonRecord]

    /// Aggregates `records` (newest first).
    public init(filter: ShadowComparisonFilter, records: [ShadowComparisonRecord], byTier: Bool, mismatches: Int?) {
        self.filter = filter
        figures = ShadowFigures(records)
        self.byTier = byTier ? Dictionary(grouping: records, by: \.tier).mapValues(ShadowFigures.init) : nil
        let nonEquivalent = records.filter { $0.recommendation != "equivalent" && $0.recommendation != "control_failed" }
        self.mismatches = mismatches.map { Array(nonEquivalent.prefix($0)) } ?? []
    }
}
