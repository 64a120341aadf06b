import Foundation
import Logging

extension RunLauncher {
    /// Automatic fallback (operations.md §4): a candidate run with role `primary` that ended
    /// `failed` or `rejected`, with the decision's effective `auto_fallback` on and not read-only,
    /// is followed at once by a control run with role `fallback` for the same creator and week.
    /// Both rows are linked; the served report is the fallback's. Any other report is returned as is.
    func fallingBack(from report: RunReport, row: NewRun, creator: CreatorIdentity, decision: RoutingDecision) async
        -> RunReport
    {
        guard Self.needsFallback(report, row: row, decision: decision), !Task.isCancelled else { return report }
        let fallback = NewRun(
            runId: UUID().uuidString.lowercased(), creatorId: row.creatorId, weekStart: row.weekStart,
            pipeline: routing.control, role: .fallback, decisionJSON: row.decisionJSON,
            decisionTarget: row.decisionTarget, decisionReason: row.decisionReason, rolloutPhase: row.rolloutPhase,
            appliedConfigId: row.appliedConfigId, readOnly: false, fallbackOfRunId: row.runId)
        var candidate = report
        do {
            try storage.startFallbackRun(fallback, candidateRunId: row.runId, owner: owner)
        } catch {
            let failure = PhaseFailure(wrapping: error)
            candidate.errors.append(RunErrorReport(code: failure.code, message: "fallback not started: \(failure.message)", phase: nil))
            return candidate
        }
        let code = report.errors.first?.code ?? "none"
        Logger(label: "eros.router").warning(
            "candidate run failed; falling back to control",
            metadata: [
                "candidate_run_id": .string(row.runId), "fallback_run_id": .string(fallback.runId),
                "candidate_status": .string(report.status.rawValue), "error_code": .string(code),
                "creator_id": .string(row.creatorId),
            ])
        let note = "candidate run \(row.runId) (\(row.pipeline)) ended \(report.status.rawValue)"
            + (report.errors.first.map { " with \($0.code)" } ?? "") + "; served its fallback on \(routing.control)"
        var served = await run(fallback, creator: creator, decision: decision, notices: report.notices + [note])
        served.fallbackRunId = fallback.runId
        return served
    }

    /// §4's conditions: candidate primary, failed or rejected (not interrupted or abandoned),
    /// auto_fallback on, not read-only.
    static func needsFallback(_ report: RunReport, row: NewRun, decision: RoutingDecision) -> Bool {
        guard row.role == .primary, !row.readOnly, decision.target == .candidate,
            decision.flags.autoFallback.value, [.failed, .rejected].contains(report.status)
        else { return false }
        let code = report.errors.first?.code
        return code != RunErrorCode.interrupted.rawValue && code != RunErrorCode.abandoned.rawValue
    }
}
