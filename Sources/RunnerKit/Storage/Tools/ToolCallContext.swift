/// What the runner passes with every data tool call (data-model.md §4.1 "Call context").
public struct ToolCallContext: Sendable {
    /// The run making the call, copied into audit rows.
    public var runID: String?
    /// Who acts: `runner@<host>:<pid>` for automatic work, a user name for manual commands.
    public var actor: String
    /// Set for shadow candidates, diagnostic and `--dry-run` runs: writes become dry runs or are refused.
    public var readOnly: Bool
    /// Test seam: called inside save_schedule's write transaction after the row is written and
    /// before the audit row; a throw rolls everything back.
    var afterScheduleWrite: (@Sendable () throws -> Void)?

    /// A context.
    public init(runID: String? = nil, actor: String = "runner", readOnly: Bool = false) {
        self.runID = runID
        self.actor = actor
        self.readOnly = readOnly
    }
}
