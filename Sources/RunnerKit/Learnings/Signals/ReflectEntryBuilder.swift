import Foundation

/// Builds and matches reflect's proposed entries (5.3).
enum ReflectEntryBuilder {
    /// Signal ids cited in an Evidence value (`signals 12, 17 (...)`).
    static func evidenceIds(_ evidence: String?) -> [Int64] {
        guard let evidence else { return [] }
        var ids: [Int64] = []
        let regex = try! NSRegularExpression(pattern: #"signals? ((?:#?[0-9]+)(?:\s*,\s*#?[0-9]+)*)"#)
        for match in regex.matches(in: evidence, range: NSRange(evidence.startIndex..., in: evidence)) {
            guard let range = Range(match.range(at: 1), in: evidence) else { continue }
            for part in evidence[range].split(separator: ",") {
                if let id = Int64(part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "#", with: "")), !ids.contains(id) {
                    ids.append(id)
                }
            }
        }
        return ids
    }

    /// The Evidence text for a set of signal ids and dates.
    static func evidence(_ ids: [Int64], first: String, last: String) -> String {
        "signals \(ids.map(String.init).joined(separator: ", ")) (first seen \(first.prefix(10)), last seen \(last.prefix(10)))"
    }

    /// Whether a signal matches an active entry: same scope, and same code (violation) or same normalised pattern.
    static func matches(_ signal: LearningSignal, _ entry: LearningEntry) -> Bool {
        guard entry.isActive, entry.value("Applies To") == signal.appliesTo else { return false }
        if signal.kind == .violation { return entry.value("Violation Code") == signal.violationCode }
        let text = entry.tier == .low ? entry.value("Observation") : entry.value("Pattern")
        return text.map(SignalAggregation.patternKey) == signal.patternKey
    }

    /// The entry draft a signal proposes.
    static func draft(_ signal: LearningSignal, today: String) -> LearningEntryDraft {
        let n = signal.sampleSize
        var fields: [(name: String, value: String)] = []
        switch signal.kind {
        case .violation:
            let code = signal.violationCode ?? ""
            fields = [
                ("Pattern", signal.subjects.isEmpty ? "Schedules failing \(code)" : signal.subjects.joined(separator: ", ")),
                ("Issue", "Validator rejected \(n) schedule\(n == 1 ? "" : "s") with \(code)"),
                ("Correction", signal.fields["Correction"] ?? SignalProducer.correction(code)),
                ("Source", "validation"), ("Violation Code", code), ("Sample Size", "\(n)"),
            ]
        case .qualityPattern:
            let mean = signal.meanQuality ?? 0
            fields = [
                ("Pattern", signal.fields["Pattern"] ?? signal.patternKey),
                ("Insight", "Approved \(n) time\(n == 1 ? "" : "s"), mean quality \(mean)"),
                ("Source", "validation"), ("Quality Score", "\(mean)"), ("Sample Size", "\(n)"),
            ]
        case .user, .performance:
            fields = signal.fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            if !fields.contains(where: { $0.name == "Source" }) { fields.append(("Source", signal.source)) }
            if !fields.contains(where: { $0.name == "Sample Size" }), signal.confidence != .high { fields.append(("Sample Size", "\(n)")) }
        }
        fields.append(("Applies To", signal.appliesTo))
        fields.append(("Evidence", evidence([signal.id], first: signal.firstSeenAt, last: signal.lastSeenAt)))
        return LearningEntryDraft(date: today, title: signal.title, fields: fields)
    }

    /// An ADD proposal, applied to `editor`.
    static func add(_ signal: LearningSignal, today: String, editor: inout LearningsEditor) -> ReflectProposal {
        let draft = draft(signal, today: today)
        var proposal = ReflectProposal(signalIds: [signal.id], action: .add, section: signal.confidence, learningId: draft.id,
                                       lines: draft.lines.map { "+ " + $0 }, blockedBy: nil, blockMessage: nil, title: draft.title)
        do {
            try editor.insertEntry(draft.lines, into: signal.confidence)
            try editor.insertChangelogRow(ChangelogRow.format(date: today, action: "ADDED", learning: draft.title,
                                                               confidence: signal.confidence.rawValue, source: signal.source))
        } catch {
            proposal.blockedBy = "L003"
            proposal.blockMessage = "\(error)"
        }
        return proposal
    }

    /// The entry an ADD produced, for conflict checks.
    static func probe(_ signal: LearningSignal, _ file: LearningsFile, _ id: String) -> LearningEntry {
        file.entry(id: id) ?? LearningsParser.parseHeading("### [0000-00-00] \(signal.title)", at: 0)
    }

    /// An UPDATE proposal: Sample Size grows, Quality Score becomes the weighted mean, Evidence gains the id.
    static func update(_ entry: LearningEntry, with signal: LearningSignal, in file: LearningsFile, today: String,
                       editor: inout LearningsEditor) -> ReflectProposal {
        let oldLines = entry.lineRange.map { "- " + file.text($0) }
        var proposal = ReflectProposal(signalIds: [signal.id], action: .update, section: entry.tier ?? signal.confidence,
                                       learningId: entry.id, lines: [], blockedBy: nil, blockMessage: nil, title: entry.title)
        do {
            let oldSample = entry.sampleSize
            if let raw = entry.value("Sample Size"), let old = oldSample {
                let note = raw.drop { $0.isNumber }
                try editor.setField(id: entry.id, name: "Sample Size", value: "\(old + signal.sampleSize)\(note)")
            }
            if let raw = entry.value("Quality Score"), let old = LearningFieldRules.qualityScore(raw), let total = signal.qualityTotal {
                let weight = oldSample ?? 1
                let mean = (Double(old * weight + total) / Double(weight + signal.sampleSize)).rounded(.toNearestOrAwayFromZero)
                try editor.setField(id: entry.id, name: "Quality Score", value: "\(Int(mean))\(raw.hasSuffix(" avg") ? " avg" : "")")
            }
            let existing = entry.value("Evidence")
            var ids = evidenceIds(existing)
            ids.append(signal.id)
            let evidence: String
            if let existing, existing.hasPrefix("signals"),
                let range = existing.range(of: #"\(first seen [0-9-]{10}, last seen [0-9-]{10}\)$"#, options: .regularExpression)
            {
                let dates = existing[range].split(separator: " ").map { String($0.prefix(10)) }
                let first = min(dates[2], String(signal.firstSeenAt.prefix(10)))
                let last = max(dates[5], String(signal.lastSeenAt.prefix(10)))
                evidence = Self.evidence(ids, first: first, last: last)
            } else if let existing {
                evidence = existing + "; " + Self.evidence([signal.id], first: signal.firstSeenAt, last: signal.lastSeenAt)
            } else {
                evidence = Self.evidence([signal.id], first: signal.firstSeenAt, last: signal.lastSeenAt)
            }
            try editor.setField(id: entry.id, name: "Evidence", value: evidence)
            try editor.insertChangelogRow(ChangelogRow.format(date: today, action: "UPDATED", learning: entry.title,
                                                               confidence: entry.tier?.rawValue ?? "-", source: entry.value("Source") ?? "system"))
            let updated = editor.file
            if let now = updated.entry(id: entry.id) {
                proposal.lines = oldLines + now.lineRange.map { "+ " + updated.text($0) }
            }
        } catch {
            proposal.blockedBy = "L023"
            proposal.blockMessage = "\(error)"
        }
        return proposal
    }
}
