/// Why a learnings command refused or failed; nothing was written in any case.
public enum LearningsError: RunnerError, Equatable {
    /// The file does not exist.
    case fileMissing(String)
    /// The file cannot be read.
    case unreadable(String, String)
    /// The file is not valid UTF-8.
    case notUTF8(String)
    /// `init` found an existing file.
    case fileExists(String)
    /// Another writer holds the lock past the timeout.
    case locked(String)
    /// The file's Last Updated is later than today (clock skew).
    case clockSkew(lastUpdated: String, today: String)
    /// The file has lint errors a write does not repair.
    case fileHasErrors(String, [Diagnostic])
    /// The command's result would have lint errors.
    case resultHasErrors([Diagnostic])
    /// No entry has this learning id.
    case unknownId(String)
    /// A precondition of the command is not met (bad option value, sample too small, ...).
    case refused(String)
    /// The file changed on disk between reading and replacing it.
    case changedDuringCommand(String)
    /// The post-write safety check failed (an internal error).
    case safetyCheckFailed(String)
    /// Writing, syncing or renaming failed.
    case writeFailed(String)

    /// Stable code.
    public var code: String {
        switch self {
        case .fileMissing: "LEARNINGS_FILE_MISSING"
        case .unreadable: "LEARNINGS_UNREADABLE"
        case .notUTF8: "LEARNINGS_NOT_UTF8"
        case .fileExists: "LEARNINGS_FILE_EXISTS"
        case .locked: "LEARNINGS_LOCKED"
        case .clockSkew: "LEARNINGS_CLOCK_SKEW"
        case .fileHasErrors: "LEARNINGS_LINT_ERRORS"
        case .resultHasErrors: "LEARNINGS_RESULT_LINT_ERRORS"
        case .unknownId: "LEARNING_NOT_FOUND"
        case .refused: "LEARNINGS_REFUSED"
        case .changedDuringCommand: "LEARNINGS_CHANGED"
        case .safetyCheckFailed: "LEARNINGS_SAFETY_CHECK"
        case .writeFailed: "LEARNINGS_WRITE_FAILED"
        }
    }

    /// Exit status class (learnings.md section 6).
    public var exitStatus: ExitStatus {
        switch self {
        case .fileHasErrors, .resultHasErrors, .safetyCheckFailed, .writeFailed: .negative
        default: .badInput
        }
    }

    /// The findings that caused a lint refusal, empty otherwise.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .fileHasErrors(_, let d), .resultHasErrors(let d): d
        default: []
        }
    }

    /// The message.
    public var description: String {
        switch self {
        case .fileMissing(let path): "learnings file \(path) does not exist (create it with `runner learnings init`)"
        case .unreadable(let path, let why): "cannot read learnings file \(path): \(why)"
        case .notUTF8(let path): "learnings file \(path) is not valid UTF-8"
        case .fileExists(let path): "learnings file \(path) already exists; init never overwrites"
        case .locked(let path): "learnings file is locked (\(path).lock held by another writer for over 10 s)"
        case .clockSkew(let updated, let today):
            "Last Updated \(updated) is later than today \(today) (clock skew); nothing written"
        case .fileHasErrors(let path, let d):
            "\(path) has \(d.errorCount) lint error(s) a write does not repair; fix them first (nothing written)"
        case .resultHasErrors(let d):
            "the result would have \(d.errorCount) lint error(s): \(Set(d.filter { $0.severity == .error }.map(\.rule)).sorted().joined(separator: ", ")); nothing written"
        case .unknownId(let id): "no learning has the id '\(id)' (ids look like 2026-03-04/mark-every-live-promo)"
        case .refused(let why): why
        case .changedDuringCommand(let path): "file changed during the command: \(path); nothing written"
        case .safetyCheckFailed(let why): "internal error: safety check failed (\(why)); nothing written"
        case .writeFailed(let why): "writing the learnings file failed: \(why); the original is intact"
        }
    }
}
