import Foundation

extension LearningsLinter {
    /// Rules whose errors a write repairs (the derived data).
    public static let derivedRules: Set<String> = ["L050", "L051", "L052", "L053", "L054", "L055"]

    /// L050–L055: the statistics block and Total Learnings against the body.
    func derivedFindings(_ file: LearningsFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let activeCount = file.activeEntries.count
        if let index = file.metadataIndex, let meta = file.metadata, meta.total != activeCount {
            out.append(error("L055", "Total Learnings is \(meta.total) but the file has \(activeCount) active entries", index,
                column: Self.column(of: "**Total Learnings**", in: file.text(index))))
        }
        guard let fence = file.statisticsFence, let close = fence.closeIndex else { return out }
        let range = (fence.openIndex + 1)..<close
        let contentIndexes = range.filter { !file.isBlank($0) }
        guard let stated = LearningsStatistics.parse(range.map { file.text($0) }) else {
            out.append(error("L050",
                "the statistics block must hold by_confidence, by_source, by_scope and last_7_days flow mappings with their sub-keys in order and non-negative integers",
                contentIndexes.first ?? fence.openIndex))
            return out
        }
        let updated = file.metadata?.lastUpdated ?? today
        let actual = LearningsStatistics.compute(file, lastUpdated: updated)
        let rules = ["L051", "L052", "L053", "L054"]
        for (row, rule) in rules.enumerated() where stated.rows[row] != actual.rows[row] {
            let key = LearningsStatistics.layout[row].key
            out.append(error(rule, "\(key) says \(describe(stated.rows[row], row)) but the body gives \(describe(actual.rows[row], row))",
                contentIndexes[row]))
        }
        for row in 0..<3 where stated.rows[row].reduce(0, +) != activeCount {
            let key = LearningsStatistics.layout[row].key
            out.append(error("L055", "\(key) sums to \(stated.rows[row].reduce(0, +)) but the file has \(activeCount) active entries",
                contentIndexes[row]))
        }
        return out
    }

    private func describe(_ values: [Int], _ row: Int) -> String {
        let pairs = zip(LearningsStatistics.layout[row].subKeys, values).map { "\($0): \($1)" }
        return "{ " + pairs.joined(separator: ", ") + " }"
    }
}
