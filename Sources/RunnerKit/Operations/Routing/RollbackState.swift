/// The rollback controller's state as routing reads it (`rollback_state.state`).
public enum RollbackState: String, Sendable, Codable, Hashable, CaseIterable {
    /// The candidate may receive traffic.
    case active = "ACTIVE"
    /// A rollback started; in-flight candidate runs are being waited for.
    case draining = "DRAINING"
    /// The candidate is rolled back.
    case disabled = "DISABLED"

    /// DRAINING and DISABLED turn the candidate off for everyone.
    public var turnsCandidateOff: Bool { self != .active }
}
