import Foundation

extension LearningsLinter {
    /// L020–L041: entry headings, fields, values, duplicates, conflicts, candidates.
    func entryFindings(_ file: LearningsFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for entry in file.entries { out += findings(for: entry, in: file) }
        out += duplicateFindings(file)
        out += conflictFindings(file)
        out += candidateFindings(file)
        return out
    }

    /// The findings that concern one entry on its own (used to skip broken entries in runs).
    public func findings(for entry: LearningEntry, in file: LearningsFile) -> [Diagnostic] {
        var out = headingFindings(entry, file)
        for problem in entry.problems {
            out.append(error("L023", problem.message, problem.lineIndex, column: problem.column))
        }
        for field in entry.fields where !LearningFieldRules.isKnown(field.name) {
            out.append(warning("L024", "unknown field '\(field.name)' (kept verbatim)", field.lineIndex, column: field.column))
        }
        guard let tier = entry.tier else { return out }
        out += presenceFindings(entry, tier)
        out += valueFindings(entry, tier, file)
        return out
    }

    private func headingFindings(_ entry: LearningEntry, _ file: LearningsFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let index = entry.headingIndex
        if let problem = entry.headingProblem { out.append(error("L020", problem, index)) }
        if !LearningsDates.isValid(entry.date) {
            out.append(error("L020", "heading date '\(entry.date)' is not a real YYYY-MM-DD date", index, column: 5))
        } else if entry.date > today {
            out.append(error("L021", "heading date \(entry.date) is after today (\(today))", index, column: 5))
        } else if let updated = file.metadata?.lastUpdated, LearningsDates.isValid(updated), entry.date > updated {
            out.append(warning("L022", "heading date \(entry.date) is after Last Updated \(updated)", index, column: 5))
        }
        let title = entry.title
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(error("L020", "entry title is empty", index))
        } else if title != title.trimmingCharacters(in: .whitespaces) {
            out.append(error("L020", "entry title '\(title)' has leading or trailing spaces", index))
        }
        if title.contains("|") { out.append(error("L020", "entry title must not contain '|'", index)) }
        let suffixColumn = Self.column(of: "(Deprecated:", in: file.text(index))
        switch (entry.tier, entry.deprecatedOn) {
        case (.deprecated, nil):
            out.append(error("L020", "a deprecated entry's heading must end with ' (Deprecated: YYYY-MM-DD)'", index))
        case (.deprecated, let on?):
            if !LearningsDates.isValid(on) {
                out.append(error("L020", "deprecation date '\(on)' is not a real date", index, column: suffixColumn))
            } else if LearningsDates.isValid(entry.date), on < entry.date {
                out.append(error("L020", "deprecation date \(on) is before the heading date \(entry.date)", index,
                    column: suffixColumn))
            } else if on > today {
                out.append(error("L021", "deprecation date \(on) is after today (\(today))", index, column: suffixColumn))
            }
        case (_, .some) where entry.tier != nil:
            out.append(error("L020", "an active entry must not carry the Deprecated suffix", index, column: suffixColumn))
        default:
            break
        }
        return out
    }

    private func presenceFindings(_ entry: LearningEntry, _ tier: LearningTier) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let source = entry.value("Source")
        for name in LearningsVocabulary.tierFields where name != "Superseded By" {
            let requirement = LearningFieldRules.requirement(name, in: tier, source: source)
            if requirement == .required, entry.field(name) == nil {
                out.append(error("L025", "\(tier.rawValue) entry '\(entry.title)' is missing the required field \(name)",
                    entry.headingIndex))
            }
            if requirement == .notAllowed, let field = entry.field(name) {
                out.append(error("L026", "field \(name) is not allowed in a \(tier.rawValue) entry", field.lineIndex,
                    column: field.column))
            }
        }
        return out
    }

    private func valueFindings(_ entry: LearningEntry, _ tier: LearningTier, _ file: LearningsFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func report(_ rule: String, _ name: String, _ message: String, warn: Bool = false) {
            guard let field = entry.field(name) else { return }
            out.append(warn
                ? warning(rule, message, field.lineIndex, column: field.column)
                : error(rule, message, field.lineIndex, column: field.column))
        }
        let source = entry.value("Source")
        if let source, !LearningsVocabulary.sources.contains(source) {
            report("L027", "Source", "Source '\(source)' is not validation, user or performance")
        } else if tier == .high, source == "performance" {
            report("L027", "Source", "a HIGH entry may not have Source performance (only validation or user)")
        }
        if let scope = entry.value("Applies To"), !LearningFieldRules.isValidScope(scope) {
            report("L028", "Applies To", "Applies To '\(scope)' is not all, tier:<MINIMAL|LITE|STANDARD|HIGH_VALUE|PREMIUM> or creator:<id>")
        }
        if let sample = entry.value("Sample Size"), !LearningFieldRules.isValidSampleSize(sample) {
            report("L029", "Sample Size", "Sample Size '\(sample)' is not an integer of at least 1 with an optional (note)")
        }
        if let raw = entry.value("Quality Score") {
            if let score = LearningFieldRules.qualityScore(raw) {
                if tier == .medium, source == "validation", score < 85 {
                    report("L030", "Quality Score", "a MEDIUM validation entry needs Quality Score of at least 85, got \(score)")
                }
            } else {
                report("L030", "Quality Score", "Quality Score '\(raw)' is not an integer from 0 to 100")
            }
        }
        if let code = entry.value("Violation Code"), !LearningsVocabulary.violationCodes.contains(code),
            code != "CODE"
        {
            report("L031", "Violation Code", "Violation Code '\(code)' is not one of the validator's codes")
        }
        if let impact = entry.value("Metric Impact"), !LearningFieldRules.isValidMetricImpact(impact) {
            report("L032", "Metric Impact", "Metric Impact '\(impact)' is not a signed percentage plus a metric (e.g. +6% conversion)",
                warn: true)
        }
        if tier == .medium {
            let score = entry.value("Quality Score").flatMap(LearningFieldRules.qualityScore) ?? 0
            if source != "user", score < 85, (entry.sampleSize ?? 0) < 10 {
                out.append(warning("L033",
                    "MEDIUM entry '\(entry.title)' meets no admission criterion (Source user, Quality Score >= 85 or Sample Size >= 10)",
                    entry.headingIndex))
            }
        }
        out += promotedMarkerFindings(entry, tier)
        out += fixtureFindings(entry)
        if tier == .deprecated { out += deprecatedFindings(entry, file) }
        return out
    }

    private func promotedMarkerFindings(_ entry: LearningEntry, _ tier: LearningTier) -> [Diagnostic] {
        for field in entry.fields {
            guard let range = field.value.range(of: #"PROMOTED to (HIGH|MEDIUM|LOW)"#, options: .regularExpression),
                let target = LearningTier(confidence: String(field.value[range].dropFirst("PROMOTED to ".count))),
                tier.rank < target.rank
            else { continue }
            return [error("L034", "entry says 'PROMOTED to \(target.rawValue)' but sits in \(tier == .deprecated ? "Deprecated" : tier.rawValue)",
                field.lineIndex, column: field.column)]
        }
        return []
    }

    private func fixtureFindings(_ entry: LearningEntry) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let field = entry.field("Applies To"), field.value.hasPrefix("creator:") {
            let id = String(field.value.dropFirst(8))
            let fixtureNames = ["agents", "metrics", "save_fail", "paid_page"]
            if ["test_", "mock_", "fixture_"].contains(where: { id.hasPrefix($0) }) || fixtureNames.contains(id) {
                out.append(warning("L036", "creator id '\(id)' looks like a test fixture", field.lineIndex, column: field.column))
            }
        }
        if entry.title.range(of: #"^High Quality Pattern \([0-9]+\)$"#, options: .regularExpression) != nil {
            out.append(warning("L036", "title '\(entry.title)' looks auto-generated (EROS v1.0 style)", entry.headingIndex))
        }
        return out
    }

    private func deprecatedFindings(_ entry: LearningEntry, _ file: LearningsFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let reason = entry.field("Reason")
        if let reason, !LearningFieldRules.isValidReason(reason.value) {
            out.append(error("L040", "Reason must start with Superseded, Invalidated or Expired", reason.lineIndex,
                column: reason.column))
        }
        let superseded = reason.map { $0.value.hasPrefix("Superseded") } ?? false
        let by = entry.field("Superseded By")
        switch (superseded, by) {
        case (true, nil):
            out.append(error("L041", "Reason is Superseded but Superseded By is missing", reason?.lineIndex ?? entry.headingIndex,
                column: reason?.column ?? 1))
        case (false, let by?):
            out.append(error("L041", "Superseded By is only allowed when Reason starts with Superseded", by.lineIndex,
                column: by.column))
        case (true, let by?):
            if !file.activeEntries.contains(where: { $0.label == by.value }) {
                out.append(error("L041", "Superseded By '\(by.value)' matches no active entry's [date] Title", by.lineIndex,
                    column: by.column))
            }
        default:
            break
        }
        return out
    }
}
