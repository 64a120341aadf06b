/// What reflect does with one pending signal (6.3).
public struct ReflectProposal: Sendable, Hashable {
    /// ADD a new entry, UPDATE a matching one, or RECOVER (already cited in Evidence: consume, file untouched).
    public enum Action: String, Sendable, Hashable {
        case add = "ADD", update = "UPDATE", recover = "RECOVER"
    }

    /// The signals behind the proposal.
    public var signalIds: [Int64]
    /// The action.
    public var action: Action
    /// Target section.
    public var section: LearningTier
    /// The learning id created or updated.
    public var learningId: String
    /// Entry lines: `+ ` added, `- ` replaced.
    public var lines: [String]
    /// Rule id that blocks the proposal, nil when it applies.
    public var blockedBy: String?
    /// Why it is blocked.
    public var blockMessage: String?
    /// The entry title.
    public var title: String
}

/// Options of `runner learnings reflect`.
public struct ReflectOptions: Sendable {
    /// At most this many signals per run (default 20).
    public var limit: Int = 20
    /// Only these signal ids, when not empty.
    public var signalIds: [Int64] = []
    /// Skip signals with a smaller sample.
    public var minSample: Int?

    /// Creates options.
    public init(limit: Int = 20, signalIds: [Int64] = [], minSample: Int? = nil) {
        self.limit = limit
        self.signalIds = signalIds
        self.minSample = minSample
    }
}

/// The full reflect plan: proposals, counts and the would-be file.
public struct ReflectPlan: Sendable {
    /// Proposals in signal order.
    public var proposals: [ReflectProposal]
    /// Pending signals per tier (HIGH, MEDIUM, LOW) before this run.
    public var found: [LearningTier: Int]
    /// Pending signals not covered by this run's applicable proposals.
    public var remainingPending: Int
    /// The change to write (nil when no ADD or UPDATE applies).
    public var change: LearningsChange?
    /// Signals to mark consumed after a successful write (RECOVER ones even without a write).
    public var resolutions: [SignalResolution]
}

/// The outcome of `reflect` (dry run or `--apply`).
public struct ReflectOutcome: Sendable {
    /// The plan.
    public var plan: ReflectPlan
    /// The write result (dry run or written), nil when nothing to write.
    public var write: LearningsWriteResult?
    /// Whether the file was written and signals consumed.
    public var applied: Bool
    /// Statistics before and after.
    public var statsBefore: LearningsStatistics, statsAfter: LearningsStatistics
    /// Metadata before and after.
    public var metadataBefore: LearningsMetadata?, metadataAfter: LearningsMetadata?
}
