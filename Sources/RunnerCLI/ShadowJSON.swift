import Foundation
import RunnerKit

/// JSON and text renderings of shadow comparisons and reports.
enum ShadowJSON {
    static func record(_ r: ShadowComparisonRecord) -> ToolValue {
        .object([
            "comparison_id": .int(r.comparisonId), "created_at": .string(r.createdAt), "creator_id": .string(r.creatorId),
            "week_start": .string(r.weekStart), "control_run_id": .string(r.controlRunId),
            "candidate_run_id": .string(r.candidateRunId), "rollout_phase": .text(r.rolloutPhase), "tier": .string(r.tier),
            "control_status": .string(r.controlStatus), "candidate_status": .string(r.candidateStatus),
            "control_duration_ms": .int(r.controlDurationMs), "candidate_duration_ms": .int(r.candidateDurationMs),
            "control_quality": .num(r.controlQuality), "candidate_quality": .num(r.candidateQuality),
            "quality_diff": .num(r.qualityDiff), "control_items": .int(r.controlItems),
            "candidate_items": .int(r.candidateItems), "items_match": r.itemsMatch.map(ToolValue.bool) ?? .null,
            "category_diffs": .object(r.categoryDiffs.mapValues(ToolValue.number)),
            "send_type_overlap": .num(r.sendTypeOverlap), "control_gate_codes": .strings(r.controlGateCodes),
            "candidate_gate_codes": .strings(r.candidateGateCodes), "candidate_timed_out": .bool(r.candidateTimedOut),
            "candidate_error_code": .text(r.candidateErrorCode), "recommendation": .string(r.recommendation),
        ])
    }

    static func figures(_ f: ShadowFigures) -> ToolValue {
        .object([
            "counts": .object([
                "total": .int(f.total), "control_failed": .int(f.controlFailed), "evaluated": .int(f.evaluated),
                "v5_better": .int(f.v5Better), "equivalent": .int(f.equivalent), "v4_better": .int(f.v4Better),
                "v5_failed": .int(f.v5Failed),
            ]),
            "candidate_failure_rate": .num(f.candidateFailureRate), "avg_quality_diff": .num(f.avgQualityDiff),
            "avg_speedup_pct": .num(f.avgSpeedupPct), "items_match_rate": .num(f.itemsMatchRate),
            "mean_send_type_overlap": .num(f.meanSendTypeOverlap),
            "mean_category_diffs": .object(
                ["revenue", "engagement", "retention"].reduce(into: [:]) { $0[$1] = .num(f.meanCategoryDiffs[$1]) }),
            "gate_codes": .object([
                "control": .object(f.controlGateCodes.mapValues { .int($0) }),
                "candidate": .object(f.candidateGateCodes.mapValues { .int($0) }), "regressions": .strings(f.regressions),
            ]),
            "mismatch_rate": .num(f.mismatchRate),
        ])
    }

    static func report(_ r: ShadowReport) -> ToolValue {
        var object = figures(r.figures).objectValue ?? [:]
        object["filter"] = .object([
            "since": .text(r.filter.createdSince), "phase": .text(r.filter.phase), "last": .int(r.filter.last),
        ])
        object["by_tier"] = r.byTier.map { .object($0.mapValues(figures)) } ?? .null
        object["mismatches"] = .array(
            r.mismatches.map {
                .object([
                    "creator_id": .string($0.creatorId), "week_start": .string($0.weekStart),
                    "recommendation": .string($0.recommendation), "quality_diff": .num($0.qualityDiff),
                    "created_at": .string($0.createdAt),
                ])
            })
        return .object(object)
    }

    static func text(_ r: ShadowReport) -> String {
        func pct(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0 * 100) } ?? "-" }
        func num(_ v: Double?) -> String { v.map { String(format: "%+.2f", $0) } ?? "-" }
        var scope = "all comparisons"
        if let phase = r.filter.phase { scope = "phase \(phase)" }
        if let since = r.filter.createdSince { scope += " since \(since)" }
        if let last = r.filter.last { scope += " (last \(last))" }
        func block(_ f: ShadowFigures, indent: String) -> [String] {
            [
                "\(indent)total \(f.total)  control_failed \(f.controlFailed)  evaluated \(f.evaluated)",
                "\(indent)v5_better \(f.v5Better)  equivalent \(f.equivalent)  v4_better \(f.v4Better)  v5_failed \(f.v5Failed)",
                "\(indent)candidate failure rate \(pct(f.candidateFailureRate))  mismatch rate \(pct(f.mismatchRate))",
                "\(indent)avg quality diff \(num(f.avgQualityDiff))  avg speedup \(f.avgSpeedupPct.map { String(format: "%+.1f%%", $0) } ?? "-")",
                "\(indent)items match \(pct(f.itemsMatchRate))  send-type overlap \(f.meanSendTypeOverlap.map { String(format: "%.2f", $0) } ?? "-")",
                "\(indent)regressions (candidate-only gate codes): "
                    + (f.regressions.isEmpty ? "none" : f.regressions.joined(separator: ", ")),
            ]
        }
        var lines = ["shadow report: \(scope)"] + block(r.figures, indent: "  ")
        for (tier, f) in (r.byTier ?? [:]).sorted(by: { $0.key < $1.key }) {
            lines.append("tier \(tier)")
            lines += block(f, indent: "  ")
        }
        if !r.mismatches.isEmpty { lines.append("recent mismatches") }
        for m in r.mismatches {
            lines.append("  \(m.creatorId) \(m.weekStart) \(m.recommendation) quality \(num(m.qualityDiff))")
        }
        return lines.joined(separator: "\n")
    }
}
