import Foundation
import RunnerKit

/// Text and JSON of `runner learnings reflect`.
enum LearningsReflectRender {
    /// The four statistics mappings as JSON pairs.
    static func statistics(_ s: LearningsStatistics) -> [(String, LearningsJSON)] {
        zip(LearningsStatistics.layout, s.rows).map { layout, values in
            (layout.key, .object(zip(layout.subKeys, values).map { ($0, .int($1)) }))
        }
    }

    static func text(_ o: ReflectOutcome, display: String, apply: Bool) -> String {
        let found = o.plan.found
        var out = "Found: \(found[.high] ?? 0) HIGH, \(found[.medium] ?? 0) MEDIUM, \(found[.low] ?? 0) LOW signals\n"
        for p in o.plan.proposals {
            let ids = p.signalIds.map { "#\($0)" }.joined(separator: ", ")
            if let rule = p.blockedBy {
                out += "BLOCKED [\(rule)] \(p.action.rawValue) \(p.section.rawValue) \(p.learningId) (signals \(ids)): \(p.blockMessage ?? "")\n"
            } else if p.action == .recover {
                out += "RECOVER \(p.learningId) (signals \(ids)): already cited in Evidence; \(apply ? "marked" : "would be marked") consumed, file unchanged\n"
                continue
            } else {
                out += "\(p.action.rawValue) \(p.section.rawValue) \(p.learningId) (signals \(ids))\n"
            }
            out += p.lines.map { $0 + "\n" }.joined()
        }
        out += "Before: version \(o.metadataBefore?.version.description ?? "?"), last updated \(o.metadataBefore?.lastUpdated ?? "?"), total \(o.metadataBefore?.total ?? 0)\n"
        out += o.statsBefore.lines.map { "  \($0)\n" }.joined()
        out += "After: version \(o.metadataAfter?.version.description ?? "?"), last updated \(o.metadataAfter?.lastUpdated ?? "?"), total \(o.metadataAfter?.total ?? 0)\n"
        out += o.statsAfter.lines.map { "  \($0)\n" }.joined()
        if apply {
            out += o.write?.written == true
                ? "Applied: \(display) written; \(o.plan.resolutions.count) signal(s) consumed\n"
                : "Applied: nothing to write; \(o.plan.resolutions.count) signal(s) consumed\n"
        } else {
            out += "Dry run: nothing written (use --apply)\n"
        }
        out += "Remaining pending: \(apply ? o.plan.remainingPending : o.plan.found.values.reduce(0, +))\n"
        if apply, o.write?.written == true, let message = o.plan.change?.commitMessage {
            out += "\nSuggested commit message:\n\(message)\n"
        }
        return out
    }

    static func json(_ o: ReflectOutcome, apply: Bool) -> String {
        let proposals: [LearningsJSON] = o.plan.proposals.map { p in
            .object([
                ("signal_ids", .array(p.signalIds.map { .int(Int($0)) })),
                ("action", .string(p.action.rawValue)),
                ("section", .string(p.section.rawValue)),
                ("learning_id", .string(p.learningId)),
                ("lines", .array(p.lines.map { .string($0) })),
                ("blocked_by", .optional(p.blockedBy)),
            ])
        }
        let written = apply && o.write?.written == true
        return LearningsJSON.object([
            ("proposals", .array(proposals)),
            ("stats_before", .object(statistics(o.statsBefore))),
            ("stats_after", .object(statistics(o.statsAfter))),
            ("applied", .bool(o.applied)),
            ("remaining_pending", .int(apply ? o.plan.remainingPending : o.plan.found.values.reduce(0, +))),
            ("commit_message", written ? .optional(o.plan.change?.commitMessage) : .null),
        ]).rendered() + "\n"
    }
}
