import Foundation
import Logging

/// What a finishing run records of learnings: the selection (learnings.md §9) and its signals (§5.1).
struct RunLearningCapture: Sendable {
    /// The row's learning ids, version and hash.
    var record: RunLearningsRecord
    /// Signals to record in the finishing transaction (empty for read-only runs).
    var signals: [SignalObservation]
    /// `signals_count`: captured signals, recorded or withheld.
    var count: Int
}

extension RunLauncher {
    /// The run's learning selection and signals. The selection uses the tier the run's preflight
    /// exposed (made earlier if the generator agent already asked for it); signals come only from
    /// completed (succeeded or rejected) runs, and read-only runs withhold them.
    func captureLearnings(
        _ row: RunStart, creator: CreatorIdentity, learnings: RunLearnings, status: RunStatus,
        verdict: RunVerdict, outcome: PipelineOutcome<StepOutput<Runner.Value>>
    ) -> RunLearningCapture {
        let logger = RunLogContext.logger("eros.learnings", for: row)
        let selection = learnings.selection(tier: Self.tier(of: outcome))
        if let reason = selection.degradedReason {
            logger.warning(
                "learnings_degraded: \(reason)",
                metadata: ["skipped_entries": "\(selection.skippedEntries)", "learnings": "\(selection.ids.count)"])
        }
        let record = RunLearningsRecord(ids: selection.ids, version: selection.version, sha256: selection.sha256)
        guard status == .succeeded || status == .rejected else {
            return RunLearningCapture(record: record, signals: [], count: 0)
        }
        let context = SignalRunContext(
            runId: row.runId, pageName: creator.pageName, finishedAt: Timestamp.string(clock.now()),
            countsForLearning: true)
        let signals = SignalProducer.observations(for: verdict.validatorOutcomes, run: context)
        guard !signals.isEmpty else { return RunLearningCapture(record: record, signals: [], count: 0) }
        let keys = signals.map { "\($0.kind.rawValue):\($0.patternKey)" }.joined(separator: ",")
        if row.readOnly {
            logger.info(
                "\(signals.count) learning signal(s) withheld: read-only run",
                metadata: ["signals": "\(signals.count)", "signal_keys": "\(keys)"])
            return RunLearningCapture(record: record, signals: [], count: signals.count)
        }
        logger.info(
            "\(signals.count) learning signal(s) captured", metadata: ["signals": "\(signals.count)", "signal_keys": "\(keys)"])
        return RunLearningCapture(record: record, signals: signals, count: signals.count)
    }

    /// The volume tier the run's preflight exposed (`tier`), nil when no context was built.
    static func tier(of outcome: PipelineOutcome<StepOutput<Runner.Value>>) -> String? {
        for phase in outcome.phases where phase.status == .succeeded {
            if case .text(let tier) = phase.output?.fields["tier"] { return tier }
        }
        return nil
    }
}
