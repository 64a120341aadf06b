import Foundation

/// The process-lifetime send-types caches of data-model.md §4.1 (constraints and full rows),
/// filled lazily and never when empty. Owned by one `DataTools` value, not a global.
final class SendTypeCache: @unchecked Sendable {
    // @unchecked: every access to `rows` and `cachedAt` happens under `lock`.
    private let lock = NSLock()
    private var rows: [[String: ToolValue]]?
    private var cachedAt: String?

    /// The cached rows and when they were cached, or nil.
    func get() -> (rows: [[String: ToolValue]], cachedAt: String)? {
        lock.lock()
        defer { lock.unlock() }
        guard let rows, let cachedAt else { return nil }
        return (rows, cachedAt)
    }

    /// Stores rows unless empty.
    func store(_ newRows: [[String: ToolValue]], at time: String) {
        guard !newRows.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        rows = newRows
        cachedAt = time
    }
}
