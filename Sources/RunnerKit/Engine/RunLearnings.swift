import Foundation

/// The learnings of one run (learnings.md §9): LEARNINGS.md is read (without the lock) and the
/// selection made once, the first time it is asked for; the external generator agent receives
/// it and the run row records its ids, version and hash. Never fails the run.
public final class RunLearnings: @unchecked Sendable {  // Safe: `chosen` is only touched under `lock`.
    /// Where LEARNINGS.md comes from: one read per process, shared by its runs.
    public let source: LearningsSource
    /// The creator the run is for.
    public let creator: CreatorIdentity
    private let lock = NSLock()
    private var chosen: LearningSelection?

    /// A selection for `creator` from a process-wide source.
    public init(source: LearningsSource, creator: CreatorIdentity) {
        self.source = source
        self.creator = creator
    }

    /// A selection for `creator` from `<configRoot>/LEARNINGS.md`, read for this selection alone.
    public convenience init(configRoot: URL?, creator: CreatorIdentity, today: String) {
        self.init(source: LearningsSource(configRoot: configRoot, today: today), creator: creator)
    }

    /// The run's selection, made on the first call with the creator's volume tier as resolved for
    /// this run (nil when the context was never built: only `all` and `creator:` scopes match).
    public func selection(tier: String?) -> LearningSelection {
        lock.lock()
        defer { lock.unlock() }
        if let chosen { return chosen }
        let context = CreatorLearningContext(pageName: creator.pageName, creatorId: creator.creatorId, tier: tier ?? "")
        let made = source.snapshot()?.selection(for: context)
            ?? LearningSelection(learnings: [], skippedEntries: 0, version: nil, sha256: nil, degradedReason: nil)
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

/// LEARNINGS.md for every run of one process: read, hashed and linted on first use, then shared.
/// The file is re-read by the next process, so an edit applies from the next invocation on.
public final class LearningsSource: @unchecked Sendable {  // Safe: `loaded` is only touched under `lock`.
    /// The file read, nil when there is no config root (nothing is read).
    public let url: URL?
    /// The learnings "today" (the clock's UTC date when the process started its runs).
    public let today: String
    private let lock = NSLock()
    private var loaded: LearningsSnapshot?

    /// A source for `<configRoot>/LEARNINGS.md`.
    public init(configRoot: URL?, today: String) {
        self.url = configRoot?.appendingPathComponent("LEARNINGS.md")
        self.today = today
    }

    /// The snapshot, read on the first call; nil when there is no file location.
    public func snapshot() -> LearningsSnapshot? {
        guard let url else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let made = LearningsSnapshot.load(url: url, today: today)
        loaded = made
        return made
    }
}
