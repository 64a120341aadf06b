import Foundation

/// What the steps of one run may know about it: who, which week, read-only or not, and where
/// the data lives.
public struct RunEnvironment: Sendable {
    /// The run's id.
    public var runId: String
    /// The resolved creator.
    public var creator: CreatorIdentity
    /// The first date of the week (`YYYY-MM-DD`).
    public var weekStart: String
    /// The pipeline being run.
    public var pipeline: String
    /// Why the run exists.
    public var role: ExecutionRole
    /// Read-only runs save as a dry run.
    public var readOnly: Bool
    /// The project database.
    public var storage: Storage
    /// The runner clock.
    public var clock: RunnerClock
    /// The audit actor (`runner@host:pid`).
    public var actor: String
    /// The config root (agent prompt files).
    public var configRoot: URL?
    /// Every declared agent.
    public var agents: AgentsConfig
    /// The run's learning selection (learnings.md §9); nil gives an agent none.
    public var learnings: RunLearnings? = nil
}

/// What `runner execute` asks for: one creator's week, routed or forced, real or dry.
public struct RunRequest: Sendable, Hashable {
    /// The creator id or page name as typed.
    public var creatorInput: String
    /// The first date of the week, already validated as `YYYY-MM-DD`.
    public var weekStart: String
    /// `--pipeline NAME`: a diagnostic run that skips routing.
    public var forcedPipeline: String?
    /// `--dry-run`: a routed run whose save is a dry run.
    public var dryRun: Bool

    /// Creates a request.
    public init(creatorInput: String, weekStart: String, forcedPipeline: String? = nil, dryRun: Bool = false) {
        self.creatorInput = creatorInput
        self.weekStart = weekStart
        self.forcedPipeline = forcedPipeline
        self.dryRun = dryRun
    }

    /// The default week: the first Monday strictly after `today` (`YYYY-MM-DD`).
    public static func defaultWeek(today: String) -> String {
        guard let date = Timestamp.parseDate(today) else { return today }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let weekday = calendar.component(.weekday, from: date)  // 1 = Sunday, 2 = Monday
        let ahead = (2 - weekday + 7) % 7
        let days = ahead == 0 ? 7 : ahead
        return Timestamp.dateString(date.addingTimeInterval(Double(days) * 86_400))
    }
}
