/// What a learnings command did to the model, before the writer finalises and writes it.
public struct LearningsChange: Sendable {
    /// The edited document (metadata and statistics are recomputed by the writer).
    public var document: LearningsDocument
    /// Learning ids the command may change; every other entry must stay byte-identical.
    public var targets: Set<String>
    /// How Version changes.
    public var bump: VersionBump
    /// Subject and body of the suggested commit message (section 10).
    public var commitMessage: String
    /// One line per change, for the command's summary.
    public var summary: [String]

    /// Creates a change.
    public init(document: LearningsDocument, targets: Set<String>, bump: VersionBump = .minor, commitMessage: String,
                summary: [String]) {
        self.document = document
        self.targets = targets
        self.bump = bump
        self.commitMessage = commitMessage
        self.summary = summary
    }
}

/// The outcome of a write-protocol run.
public struct LearningsWriteResult: Sendable {
    /// Bytes before.
    public var before: LearningsDocument
    /// Bytes after (what was written, or would be with `--dry-run`).
    public var after: LearningsDocument
    /// Warnings of the new content (they do not block).
    public var warnings: [Diagnostic]
    /// Whether the file was replaced.
    public var written: Bool
    /// The command's change.
    public var change: LearningsChange
    /// Statistics before and after.
    public var statsBefore: LearningsStatistics, statsAfter: LearningsStatistics
    /// Metadata before and after.
    public var metadataBefore: LearningsMetadata?, metadataAfter: LearningsMetadata?

    /// A minimal line diff: removed lines prefixed `- `, added lines `+ `.
    public var diff: [String] { LearningsDiff.lines(from: before, to: after) }
}

/// A small line diff for dry runs and summaries.
public enum LearningsDiff {
    /// Lines of `b` not matched in `a` (`+ `) and lines of `a` not in `b` (`- `), via LCS, in file order.
    public static func lines(from a: LearningsDocument, to b: LearningsDocument) -> [String] {
        let x = a.lines.map(\.text), y = b.lines.map(\.text)
        var prefix = 0
        while prefix < x.count, prefix < y.count, x[prefix] == y[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < x.count - prefix, suffix < y.count - prefix, x[x.count - 1 - suffix] == y[y.count - 1 - suffix] {
            suffix += 1
        }
        let xs = Array(x[prefix..<(x.count - suffix)]), ys = Array(y[prefix..<(y.count - suffix)])
        var table = [[Int]](repeating: [Int](repeating: 0, count: ys.count + 1), count: xs.count + 1)
        for i in stride(from: xs.count - 1, through: 0, by: -1) {
            for j in stride(from: ys.count - 1, through: 0, by: -1) {
                table[i][j] = xs[i] == ys[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < xs.count || j < ys.count {
            if i < xs.count, j < ys.count, xs[i] == ys[j] {
                i += 1
                j += 1
            } else if i < xs.count, j == ys.count || table[i + 1][j] >= table[i][j + 1] {
                out.append("- " + xs[i])
                i += 1
            } else {
                out.append("+ " + ys[j])
                j += 1
            }
        }
        return out
    }
}
