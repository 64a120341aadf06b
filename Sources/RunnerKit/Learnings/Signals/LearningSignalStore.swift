import Foundation

/// A signal leaving pending through reflect: consumed into (or recovered from) an entry.
public struct SignalResolution: Sendable, Hashable {
    /// The signal id.
    public var signalId: Int64
    /// The learning id it became or updated.
    public var learningId: String

    /// Creates a resolution.
    public init(signalId: Int64, learningId: String) {
        self.signalId = signalId
        self.learningId = learningId
    }
}

/// Where learning signals live; the runner's database implements it (learning_signals table).
public protocol LearningSignalStore: Sendable {
    /// Upserts a run's observations per section 5.2, in one transaction.
    func record(_ observations: [SignalObservation]) throws
    /// Pending signals ordered HIGH, MEDIUM, LOW, then first_seen_at, then id.
    func pendingSignals() throws -> [LearningSignal]
    /// One signal by id.
    func signal(id: Int64) throws -> LearningSignal?
    /// Marks signals consumed with their learning ids, all in one transaction.
    func consume(_ resolutions: [SignalResolution], at timestamp: String) throws
    /// Marks a pending signal dismissed with a note.
    func dismiss(id: Int64, note: String, at timestamp: String) throws
}

/// Errors of signal stores.
public enum SignalStoreError: RunnerError, Equatable {
    /// No signal has this id.
    case unknownSignal(Int64)
    /// The signal is not pending.
    case notPending(Int64, SignalStatus)

    /// Stable code.
    public var code: String {
        switch self {
        case .unknownSignal: "SIGNAL_NOT_FOUND"
        case .notPending: "SIGNAL_NOT_PENDING"
        }
    }
    /// Bad input: exit 2.
    public var exitStatus: ExitStatus { .badInput }
    /// The message.
    public var description: String {
        switch self {
        case .unknownSignal(let id): "no learning signal #\(id)"
        case .notPending(let id, let status): "signal #\(id) is \(status.rawValue), not pending"
        }
    }
}

extension LearningSignal {
    /// Reflect's order: HIGH, MEDIUM, LOW, then first_seen_at, then id.
    public static func reflectOrder(_ a: LearningSignal, _ b: LearningSignal) -> Bool {
        if a.confidence.rank != b.confidence.rank { return a.confidence.rank > b.confidence.rank }
        if a.firstSeenAt != b.firstSeenAt { return a.firstSeenAt < b.firstSeenAt }
        return a.id < b.id
    }
}

/// An in-memory signal store for tests and tools; same semantics as the database table.
public final class InMemoryLearningSignalStore: LearningSignalStore, @unchecked Sendable {
    // @unchecked: every access to `rows` and `nextId` happens under `lock`.
    private let lock = NSLock()
    private var rows: [LearningSignal] = []
    private var nextId: Int64 = 1

    /// Creates an empty store.
    public init() {}

    /// Every row, any status, by id.
    public func allSignals() -> [LearningSignal] { lock.withLock { rows } }

    /// Upserts observations with `SignalAggregation`.
    public func record(_ observations: [SignalObservation]) throws {
        lock.withLock {
            for observation in observations {
                let index = rows.firstIndex { $0.status == .pending && $0.key == observation.key }
                switch SignalAggregation.action(for: observation, pending: index.map { rows[$0] }) {
                case .update(let merged): rows[index!] = merged
                case .insert(let o):
                    rows.append(LearningSignal(id: nextId, observation: o))
                    nextId += 1
                case .skip: break
                }
            }
        }
    }

    /// Pending rows in reflect order.
    public func pendingSignals() throws -> [LearningSignal] {
        lock.withLock { rows.filter { $0.status == .pending }.sorted(by: LearningSignal.reflectOrder) }
    }

    /// One row by id.
    public func signal(id: Int64) throws -> LearningSignal? { lock.withLock { rows.first { $0.id == id } } }

    /// Consumes all or none (checked first, like one transaction).
    public func consume(_ resolutions: [SignalResolution], at timestamp: String) throws {
        try lock.withLock {
            for r in resolutions {
                guard let i = rows.firstIndex(where: { $0.id == r.signalId }) else { throw SignalStoreError.unknownSignal(r.signalId) }
                guard rows[i].status == .pending else { throw SignalStoreError.notPending(r.signalId, rows[i].status) }
            }
            for r in resolutions {
                let i = rows.firstIndex { $0.id == r.signalId }!
                rows[i].status = .consumed
                rows[i].resolvedAt = timestamp
                rows[i].learningId = r.learningId
            }
        }
    }

    /// Dismisses one pending row.
    public func dismiss(id: Int64, note: String, at timestamp: String) throws {
        try lock.withLock {
            guard let i = rows.firstIndex(where: { $0.id == id }) else { throw SignalStoreError.unknownSignal(id) }
            guard rows[i].status == .pending else { throw SignalStoreError.notPending(id, rows[i].status) }
            rows[i].status = .dismissed
            rows[i].resolvedAt = timestamp
            rows[i].note = note
        }
    }
}
