/// A data tool failure carried out of a transaction so it rolls back (data-model.md §4.1).
struct ToolFailure: Error {
    /// The error code (`SCHEDULE_LOCKED`, ...).
    var code: String
    /// The message.
    var message: String
    /// Extra result keys for this failure.
    var extra: [String: ToolValue] = [:]
}
