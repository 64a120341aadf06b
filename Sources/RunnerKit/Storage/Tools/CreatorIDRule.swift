import Foundation

/// The creator id rule of data-model.md §4.1, shared by every tool and command.
public enum CreatorIDRule {
    /// The trimmed id, or the rule's message when it breaks the rule.
    public static func check(_ raw: String) -> Result<String, CreatorIDError> {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .failure(CreatorIDError(message: "creator_id cannot be empty")) }
        let length = trimmed.unicodeScalars.count
        if length < 2 || length > 100 {
            return .failure(CreatorIDError(message: "creator_id length must be 2-100 chars, got \(length)"))
        }
        var invalid: [Character] = []
        for ch in trimmed where !isAllowed(ch) && !invalid.contains(ch) { invalid.append(ch) }
        if !invalid.isEmpty {
            return .failure(CreatorIDError(message: "creator_id contains invalid characters: \(String(invalid))"))
        }
        return .success(trimmed)
    }

    /// Applies the rule to a tool parameter (missing, non-string and blank values included).
    static func check(parameter value: ToolValue?) -> Result<String, CreatorIDError> {
        guard let value, !value.isNull else { return .failure(CreatorIDError(message: "creator_id cannot be empty")) }
        guard let text = value.stringValue else { return .failure(CreatorIDError(message: "creator_id must be string")) }
        return check(text)
    }

    private static func isAllowed(_ ch: Character) -> Bool {
        guard ch.unicodeScalars.count == 1, let s = ch.unicodeScalars.first, s.isASCII else { return false }
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x2D: return true
        default: return false
        }
    }
}

/// A creator id that breaks the rule: VALIDATION_ERROR, exit status 2.
public struct CreatorIDError: RunnerError, Equatable {
    /// The rule's message.
    public var message: String
    /// Always VALIDATION_ERROR.
    public var code: String { "VALIDATION_ERROR" }
    /// Bad input.
    public var exitStatus: ExitStatus { .badInput }
    /// The message.
    public var description: String { message }
}
