import Foundation

/// The learnings of one run (learnings.md §9): LEARNINGS.md is read (without the lock) and the
/// selection made once, the first time it is asked for; the external generator agent receives
/// it and the run row records its ids, version and hash. Never fails the run.
public final class RunLearnings: @unchecked Sendable {  // Safe: `chosen` is only touched under `lock`.
    /// The LEARNINGS.md read, nil when the run has no config root (nothing is read).
    public let url: URL?
    /// The creator the run is for.
    public let creator: CreatorIdentity
    /// The learnings "today" (the run clock's UTC date).
    public let today: String
    private let lock = NSLock()
    private var chosen: LearningSelection?

    /// A selection for `creator` from `<configRoot>/LEARNINGS.md`.
    public init(configRoot: URL?, creator: CreatorIdentity, today: String) {
        self.url = configRoot?.appendingPathComponent("LEARNINGS.md")
        self.creator = creator
        self.today = today
    }

    /// The run's selection, made on the first call with the creator's volume tier as resolved for
    /// this run (nil when the context was never built: only `all` and `creator:` scopes match).
    public func selection(tier: String?) -> LearningSelection {
        lock.lock()
        defer { lock.unlock() }
        if let chosen { return chosen }
        let made: LearningSelection
        if let url {
            let context = CreatorLearningContext(
                pageName: creator.pageName, creatorId: creator.creatorId, tier: tier ?? "")
            made = LearningSelector.load(url: url, for: context, today: today)
        } else {
            made = LearningSelection(learnings: [], skippedEntries: 0, version: nil, sha256: nil, degradedReason: nil)
        }
        chosen = made
        return made
    }

    /// What an external generator agent receives: `{id, confidence, title, fields}` per learning.
    public func agentLearnings(tier: String?) -> [AgentLearning] {
        selection(tier: tier).learnings.map {
            AgentLearning(id: $0.id, confidence: $0.confidence, title: $0.title, fields: $0.fields)
        }
    }
}
