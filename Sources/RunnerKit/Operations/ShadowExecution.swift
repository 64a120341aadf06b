import Foundation
import Logging

extension RunLauncher {
    /// The shadow candidate row beside control row `control` (operations.md §5.1): role
    /// `shadow`, read-only, `shadow_of_run_id` = the control run, inserted in the same routing
    /// transaction.
    static func shadowCandidate(of control: NewRun, pipeline: String) -> NewRun {
        NewRun(
            runId: UUID().uuidString.lowercased(), creatorId: control.creatorId, weekStart: control.weekStart,
            pipeline: pipeline, role: .shadow, decisionJSON: control.decisionJSON,
            decisionTarget: control.decisionTarget, decisionReason: control.decisionReason,
            rolloutPhase: control.rolloutPhase, appliedConfigId: control.appliedConfigId, readOnly: true,
            shadowOfRunId: control.runId)
    }

    /// Runs a shadow pair (operations.md §5.1): control normally, the candidate concurrently,
    /// read-only, under `shadow.candidate_deadline`; then writes their comparison (§5.3) and
    /// returns control's report with it. A candidate failure never reaches the served result.
    func runShadowPair(
        control: NewRun, candidate: NewRun, creator: CreatorIdentity, decision: RoutingDecision, notices: [String]
    ) async -> RunReport {
        let controlSink = ShadowArtifactSink<Runner.Value>()
        let candidateSink = ShadowArtifactSink<Runner.Value>()
        let controlLauncher = capturing(into: controlSink)
        let candidateLauncher = capturing(into: candidateSink)
        let deadline = config.rollout?.shadowCandidateDeadline ?? ConfigDefaults.shadowCandidateDeadline
        async let controlRun = controlLauncher.run(control, creator: creator, decision: decision, notices: notices)
        async let candidateRun = candidateLauncher.run(
            candidate, creator: creator, decision: decision, notices: [], shadowDeadline: deadline)
        var served = await controlRun
        let shadow = await candidateRun
        let comparison = ShadowComparison(
            createdAt: Timestamp.string(clock.now()), creatorId: control.creatorId, weekStart: control.weekStart,
            rolloutPhase: control.rolloutPhase, tier: Self.tier(await controlSink.context),
            control: Self.side(served, schedule: await controlSink.schedule),
            candidate: Self.side(shadow, schedule: await candidateSink.schedule),
            category: { SendTypeKey(rawValue: $0)?.category.rawValue })
        var comparisonId: Int64?
        do {
            comparisonId = try storage.insertShadowComparison(comparison)
        } catch {
            let failure = PhaseFailure(wrapping: error)
            served.errors.append(
                RunErrorReport(code: failure.code, message: "shadow comparison not written: \(failure.message)", phase: nil))
        }
        Self.log(comparison)
        served.shadowComparison = ShadowComparisonReport(comparisonId: comparisonId, comparison: comparison)
        return served
    }

    /// One side of the comparison from its report and captured schedule.
    static func side(_ report: RunReport, schedule: Runner.Value?) -> ShadowSide {
        var keys: [String]?
        if case .schedule(let output)? = schedule as? ArtifactValue {
            keys = output.savedList.map { $0.sendTypeKey ?? "" }
        }
        return ShadowSide(
            runId: report.runId, status: report.status, durationMs: report.durationMs, quality: report.qualityScore,
            gateCodes: report.violations.map(\.code), errorCode: report.errors.first?.code,
            scheduleHash: report.scheduleHash, entryKeys: keys)
    }

    /// The control run's volume tier from its preflight context; nil when it has none.
    static func tier(_ context: Runner.Value?) -> String? {
        guard case .context(let value)? = context as? ArtifactValue else { return nil }
        return value.volumeConfig.tier.rawValue
    }

    /// `eros.comparator` at info: creator, recommendation, quality diff, durations, gate codes.
    static func log(_ c: ShadowComparison) {
        Logger(label: "eros.comparator").info(
            "shadow comparison",
            metadata: [
                "creator_id": .string(c.creatorId), "recommendation": .string(c.recommendation.rawValue),
                "quality_diff": .string(c.qualityDiff.map { ToolValue.formatNumber($0) } ?? "null"),
                "control_duration_ms": .stringConvertible(c.control.durationMs),
                "candidate_duration_ms": .stringConvertible(c.candidate.durationMs),
                "control_gate_codes": .array(c.control.gateCodes.map { .string($0) }),
                "candidate_gate_codes": .array(c.candidate.gateCodes.map { .string($0) }),
            ])
    }
}
