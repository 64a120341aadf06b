import Foundation

extension LearningsLinter {
    /// L060–L064 and the changelog dates of L021/L022.
    func changelogFindings(_ file: LearningsFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let rows = file.changelogRows
        let updated = file.metadata?.lastUpdated
        for row in rows {
            if let problem = rowProblem(row) {
                out.append(error("L060", problem, row.lineIndex))
                continue
            }
            if row.date > today {
                out.append(error("L021", "changelog date \(row.date) is after today (\(today))", row.lineIndex, column: 3))
            } else if let updated, LearningsDates.isValid(updated), row.date > updated {
                out.append(warning("L022", "changelog date \(row.date) is after Last Updated \(updated)", row.lineIndex, column: 3))
            }
        }
        let created = rows.filter { $0.action == "CREATED" }
        if let section = file.section(.changelog), created.count != 1 {
            let extra = created.first { $0.lineIndex != rows.last?.lineIndex } ?? created.last
            let at = extra?.lineIndex ?? (file.changelogSeparatorIndex ?? section.headingIndex)
            out.append(error("L061", "the changelog needs exactly one CREATED row, found \(created.count)", at))
        }
        for entry in file.activeEntries where !rows.contains(where: { row in
            (row.action == "ADDED" || row.action == "PROMOTED") && Self.rowNames(row, entry)
        }) {
            out.append(warning("L062", "active entry '\(entry.title)' has no ADDED or PROMOTED changelog row", entry.headingIndex))
        }
        for row in rows where row.action == "PROMOTED" {
            guard let entry = file.activeEntries.first(where: { Self.rowNames(row, $0) }),
                let tier = entry.tier, row.targetConfidence != tier.rawValue
            else { continue }
            out.append(warning("L063", "PROMOTED row targets \(row.targetConfidence) but '\(entry.title)' is in \(tier.rawValue)",
                row.lineIndex))
        }
        for (offset, row) in rows.enumerated() where offset > 0 {
            let previous = rows[offset - 1]
            if LearningsDates.isValid(row.date), LearningsDates.isValid(previous.date), row.date > previous.date {
                out.append(warning("L064", "changelog rows must be newest first: \(row.date) follows \(previous.date)", row.lineIndex))
            }
        }
        if let last = rows.last, created.count == 1, last.action != "CREATED" {
            out.append(warning("L064", "the CREATED row must be the last changelog row", created[0].lineIndex))
        }
        return out
    }

    private func rowProblem(_ row: ChangelogRow) -> String? {
        if row.cells.count != 5 { return "a changelog row needs 5 cells, found \(row.cells.count)" }
        if !LearningsDates.isValid(row.date) { return "changelog date '\(row.date)' is not a real date" }
        if !LearningsVocabulary.actions.contains(row.action) { return "unknown changelog action '\(row.action)'" }
        if !Self.isValidConfidenceCell(row.confidence) { return "bad changelog confidence '\(row.confidence)'" }
        if !LearningsVocabulary.changelogSources.contains(row.source) { return "bad changelog source '\(row.source)'" }
        return nil
    }

    static func isValidConfidenceCell(_ cell: String) -> Bool {
        let tiers = ["HIGH", "MEDIUM", "LOW"]
        if cell == "-" || tiers.contains(cell) { return true }
        for arrow in ["→", "->"] {
            let parts = cell.components(separatedBy: arrow)
            if parts.count == 2, tiers.contains(parts[0]), tiers.contains(parts[1]) { return true }
        }
        return false
    }

    /// Whether a changelog row names an entry: same title ignoring case, or a prefix when the row ends in `...`.
    static func rowNames(_ row: ChangelogRow, _ entry: LearningEntry) -> Bool {
        let learning = row.learning.lowercased(), title = entry.title.lowercased()
        if learning == title { return true }
        if learning.hasSuffix("...") { return title.hasPrefix(String(learning.dropLast(3))) }
        return false
    }
}
