import Foundation
import RunnerKit

/// One recorded run with its phases folded from attempt rows, for `runs list` and `runs show`.
struct RunView: Encodable {
    /// One phase: its attempts, total duration (first start to last finish) and slowness.
    struct PhaseView: Encodable {
        let id: String
        let status: String
        let attempts: [RunPhaseRecord]
        let durationMs: Int
        let timeoutMs: Int?
        let slow: Bool

        enum CodingKeys: String, CodingKey {
            case id, status, attempts, slow
            case durationMs = "duration_ms", timeoutMs = "timeout_ms"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(status, forKey: .status)
            try c.encode(attempts, forKey: .attempts)
            try c.encode(durationMs, forKey: .durationMs)
            try c.encode(timeoutMs, forKey: .timeoutMs)
            try c.encode(slow, forKey: .slow)
        }
    }

    let run: RunRecord
    let phases: [PhaseView]

    /// The ids of the slow phases.
    var slowPhases: [String] { phases.filter(\.slow).map(\.id) }

    init(run: RunRecord, attempts: [RunPhaseRecord], config: LoadedConfig, threshold: ConfigDuration?) {
        self.run = run
        let pipeline = config.pipelines[run.pipeline]
        var order: [String] = []
        var grouped: [String: [RunPhaseRecord]] = [:]
        for attempt in attempts {
            if grouped[attempt.phase] == nil { order.append(attempt.phase) }
            grouped[attempt.phase, default: []].append(attempt)
        }
        phases = order.map { id in
            let rows = grouped[id] ?? []
            let start = rows.first.flatMap { Timestamp.parse($0.startedAt) }
            let end = rows.compactMap { $0.finishedAt.flatMap(Timestamp.parse) }.max()
            let duration = start.flatMap { s in end.map { Int(($0.timeIntervalSince(s) * 1000).rounded()) } }
                ?? rows.compactMap(\.durationMs).reduce(0, +)
            let timeout = pipeline?.phase(id).map { Int($0.timeout.milliseconds) }
            let slow = rows.contains { $0.status != "skipped" }
                && ((timeout.map { duration * 2 > $0 } ?? false)
                    || (threshold.map { duration > Int($0.milliseconds) } ?? false))
            return PhaseView(
                id: id, status: rows.last?.status ?? "unknown", attempts: rows, durationMs: duration,
                timeoutMs: timeout, slow: slow)
        }
    }

    enum CodingKeys: String, CodingKey {
        case run, phases, decision
        case slowPhases = "slow_phases", gateCodes = "gate_codes"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(run, forKey: .run)
        try c.encode(phases, forKey: .phases)
        try c.encode(slowPhases, forKey: .slowPhases)
        try c.encode(run.gateCodes, forKey: .gateCodes)
        try c.encode(ToolValue.parse(run.decisionJSON) ?? .null, forKey: .decision)
    }

    /// The aligned table of `runs list`.
    static func table(_ views: [RunView]) -> String {
        guard !views.isEmpty else { return "no runs" }
        var rows = [["RUN_ID", "STARTED (UTC)", "CREATOR", "WEEK", "PIPELINE", "ROLE", "STATUS", "DURATION", "QUALITY", "ERROR / SLOW"]]
        for view in views {
            let run = view.run
            let note = [run.errorCode, view.slowPhases.isEmpty ? nil : "slow: " + view.slowPhases.joined(separator: ",")]
                .compactMap { $0 }.joined(separator: " ")
            rows.append([
                run.runId, run.startedAt, run.creatorId, run.weekStart, run.pipeline, run.role, run.status,
                run.durationMs.map { "\($0) ms" } ?? "-", run.qualityScore.map { String(format: "%.1f", $0) } ?? "-", note,
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    /// The text of `runs show`.
    func detail() -> String {
        var lines = [
            "run \(run.runId)",
            "  creator \(run.creatorId), week \(run.weekStart), pipeline \(run.pipeline), role \(run.role)"
                + (run.readOnly ? " (read-only)" : ""),
            "  status \(run.status), started \(run.startedAt), finished \(run.finishedAt ?? "-"), "
                + "duration \(run.durationMs.map { "\($0) ms" } ?? "-")",
            "  decision \(run.decisionReason), rollout phase \(run.rolloutPhase ?? "-")",
            "  decision json \(run.decisionJSON)",
        ]
        if let validation = run.validationStatus {
            lines.append("  verdict \(validation), quality \(run.qualityScore.map { String(format: "%.1f", $0) } ?? "-"), "
                + "items \(run.totalItems.map(String.init) ?? "-"), schedule \(run.scheduleId.map(String.init) ?? "-")")
        }
        if let code = run.errorCode { lines.append("  error \(code): \(run.errorMessage ?? "")") }
        lines.append("  gate codes [\(run.gateCodes.joined(separator: ", "))]")
        for link in [("fallback run", run.fallbackRunId), ("fallback of", run.fallbackOfRunId), ("shadow of", run.shadowOfRunId)] {
            if let id = link.1 { lines.append("  \(link.0) \(id)") }
        }
        lines.append("  phases:")
        for phase in phases {
            let timeout = phase.timeoutMs.map { " / timeout \($0) ms" } ?? ""
            lines.append("    \(phase.id)  \(phase.status)  \(phase.durationMs) ms\(timeout)\(phase.slow ? "  SLOW" : "")")
            for attempt in phase.attempts where phase.attempts.count > 1 || attempt.errorCode != nil {
                let error = attempt.errorCode.map { "  \($0): \(attempt.errorMessage ?? "")" } ?? ""
                lines.append("      attempt \(attempt.attempt)  \(attempt.status)  \(attempt.durationMs.map { "\($0) ms" } ?? "-")\(error)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
