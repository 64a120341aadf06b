import Foundation

/// The creator id rule of data-model.md §4.1: trimmed, 2–100 of A–Z a–z 0–9 `_` `-`.
public enum CreatorIdRule {
    /// The trimmed id, or a VALIDATION_ERROR naming what is wrong.
    public static func check(_ input: String) throws(CreatorInputError) -> String {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalid("creator_id cannot be empty") }
        let count = trimmed.unicodeScalars.count
        guard (2...100).contains(count) else {
            throw .invalid("creator_id length must be 2-100 chars, got \(count)")
        }
        let bad = trimmed.unicodeScalars.filter { scalar in
            !(scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"))
        }
        guard bad.isEmpty else {
            throw .invalid("creator_id contains invalid characters: \(String(String.UnicodeScalarView(bad)))")
        }
        return trimmed
    }
}

/// Bad creator or week input of a command: refused before anything is recorded (exit 2).
public enum CreatorInputError: RunnerError, Equatable {
    /// The id breaks the creator id rule, or another input value is malformed.
    case invalid(String)
    /// A well-formed id resolves to no creator.
    case notFound(String)

    public var code: String {
        switch self {
        case .invalid: "VALIDATION_ERROR"
        case .notFound: "CREATOR_NOT_FOUND"
        }
    }

    public var exitStatus: ExitStatus { .badInput }

    public var description: String {
        switch self {
        case .invalid(let message): message
        case .notFound(let input): "Creator not found: \(input)"
        }
    }
}
