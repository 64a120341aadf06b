import Crypto
import Foundation

/// LEARNINGS.md as one read saw it: hashed, parsed and linted once, so a process that runs many
/// creators (`execute --all`) selects per creator without re-reading and re-linting the file.
public struct LearningsSnapshot: Sendable {
    /// The parsed file; nil when it could not be read or is not UTF-8.
    public let file: LearningsFile?
    /// SHA-256 (hex) of the bytes read, nil when the file is missing.
    public let sha256: String?
    /// Why the file cannot serve (missing, unreadable, not UTF-8), nil when it parsed.
    public let failure: String?
    /// Lint errors of the whole file (entries with their own errors are skipped at selection).
    public let lintErrors: Int
    /// The learnings "today" the file was linted against.
    public let today: String

    /// Reads `url` without the lock (runs only read the file).
    public static func load(url: URL, today: String) -> LearningsSnapshot {
        guard let data = try? Data(contentsOf: url) else {
            return LearningsSnapshot(
                file: nil, sha256: nil, failure: "learnings file \(url.path) is missing or unreadable",
                lintErrors: 0, today: today)
        }
        let digest = HashText.hex(SHA256.hash(data: data))
        guard let document = LearningsDocument(data: data) else {
            return LearningsSnapshot(
                file: nil, sha256: digest, failure: "learnings file \(url.path) is not valid UTF-8",
                lintErrors: 0, today: today)
        }
        let file = LearningsParser.parse(document)
        let errors = LearningsLinter(path: url.lastPathComponent, today: today).lint(file).errorCount
        return LearningsSnapshot(file: file, sha256: digest, failure: nil, lintErrors: errors, today: today)
    }

    /// The applicable learnings for one creator (learnings.md §9); degraded when the file is.
    public func selection(for creator: CreatorLearningContext) -> LearningSelection {
        guard let file else {
            return LearningSelection(
                learnings: [], skippedEntries: 0, version: nil, sha256: sha256, degradedReason: failure)
        }
        let (learnings, skipped) = LearningSelector.select(from: file, for: creator, today: today)
        let reason = lintErrors > 0 ? "learnings file has \(lintErrors) lint error(s); \(skipped) entries skipped" : nil
        return LearningSelection(
            learnings: learnings, skippedEntries: skipped, version: file.metadata?.version.description,
            sha256: sha256, degradedReason: reason)
    }
}
