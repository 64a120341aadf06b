import Foundation

extension LearningsLinter {
    /// L001–L011: layout, sections, fences, comments, tables, separators.
    func structureFindings(_ file: LearningsFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if file.lineCount == 0 || file.text(0) != LearningsVocabulary.title {
            out.append(error("L001", "line 1 must be exactly '\(LearningsVocabulary.title)'", 0))
        }
        out += metadataFindings(file)
        out += sectionOrderFindings(file)
        out += blockquoteFindings(file)
        out += balanceFindings(file)
        out += statisticsShapeFindings(file)
        out += placementFindings(file)
        out += changelogShapeFindings(file)
        out += separatorFindings(file)
        out += subsectionFindings(file)
        if let last = (0..<file.lineCount).last(where: { !file.isBlank($0) }) {
            if file.text(last).trimmingCharacters(in: .whitespaces) != LearningsVocabulary.readyLine {
                out.append(info("L011", "the file does not end with '\(LearningsVocabulary.readyLine)'", last))
            }
        } else {
            out.append(info("L011", "the file does not end with '\(LearningsVocabulary.readyLine)'", 0))
        }
        return out
    }

    private func metadataFindings(_ file: LearningsFile) -> [Diagnostic] {
        guard let index = file.metadataIndex else {
            return [error("L002", "the metadata line is missing after the title", min(1, max(file.lineCount - 1, 0)))]
        }
        guard let meta = file.metadata else {
            return [error("L002",
                "the metadata line must read '**Version**: X.Y.Z | **Last Updated**: YYYY-MM-DD | **Total Learnings**: N'",
                index)]
        }
        let column = Self.column(of: "**Last Updated**", in: file.text(index))
        guard LearningsDates.isValid(meta.lastUpdated) else {
            return [error("L002", "Last Updated '\(meta.lastUpdated)' is not a real date", index, column: column)]
        }
        if meta.lastUpdated > today {
            return [error("L021", "Last Updated \(meta.lastUpdated) is after today (\(today))", index, column: column)]
        }
        return []
    }

    private func sectionOrderFindings(_ file: LearningsFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let order = LearningsSectionName.allCases
        var seen: Set<LearningsSectionName> = []
        var lastRank = -1
        for section in file.sections {
            guard let name = section.name else {
                out.append(error("L003", "unknown section heading '\(section.heading)'", section.headingIndex))
                continue
            }
            let rank = order.firstIndex(of: name)!
            if seen.contains(name) {
                out.append(error("L003", "section '\(name.rawValue)' appears more than once", section.headingIndex))
            } else if rank < lastRank {
                out.append(error("L003", "section '\(name.rawValue)' is out of order", section.headingIndex))
            }
            seen.insert(name)
            lastRank = max(lastRank, rank)
        }
        for (rank, name) in order.enumerated() where !seen.contains(name) {
            let next = file.sections.first { section in
                section.name.flatMap { order.firstIndex(of: $0) }.map { $0 > rank } ?? false
            }
            out.append(error("L003", "section '\(name.rawValue)' is missing", next?.headingIndex ?? 0))
        }
        return out
    }

    private func blockquoteFindings(_ file: LearningsFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for tier in LearningTier.allCases {
            guard let name = LearningsSectionName(rawValue: tier.heading), let section = file.section(name) else {
                continue
            }
            let first = section.bodyRange.first { !file.isBlank($0) }
            if let first, file.text(first) == tier.blockquote { continue }
            out.append(error("L004", "the section must open with '\(tier.blockquote)'", first ?? section.headingIndex))
        }
        return out
    }

    private func balanceFindings(_ file: LearningsFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for fence in file.fences where fence.closeIndex == nil {
            out.append(error("L005", "code fence is never closed", fence.openIndex))
        }
        if let index = file.unclosedCommentIndex {
            out.append(error("L005", "HTML comment '<!--' is never closed", index))
        }
        for index in 0..<file.lineCount where file.kinds[index] == .text {
            let text = file.text(index)
            if text.contains("-->"), !text.contains("<!--") {
                out.append(error("L005", "'-->' closes no open HTML comment", index,
                    column: Self.column(of: "-->", in: text)))
            }
            if ["<<<<<<< ", ">>>>>>> ", "||||||| "].contains(where: { text.hasPrefix($0) }) || text == "=======" || text == "<<<<<<<" {
                out.append(error("L005", "unresolved merge-conflict marker '\(text.prefix(7))'; resolve by hand, then run lint --fix",
                    index))
            }
            for placeholder in ["[YYYY-MM-DD]", "TIER_NAME"] where text.contains(placeholder) {
                out.append(error("L005", "template placeholder '\(placeholder)' outside a comment", index,
                    column: Self.column(of: placeholder, in: text)))
            }
        }
        for entry in file.entries {
            for field in entry.fields where field.value == "CODE" || field.value == "creator_id" || field.value.hasSuffix(":creator_id") {
                out.append(error("L005", "template placeholder '\(field.value)' used as the value of \(field.name)",
                    field.lineIndex, column: field.column))
            }
        }
        return out
    }

    private func statisticsShapeFindings(_ file: LearningsFile) -> [Diagnostic] {
        guard let section = file.section(.statistics) else { return [] }
        var out: [Diagnostic] = []
        let fences = file.fences.filter { section.bodyRange.contains($0.openIndex) }
        if fences.count != 1 || fences.first?.info != "yaml" {
            out.append(error("L006", "Statistics must hold exactly one fenced block tagged yaml",
                fences.first?.openIndex ?? section.headingIndex))
        }
        for index in section.bodyRange where file.kinds[index] == .text && !file.isBlank(index) {
            if file.text(index).trimmingCharacters(in: .whitespaces) == "---" { continue }
            out.append(error("L006", "Statistics holds text outside its yaml block", index))
        }
        return out
    }

    private func placementFindings(_ file: LearningsFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for entry in file.entries where entry.tier == nil {
            out.append(error("L007", "entry '\(entry.label)' is outside the four learning sections", entry.headingIndex))
        }
        var entryLines: Set<Int> = []
        for entry in file.entries { entryLines.formUnion(entry.lineRange) }
        for section in file.sections {
            if let tier = section.name?.tier {
                let quote = file.blockquoteIndex(of: tier)
                for index in section.bodyRange where file.kinds[index] == .text && !file.isBlank(index) {
                    let text = file.text(index).trimmingCharacters(in: .whitespaces)
                    if index == quote || entryLines.contains(index) || text == "---" { continue }
                    out.append(error("L007", "a learning section may hold only its blockquote, entries and comments",
                        index))
                }
                continue
            }
            if [.feedbackSources, .changelog, .integrationHooks].contains(section.name) { continue }
            out += strayTables(file, section.bodyRange)
        }
        let firstSection = file.sections.first?.headingIndex ?? file.lineCount
        out += strayTables(file, 0..<firstSection)
        if let hooks = file.section(.integrationHooks) {
            let rules = hooks.bodyRange.first { file.text($0) == "### Promotion Rules" } ?? hooks.bodyRange.upperBound
            out += strayTables(file, hooks.bodyRange.lowerBound..<rules)
        }
        return out
    }

    private func strayTables(_ file: LearningsFile, _ range: Range<Int>) -> [Diagnostic] {
        range.filter { file.kinds[$0] == .text && file.text($0).trimmingCharacters(in: .whitespaces).hasPrefix("|") }
            .map { error("L007", "tables belong only in Feedback Sources, Changelog and Promotion Rules", $0) }
    }

    private func changelogShapeFindings(_ file: LearningsFile) -> [Diagnostic] {
        guard let section = file.section(.changelog) else { return [] }
        guard let header = file.changelogHeaderIndex else {
            return [error("L008", "the changelog table is missing", section.headingIndex)]
        }
        var out: [Diagnostic] = []
        if file.text(header).trimmingCharacters(in: .whitespaces) != LearningsVocabulary.changelogHeader {
            out.append(error("L008", "the changelog header must be '\(LearningsVocabulary.changelogHeader)'", header))
        }
        if let separator = file.changelogSeparatorIndex {
            if file.text(separator).trimmingCharacters(in: .whitespaces) != LearningsVocabulary.changelogSeparator {
                out.append(error("L008",
                    "the changelog separator must be '\(LearningsVocabulary.changelogSeparator)'", separator))
            }
        } else {
            out.append(error("L008", "the changelog separator row is missing", header + 1))
        }
        return out
    }

    private func separatorFindings(_ file: LearningsFile) -> [Diagnostic] {
        file.sections.compactMap { section in
            let previous = (0..<section.headingIndex).last { !file.isBlank($0) }
            if let previous, file.text(previous).trimmingCharacters(in: .whitespaces) == "---" { return nil }
            return warning("L009", "a '---' line must separate this section from the block before it",
                section.headingIndex)
        }
    }
}
