import Foundation

/// Measures the gates of the applied phase (operations.md §9.3): only candidate runs and
/// comparisons of this phase started after both the phase entry and the last restore.
public struct RolloutGateEvaluator: Sendable {
    /// The rollout plan (gate defaults and phase overrides).
    public var plan: RolloutConfig
    /// Names of the alert rules that watch the candidate (`block_on_alerts` counts only these).
    public var candidateAlertRules: [String]

    /// Creates an evaluator.
    public init(plan: RolloutConfig, candidateAlertRules: [String]) {
        self.plan = plan
        self.candidateAlertRules = candidateAlertRules
    }

    /// When measuring starts: the later of the phase entry and the epoch start.
    public static func measuringStart(phaseEntry: String?, epochStartedAt: String) -> String {
        guard let phaseEntry else { return epochStartedAt }
        return max(phaseEntry, epochStartedAt)
    }

    /// The gates of `appliedPhase` measured at `now` inside `db`.
    public func evaluate(
        appliedPhase: String?, phaseEntry: String?, rollback: RollbackStateRecord, now: Date, in db: RolloutConnection
    ) throws -> [RolloutGateResult] {
        let phase = appliedPhase.flatMap(plan.phase(named:))
        let gates = phase.map(plan.effectiveGates(for:)) ?? plan.gates
        let isShadow = phase?.flags.shadow ?? false
        let start = Self.measuringStart(phaseEntry: phaseEntry, epochStartedAt: rollback.epochStartedAt)
        let measures = try db.phaseMeasures(candidate: plan.candidate.value, phase: appliedPhase ?? "", since: start)
        var results: [RolloutGateResult] = []
        if let required = gates.minHours {
            let hours = (Timestamp.parse(start).map { now.timeIntervalSince($0) } ?? 0) / 3600
            results.append(.init(name: "min_hours", required: .number(required), measured: .number(hours), passed: hours >= required))
        }
        if !isShadow, let required = gates.minRuns {
            results.append(
                .init(
                    name: "min_runs", required: .number(Double(required)),
                    measured: .number(Double(measures.finishedRuns)), passed: measures.finishedRuns >= required))
        }
        if !isShadow, let required = gates.minSuccessRate {
            let rate = measures.finishedRuns == 0 ? nil : Double(measures.succeededRuns) / Double(measures.finishedRuns)
            results.append(
                .init(
                    name: "min_success_rate", required: .number(required), measured: rate.map(ToolValue.number) ?? .null,
                    passed: rate.map { $0 >= required } ?? false))
        }
        if let severities = gates.blockOnAlerts {
            let firing = try db.firingAlertNames(severities: severities.map(\.rawValue))
                .filter(candidateAlertRules.contains)
            results.append(
                .init(
                    name: "block_on_alerts", required: .array(severities.map { .string($0.rawValue) }),
                    measured: .array(firing.map(ToolValue.string)), passed: firing.isEmpty))
        }
        if isShadow { results += shadowGates(gates, measures) }
        return results
    }

    private func shadowGates(_ gates: RolloutGates, _ m: RolloutPhaseMeasures) -> [RolloutGateResult] {
        var results: [RolloutGateResult] = []
        if let required = gates.minComparisons {
            results.append(
                .init(
                    name: "min_comparisons", required: .number(Double(required)),
                    measured: .number(Double(m.evaluatedComparisons)), passed: m.evaluatedComparisons >= required))
        }
        if let required = gates.maxCandidateFailureRate {
            let rate = m.evaluatedComparisons == 0 ? nil : Double(m.failedComparisons) / Double(m.evaluatedComparisons)
            results.append(
                .init(
                    name: "max_candidate_failure_rate", required: .number(required),
                    measured: rate.map(ToolValue.number) ?? .null, passed: rate.map { $0 <= required } ?? false))
        }
        if let required = gates.minAvgQualityDiff {
            results.append(
                .init(
                    name: "min_avg_quality_diff", required: .number(required),
                    measured: m.averageQualityDiff.map(ToolValue.number) ?? .null,
                    passed: m.averageQualityDiff.map { $0 >= required } ?? false))
        }
        return results
    }
}
