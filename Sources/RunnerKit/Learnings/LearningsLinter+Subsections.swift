import Foundation

extension LearningsLinter {
    /// L010: Feedback Sources rows, Integration Hooks subsections, Promotion Rules rows.
    func subsectionFindings(_ file: LearningsFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let section = file.section(.feedbackSources) {
            let rows = tableRows(file, section.bodyRange)
            let expected = [("**HIGH**", "MUST follow"), ("**MEDIUM**", "SHOULD follow"), ("**LOW**", "MAY inform")]
            let body = rows.filter { cells in !(cells.first == "Level") && !cells.allSatisfy { $0.allSatisfy { "-: ".contains($0) } } }
            let ok = body.count == 3 && zip(body, expected).allSatisfy { cells, pair in
                cells.count >= 2 && cells[0] == pair.0 && cells[1] == pair.1
            }
            if !ok {
                out.append(warning("L010",
                    "Feedback Sources needs exactly the rows **HIGH** | MUST follow, **MEDIUM** | SHOULD follow, **LOW** | MAY inform",
                    section.headingIndex))
            }
        }
        if let hooks = file.section(.integrationHooks) {
            let required = [
                "### Validation Phase (Immediate)", "### Performance Feedback (7-14 days delayed)",
                "### Promotion Rules",
            ]
            let found = hooks.bodyRange.filter { file.kinds[$0] == .text && required.contains(file.text($0)) }
                .map { file.text($0) }
            if found != required {
                out.append(warning("L010", "Integration Hooks needs the H3 headings \(required.joined(separator: ", ")) in order",
                    hooks.headingIndex))
            }
            if let rules = hooks.bodyRange.first(where: { file.text($0) == "### Promotion Rules" }) {
                let rows = tableRows(file, (rules + 1)..<hooks.bodyRange.upperBound)
                let firsts = Set(rows.compactMap { $0.first?.replacingOccurrences(of: "→", with: "->") })
                if !firsts.contains("LOW -> MEDIUM") || !firsts.contains("MEDIUM -> HIGH") {
                    out.append(warning("L010", "Promotion Rules needs a 'LOW -> MEDIUM' row and a 'MEDIUM -> HIGH' row",
                        rules))
                }
            }
        }
        return out
    }

    /// Cells of the table lines (outside comments and code) in a range.
    private func tableRows(_ file: LearningsFile, _ range: Range<Int>) -> [[String]] {
        range.filter { file.kinds[$0] == .text && file.text($0).trimmingCharacters(in: .whitespaces).hasPrefix("|") }
            .map { LearningsParser.tableCells(file.text($0)) }
    }
}
