import Foundation
import Logging

extension RunLauncher {
    /// `eros.router`: the routing decision of a started run (info), with pipeline, reason, bucket
    /// and flag sources (operations.md §10).
    static func logDecision(_ decision: RoutingDecision, row: RunStart) {
        let flags = decision.flags
        RunLogContext.logger("eros.router", for: row).info(
            "routed \(row.creatorId) to \(decision.pipeline) (\(decision.reason.text))",
            metadata: [
                "decision_pipeline": .string(decision.pipeline), "reason": .string(decision.reason.text),
                "bucket": .string("\(decision.bucket.bucket)"), "target": .string(decision.target.rawValue),
                "enabled_source": .string(flags.enabled.source.rawValue),
                "shadow_source": .string(flags.shadow.source.rawValue),
                "percentage_source": .string(flags.percentage.source.rawValue),
                "creators_source": .string(flags.creators.source.rawValue),
                "auto_fallback_source": .string(flags.autoFallback.source.rawValue),
            ])
    }

    /// `eros.orchestrator`: phase attempt start and end (debug) with duration.
    static func logPhase(_ event: PhaseEvent, row: RunStart) {
        let logger = RunLogContext.logger("eros.orchestrator", for: row)
        switch event {
        case .attemptStarted(let phase, _, let attempt, _):
            logger.debug("phase \(phase) started", metadata: ["phase": .string(phase), "attempt": "\(attempt)"])
        case .attemptFinished(let phase, _, let record, _):
            var metadata: Logger.Metadata = [
                "phase": .string(phase), "attempt": "\(record.attempt)", "status": .string(record.status.rawValue),
                "duration_ms": "\(record.durationMs)",
            ]
            if let failure = record.failure { metadata["error_code"] = .string(failure.code) }
            logger.debug("phase \(phase) \(record.status.rawValue)", metadata: metadata)
        case .skipped(let phase, _, _, let reason):
            logger.debug("phase \(phase) skipped", metadata: ["phase": .string(phase), "reason": .string(reason)])
        }
    }

    /// `eros.orchestrator`: run end (info) with status and duration.
    static func logFinished(_ report: RunReport, row: RunStart) {
        var metadata: Logger.Metadata = ["status": .string(report.status.rawValue), "duration_ms": "\(report.durationMs)"]
        if let code = report.errors.first?.code { metadata["error_code"] = .string(code) }
        if let verdict = report.validationStatus { metadata["validation_status"] = .string(verdict) }
        RunLogContext.logger("eros.orchestrator", for: row).info("run \(report.status.rawValue)", metadata: metadata)
    }
}
