import Foundation

extension LearningsLinter {
    /// L035: duplicate ids (error) and repeated title+scope among active entries (2: warning, 3+: error).
    func duplicateFindings(_ file: LearningsFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var firstById: [String: LearningEntry] = [:]
        for entry in file.entries {
            if let first = firstById[entry.id] {
                out.append(error("L035", "duplicate learning id \(entry.id) (first at line \(first.line))", entry.headingIndex))
            } else {
                firstById[entry.id] = entry
            }
        }
        var groups: [String: [LearningEntry]] = [:]
        for entry in file.activeEntries {
            let key = LearningEntry.slug(entry.title) + "\u{0}" + (entry.value("Applies To") ?? "")
            groups[key, default: []].append(entry)
        }
        for group in groups.values where group.count >= 2 {
            for entry in group.dropFirst() where entry.id != group[0].id {
                let message = "'\(entry.title)' with scope \(entry.value("Applies To") ?? "-") duplicates the entry at line \(group[0].line)"
                out.append(group.count >= 3
                    ? error("L035", message + " (\(group.count) occurrences)", entry.headingIndex)
                    : warning("L035", message, entry.headingIndex))
            }
        }
        return out
    }

    /// L037: one warning per conflicting pair, at the entry suggested for removal.
    func conflictFindings(_ file: LearningsFile) -> [Diagnostic] {
        LearningConflicts.find(in: file).map { conflict in
            if let keep = conflict.keep, let remove = conflict.remove {
                return warning("L037",
                    "\(remove.label) conflicts with \(keep.label) (line \(keep.line)); suggested: runner learnings deprecate \(remove.id) --reason \"Superseded - ...\" --superseded-by \(keep.id)",
                    remove.headingIndex)
            }
            return warning("L037",
                "\(conflict.second.label) conflicts with \(conflict.first.label) (line \(conflict.first.line)); review manually",
                conflict.second.headingIndex)
        }
    }

    /// L038 promotion candidates and L039 archive candidates.
    func candidateFindings(_ file: LearningsFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for candidate in LearningCandidates.promotion(in: file) {
            var message = "promotion candidate: LOW entry '\(candidate.entry.title)' has Sample Size \(candidate.sampleSize)"
            if !candidate.blockedBy.isEmpty {
                message += "; blocked by " + candidate.blockedBy.map(\.label).joined(separator: ", ")
            }
            out.append(info("L038", message, candidate.entry.headingIndex))
        }
        for entry in LearningCandidates.archive(in: file) {
            out.append(info("L039", "archive candidate: '\(entry.title)' was deprecated on \(entry.deprecatedOn ?? "?"), more than 90 days before Last Updated",
                entry.headingIndex))
        }
        return out
    }
}

/// A LOW entry with enough sample to be promoted (L038).
public struct PromotionCandidate: Sendable, Hashable {
    /// The LOW entry.
    public var entry: LearningEntry
    /// Its sample size.
    public var sampleSize: Int
    /// Active HIGH entries conflicting with it.
    public var blockedBy: [LearningEntry]
}

/// Promotion and archive candidates (L038, L039), shared by lint and status.
public enum LearningCandidates {
    /// LOW entries with Sample Size at least 10, with conflicting HIGH entries.
    public static func promotion(in file: LearningsFile) -> [PromotionCandidate] {
        file.entries(in: .low).compactMap { entry in
            guard let sample = entry.sampleSize, sample >= 10 else { return nil }
            let blockers = file.entries(in: .high).filter { LearningConflicts.conflict($0, entry) }
            return PromotionCandidate(entry: entry, sampleSize: sample, blockedBy: blockers)
        }
    }

    /// Deprecated entries deprecated more than 90 days before Last Updated.
    public static func archive(in file: LearningsFile) -> [LearningEntry] {
        guard let updated = file.metadata?.lastUpdated else { return [] }
        return file.entries(in: .deprecated).filter { entry in
            guard let on = entry.deprecatedOn, let days = LearningsDates.days(from: on, to: updated) else { return false }
            return days > 90
        }
    }
}
