import Foundation

/// What produced a signal (learning_signals.kind).
public enum SignalKind: String, Sendable, Hashable, Codable, CaseIterable {
    case violation
    case qualityPattern = "quality_pattern"
    case user
    case performance
}

/// A signal's lifecycle state (learning_signals.status).
public enum SignalStatus: String, Sendable, Hashable, Codable {
    case pending, consumed, dismissed
}

/// The aggregation key of a signal: (kind, violation code or empty, scope, pattern key) (5.2).
public struct SignalKey: Sendable, Hashable, Codable {
    /// Signal kind.
    public var kind: SignalKind
    /// Violation code, empty when none.
    public var violationCode: String
    /// Scope value (`creator:ivy_lane`).
    public var appliesTo: String
    /// Normalised pattern key.
    public var patternKey: String
}

/// One observation of a run, before aggregation into a `learning_signals` row.
public struct SignalObservation: Sendable, Hashable, Codable {
    /// Signal kind.
    public var kind: SignalKind
    /// Proposed tier.
    public var confidence: LearningTier
    /// validation, user or performance.
    public var source: String
    /// Set for violation signals.
    public var violationCode: String?
    /// Scope value.
    public var appliesTo: String
    /// Normalised pattern key.
    public var patternKey: String
    /// Proposed heading title.
    public var title: String
    /// Proposed field values keyed by field name.
    public var fields: [String: String]
    /// Offending content or send types.
    public var subjects: [String]
    /// The contributing run.
    public var runId: String
    /// Sample contributed (1 per run).
    public var sampleSize: Int
    /// Quality score contributed, if any.
    public var qualityScore: Int?
    /// When it was seen (24-char UTC timestamp).
    public var seenAt: String

    /// The aggregation key.
    public var key: SignalKey {
        SignalKey(kind: kind, violationCode: violationCode ?? "", appliesTo: appliesTo, patternKey: patternKey)
    }
}

/// One `learning_signals` row (data-model.md 3.7).
public struct LearningSignal: Sendable, Hashable, Codable {
    /// Row id, shown as `#12`.
    public var id: Int64
    /// Signal kind.
    public var kind: SignalKind
    /// Proposed tier (HIGH, MEDIUM, LOW).
    public var confidence: LearningTier
    /// validation, user or performance.
    public var source: String
    /// Violation code (violation kind; optional for user).
    public var violationCode: String?
    /// Scope value.
    public var appliesTo: String
    /// Normalised pattern key.
    public var patternKey: String
    /// Proposed heading title.
    public var title: String
    /// Proposed field values (fields_json).
    public var fields: [String: String]
    /// Offending subjects, deduplicated (subjects_json).
    public var subjects: [String]
    /// Contributing runs, deduplicated (run_ids_json).
    public var runIds: [String]
    /// Aggregated sample, at least 1.
    public var sampleSize: Int
    /// Sum of contributing quality scores, nil if none.
    public var qualityTotal: Int?
    /// First and last time seen (UTC timestamps).
    public var firstSeenAt: String, lastSeenAt: String
    /// Lifecycle state.
    public var status: SignalStatus
    /// When it left pending.
    public var resolvedAt: String?
    /// The entry it became or updated.
    public var learningId: String?
    /// Dismissal reason.
    public var note: String?

    /// The aggregation key.
    public var key: SignalKey {
        SignalKey(kind: kind, violationCode: violationCode ?? "", appliesTo: appliesTo, patternKey: patternKey)
    }

    /// A new pending row from an observation.
    public init(id: Int64, observation o: SignalObservation) {
        self.id = id
        kind = o.kind
        confidence = o.confidence
        source = o.source
        violationCode = o.violationCode
        appliesTo = o.appliesTo
        patternKey = o.patternKey
        title = o.title
        fields = o.fields
        subjects = Self.dedup(o.subjects)
        runIds = [o.runId]
        sampleSize = max(1, o.sampleSize)
        qualityTotal = o.qualityScore
        firstSeenAt = o.seenAt
        lastSeenAt = o.seenAt
        status = .pending
    }

    /// The mean quality score rounded half up, nil without scores.
    public var meanQuality: Int? {
        guard let total = qualityTotal, sampleSize > 0 else { return nil }
        return Int((Double(total) / Double(sampleSize)).rounded(.toNearestOrAwayFromZero))
    }

    /// The page name of a `creator:` scope (the scope itself otherwise).
    public var pageName: String {
        appliesTo.hasPrefix("creator:") ? String(appliesTo.dropFirst(8)) : appliesTo
    }

    /// Adds an observation with the same key (5.2): nil when its run already counted (once per run).
    public func absorbing(_ o: SignalObservation) -> LearningSignal? {
        guard status == .pending, o.key == key, !runIds.contains(o.runId) else { return nil }
        var next = self
        next.sampleSize += max(1, o.sampleSize)
        if let score = o.qualityScore { next.qualityTotal = (qualityTotal ?? 0) + score }
        next.runIds.append(o.runId)
        next.subjects = Self.dedup(subjects + o.subjects)
        next.lastSeenAt = max(lastSeenAt, o.seenAt)
        return next
    }

    static func dedup(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}

/// The storage-agnostic upsert of section 5.2 that every `LearningSignalStore` applies.
public enum SignalAggregation {
    /// What to do with an observation given the pending row with its key (if any).
    public enum Action: Sendable, Hashable {
        /// Update the pending row to this value.
        case update(LearningSignal)
        /// Insert a new pending row.
        case insert(SignalObservation)
        /// The run already counted for this key: nothing changes.
        case skip
    }

    /// Decides the upsert for one observation.
    public static func action(for observation: SignalObservation, pending: LearningSignal?) -> Action {
        guard let pending, pending.status == .pending, pending.key == observation.key else { return .insert(observation) }
        if let merged = pending.absorbing(observation) { return .update(merged) }
        return .skip
    }

    /// The pattern key: lowercased, whitespace collapsed, trailing punctuation removed.
    public static func patternKey(_ text: String) -> String {
        var key = text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        while let last = key.last, last.isPunctuation { key.removeLast() }
        return key.trimmingCharacters(in: .whitespaces)
    }
}
