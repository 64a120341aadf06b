extension RunEnvironment {
    /// Read-only mode (operations.md §5.2): the check a step makes before any data tool call
    /// that writes. In a read-only run (shadow candidate, diagnostic, `--dry-run`) only a dry run
    /// of `save_schedule` may proceed; anything else fails the attempt with READ_ONLY_VIOLATION
    /// (not retried) before a byte is written. Operational tables are not data tools and stay
    /// writable.
    public func requireWritable(tool: String, dryRun: Bool) throws(PhaseFailure) {
        guard readOnly else { return }
        if tool == "save_schedule", dryRun { return }
        let what = tool == "save_schedule" ? "a real save_schedule (dry_run false)" : tool
        throw PhaseFailure(
            .readOnlyViolation, "\(what) refused: run \(runId) (role \(role.rawValue)) is read-only")
    }
}
