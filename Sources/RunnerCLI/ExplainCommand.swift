import ArgumentParser
import Foundation
import RunnerKit

/// `runner explain --creator ID`: decision, rollback state, alerts, learnings, last runs.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Why a creator goes where it goes: decision, rollback state, alerts, learnings, last runs.",
        discussion: "Does not create a database (exit 4 when missing). Example: runner explain --creator alexia")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Creator id or page name.") var creator: String?
    @Option(name: .long, help: "How many recent runs to show (default 5).") var runs: String?
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let id = try reportingErrors { try CreatorIdRule.check(creator ?? "") }
        let count = try parseCount(runs, option: "--runs") ?? 5
        let setup = try RoutingSetup.open(global, refuseInvalidConfig: false, mayCreate: false)
        defer { try? setup.storage.close() }
        var report = try reportingErrors {
            try ExplainBuilder(config: setup.config, environment: global.environment)
                .explain(id, runs: count, storage: setup.storage)
        }
        report.applicable = report.creator.map {
            ExplainLearnings.build(creator: $0, storage: setup.storage, configRoot: global.configRoot, clock: setup.clock)
        }
        if format == .json { return try printJSONValue(try Self.json(report, now: setup.clock.now())) }
        print(Self.text(report))
    }

    static func run(_ r: RunSummaryRecord) -> ToolValue {
        .object([
            "run_id": .string(r.runId), "creator_id": .string(r.creatorId), "week_start": .string(r.weekStart),
            "pipeline": .string(r.pipeline), "role": .string(r.role), "status": .string(r.status),
            "reason": .string(r.reason), "rollout_phase": .text(r.rolloutPhase), "started_at": .string(r.startedAt),
            "finished_at": .text(r.finishedAt), "duration_ms": .int(r.durationMs), "quality_score": .num(r.qualityScore),
            "gate_codes": .strings(r.gateCodes), "error_code": .text(r.errorCode), "fallback_run_id": .text(r.fallbackRunId),
        ])
    }

    static func json(_ r: ExplainReport, now: Date) throws -> ToolValue {
        .object([
            "creator": r.creator.map {
                .object([
                    "creator_id": .string($0.creatorId), "page_name": .string($0.pageName), "is_active": .bool($0.isActive),
                ])
            } ?? .null,
            "decision": try ToolValue.encode(r.decision), "applied_phase": .text(r.appliedPhase),
            "rollback": r.rollback.json(now: now),
            "alerts": .array(
                r.alerts.map {
                    .object([
                        "name": .string($0.name), "state": .string($0.state), "severity": .text($0.severity),
                        "value": .num($0.lastValue), "active_at": .text($0.activeAt), "fired_at": .text($0.firedAt),
                    ])
                }),
            "learnings": r.learnings.map { .object(["run_id": .string($0.runId), "learning_ids": .strings($0.ids)]) }
                ?? .null,
            "applicable_learnings": r.applicable.map(applicable) ?? .null,
            "last_runs": .array(r.lastRuns.map(run)),
        ])
    }

    /// The Learnings section: tier, file version, and each learning's id, tier, scope and title.
    static func applicable(_ a: ExplainLearnings) -> ToolValue {
        .object([
            "tier": .text(a.tier), "learnings_version": .text(a.version), "degraded": .text(a.degradedReason),
            "learnings": .array(
                a.learnings.map {
                    .object([
                        "id": .string($0.id), "confidence": .string($0.confidence),
                        "applies_to": .text($0.fields["Applies To"]), "title": .string($0.title),
                    ])
                }),
        ])
    }

    static func text(_ r: ExplainReport) -> String {
        var lines = [RouteCommand.text(r.decision), "applied phase  \(r.appliedPhase ?? "-")",
                     "rollback       \(r.rollback.state.rawValue) since \(r.rollback.since) (\(r.rollback.reason))"]
        if r.creator == nil { lines.append("note: no creator matches; routed with the id as given") }
        if r.alerts.isEmpty { lines.append("alerts         none firing or pending on \(r.decision.pipeline)") }
        for alert in r.alerts {
            lines.append("alert          \(alert.state) \(alert.name) (\(alert.severity ?? "-")) value \(alert.lastValue.map { ToolValue.formatNumber($0) } ?? "-")")
        }
        if let learnings = r.learnings {
            lines.append("learnings      \(learnings.ids.isEmpty ? "none recorded" : learnings.ids.joined(separator: ", ")) (run \(learnings.runId))")
        } else {
            lines.append("learnings      no runs recorded yet")
        }
        if let a = r.applicable {
            lines.append("applicable     \(a.learnings.count) learning(s) for tier \(a.tier ?? "unknown") today"
                + (a.degradedReason.map { " (degraded: \($0))" } ?? ""))
            for l in a.learnings {
                lines.append("  \(l.id)  \(l.confidence)  \(l.fields["Applies To"] ?? "-")  \(l.title)")
            }
        }
        lines.append("last runs      \(r.lastRuns.count)")
        for run in r.lastRuns {
            lines.append(
                "  \(run.startedAt)  \(run.pipeline) \(run.role) \(run.status) (\(run.reason)) week \(run.weekStart)"
                    + (run.gateCodes.isEmpty ? "" : " gates \(run.gateCodes.joined(separator: ","))")
                    + (run.errorCode.map { " error \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}
