/// The domain outcomes that stop context building, readiness or generation (schedule-domain §10.7).
public enum SchedulingError: RunnerError, Equatable {
    /// A malformed creator id or another malformed parameter; the message names it.
    case validationError(String)
    /// A week_start that is not a real `YYYY-MM-DD` date.
    case invalidDate(String)
    /// A well-formed creator id that matches no creator.
    case creatorNotFound(String)
    /// The resolved creator is not active.
    case creatorInactive(String)
    /// Vault minus AVOID is empty.
    case noEligibleContent(String)
    /// The readiness check found blockers (`CREATOR_INACTIVE`, `NO_ELIGIBLE_CONTENT`).
    case readinessBlocked([String])
    /// The storage failed while loading the creator's data.
    case databaseError(String)

    /// The stable code.
    public var code: String {
        switch self {
        case .validationError: "VALIDATION_ERROR"
        case .invalidDate: "INVALID_DATE"
        case .creatorNotFound: "CREATOR_NOT_FOUND"
        case .creatorInactive: "CREATOR_INACTIVE"
        case .noEligibleContent: "NO_ELIGIBLE_CONTENT"
        case .readinessBlocked: "READINESS_BLOCKED"
        case .databaseError: "DATABASE_ERROR"
        }
    }

    /// Bad input is 2, unavailable storage 4, a failed run 1.
    public var exitStatus: ExitStatus {
        switch self {
        case .validationError, .invalidDate, .creatorNotFound: .badInput
        case .databaseError: .databaseUnavailable
        case .creatorInactive, .noEligibleContent, .readinessBlocked: .negative
        }
    }

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .validationError(let message): message
        case .invalidDate(let text): "Invalid week_start format: \(text). Expected YYYY-MM-DD"
        case .creatorNotFound(let input): "Creator not found: \(input)"
        case .creatorInactive(let id): "Creator \(id) not active"
        case .noEligibleContent(let id): "Creator \(id) has no eligible content: vault minus AVOID is empty"
        case .readinessBlocked(let blockers): "Readiness blocked: \(blockers.joined(separator: ", "))"
        case .databaseError(let message): "Database error: \(message)"
        }
    }
}

/// The creator id rule (data-model §4.1) and week parsing shared by every entry point.
public enum SchedulingInput {
    /// Trims and checks a creator id or page name: 2–100 characters from `A–Z a–z 0–9 _ -`.
    public static func creatorId(_ raw: String?) throws(SchedulingError) -> String {
        guard let raw else { throw .validationError("creator_id cannot be empty") }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .validationError("creator_id cannot be empty") }
        let length = trimmed.unicodeScalars.count
        guard (2...100).contains(length) else {
            throw .validationError("creator_id length must be 2-100 chars, got \(length)")
        }
        let bad = trimmed.unicodeScalars.filter { s in
            !(s.isASCII && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_" || s == "-"))
        }
        guard bad.isEmpty else {
            throw .validationError("creator_id contains invalid characters: \(String(String.UnicodeScalarView(bad)))")
        }
        return trimmed
    }

    /// Parses week_start (`YYYY-MM-DD`, any weekday).
    public static func weekStart(_ raw: String) throws(SchedulingError) -> DayDate {
        guard let date = DayDate(raw) else { throw .invalidDate(raw) }
        return date
    }

    /// The default week: the first Monday strictly after `today`.
    public static func defaultWeekStart(today: DayDate) -> DayDate {
        let offset = 7 - today.weekday.index
        return today.adding(days: offset)
    }
}
