import Crypto
import Foundation

/// Runs the write protocol of learnings.md section 4 around one command's change.
public struct LearningsWriter: Sendable {
    /// The LEARNINGS.md file.
    public var url: URL
    /// The path shown in findings.
    public var displayPath: String
    /// Today's date.
    public var today: String
    /// How long to wait for the lock.
    public var lockTimeout: Duration = .seconds(10)
    /// Test hook run after the temporary file is synced and before the rename; throwing aborts.
    public var beforeRename: (@Sendable (URL) throws -> Void)?

    /// Creates a writer.
    public init(url: URL, displayPath: String? = nil, today: String) {
        self.url = url
        self.displayPath = displayPath ?? url.path
        self.today = today
    }

    /// Reads the file: missing, unreadable and non-UTF-8 files are refused.
    public func read() throws -> (data: Data, file: LearningsFile) {
        guard FileManager.default.fileExists(atPath: url.path) else { throw LearningsError.fileMissing(displayPath) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LearningsError.unreadable(displayPath, error.localizedDescription)
        }
        guard let document = LearningsDocument(data: data) else { throw LearningsError.notUTF8(displayPath) }
        return (data, LearningsParser.parse(document))
    }

    /// Applies `mutate` under the lock, lints, checks and atomically replaces the file (unless `dryRun`).
    public func write(
        dryRun: Bool = false, mutate: (LearningsFile) throws -> LearningsChange
    ) throws -> LearningsWriteResult {
        let lock = try LearningsLock.acquire(for: url, displayPath: displayPath, timeout: lockTimeout)
        defer { lock.release() }
        LearningsAtomicFile.removeStaleTemporaries(for: url)
        let (data, file) = try read()
        let digest = Data(SHA256.hash(data: data))
        let linter = LearningsLinter(path: displayPath, today: today)
        if let updated = file.metadata?.lastUpdated, LearningsDates.isValid(updated), updated > today {
            throw LearningsError.clockSkew(lastUpdated: updated, today: today)
        }
        let blocking = linter.lint(file).filter {
            $0.severity == .error && !LearningsLinter.derivedRules.contains($0.rule)
        }
        if !blocking.isEmpty { throw LearningsError.fileHasErrors(displayPath, blocking) }

        let change = try mutate(file)
        var editor = LearningsEditor(change.document)
        try editor.finalize(today: today, bump: change.bump)
        let after = editor.document
        let afterFile = LearningsParser.parse(after)
        let findings = linter.lint(afterFile)
        if findings.errorCount > 0 { throw LearningsError.resultHasErrors(findings.filter { $0.severity == .error }) }
        try Self.safetyCheck(before: file, after: afterFile, targets: change.targets)

        var result = LearningsWriteResult(
            before: file.document, after: after, warnings: findings.filter { $0.severity == .warning }, written: false,
            change: change,
            statsBefore: LearningsStatistics.compute(file, lastUpdated: file.metadata?.lastUpdated ?? today),
            statsAfter: LearningsStatistics.compute(afterFile, lastUpdated: today),
            metadataBefore: file.metadata, metadataAfter: afterFile.metadata)
        guard !dryRun else { return result }
        try LearningsAtomicFile.replace(url, with: after.data, expectedDigest: digest, displayPath: displayPath,
                                        beforeRename: beforeRename)
        result.written = true
        return result
    }

    /// Every id present before is still present; no entry differs except the targets.
    static func safetyCheck(before: LearningsFile, after: LearningsFile, targets: Set<String>) throws {
        for entry in before.entries {
            guard let now = after.entry(id: entry.id) else {
                throw LearningsError.safetyCheckFailed("entry \(entry.id) disappeared")
            }
            if targets.contains(entry.id) { continue }
            let old = entry.lineRange.map { before.text($0) }
            let new = now.lineRange.map { after.text($0) }
            if old != new || entry.tier != now.tier {
                throw LearningsError.safetyCheckFailed("entry \(entry.id) changed although the command did not target it")
            }
        }
    }
}

extension LearningsWriter {
    /// `runner learnings init`: writes the skeleton dated today; refuses when the file exists.
    public func initialize() throws -> LearningsDocument {
        let lock = try LearningsLock.acquire(for: url, displayPath: displayPath, timeout: lockTimeout)
        defer { lock.release() }
        LearningsAtomicFile.removeStaleTemporaries(for: url)
        guard !FileManager.default.fileExists(atPath: url.path) else { throw LearningsError.fileExists(displayPath) }
        let document = LearningsDocument(text: LearningsSkeleton.text(today: today))
        let findings = LearningsLinter(path: displayPath, today: today).lint(LearningsParser.parse(document))
        if findings.errorCount > 0 { throw LearningsError.resultHasErrors(findings) }
        try LearningsAtomicFile.replace(url, with: document.data, expectedDigest: nil, displayPath: displayPath,
                                        beforeRename: beforeRename)
        return document
    }

    /// `lint --fix`: recomputes the statistics block and Total Learnings with a patch bump.
    public func fix(dryRun: Bool = false) throws -> LearningsWriteResult {
        try write(dryRun: dryRun) { file in
            LearningsChange(document: file.document, targets: [], bump: .patch,
                            commitMessage: LearningsCommitMessage.fix, summary: ["statistics recomputed from entries"])
        }
    }
}
