import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides which `running` candidate rows are really in flight (operations.md §8.3): not
/// abandoned, i.e. a heartbeat (or start) younger than 30 s and, on this host, a live owner.
public struct RollbackInFlight: Sendable {
    /// The staleness limit of the abandonment rule.
    public static let heartbeatLimit: TimeInterval = 30

    /// This host's name.
    public var host: String

    /// Creates the check for this host.
    public init(host: String = DatabaseOpener.hostName()) { self.host = host }

    /// The rows of `runs` that still count as in flight at `now`.
    public func inFlight(_ runs: [RunningRunRecord], at now: Date) -> [RunningRunRecord] {
        runs.filter { run in
            let last = (run.heartbeatAt ?? run.startedAt)
            guard let beat = Timestamp.parse(last), now.timeIntervalSince(beat) < Self.heartbeatLimit else {
                return false
            }
            guard run.ownerHost == host, let pid = run.ownerPid else { return true }
            return Self.processExists(pid)
        }
    }

    /// Whether a process with this id exists (EPERM means it exists but is not ours).
    public static func processExists(_ pid: Int) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid_t(pid), 0) == 0 || errno == EPERM
    }
}
