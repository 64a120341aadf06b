import Foundation

/// One run of an external agent program: no shell, its own process group, the input on stdin
/// (then closed), stdout read up to a limit, stderr kept as a capped tail, and the whole group
/// killed (SIGTERM, then SIGKILL after a grace) at the timeout or when the calling task is
/// cancelled (config.md §3).
///
/// `run()` returns only once the program has been reaped and every other member of its
/// process group has been sent SIGKILL, so an attempt never leaves a process behind (a child
/// that left the group with `setsid` is out of reach, as with any process-group kill).
public struct AgentProcess: Sendable {
    /// The program (looked up on PATH when it has no `/`) and its arguments.
    public var arguments: [String]
    /// The bytes written to stdin before it is closed.
    public var input: [UInt8]
    /// Past this, the group is killed and the outcome is `.timedOut`.
    public var timeout: Duration
    /// Time between SIGTERM and SIGKILL.
    public var killGrace: Duration
    /// The most stdout bytes accepted; one more kills the group (`.outputTooLarge`).
    public var outputLimit: Int
    /// How many trailing stderr bytes are kept.
    public var stderrLimit: Int

    /// 8 MiB: the stdout cap of the agent protocol.
    public static let protocolOutputLimit = 8 * 1024 * 1024

    /// Creates a process description; nothing runs until `run()`.
    public init(
        arguments: [String], input: [UInt8], timeout: Duration, killGrace: Duration = .seconds(2),
        outputLimit: Int = AgentProcess.protocolOutputLimit, stderrLimit: Int = 4096
    ) {
        self.arguments = arguments
        self.input = input
        self.timeout = timeout
        self.killGrace = killGrace
        self.outputLimit = outputLimit
        self.stderrLimit = stderrLimit
    }

    /// Runs the program to its end on a dedicated thread (blocking calls never occupy the
    /// cooperative pool); cancelling the calling task kills the process group.
    public func run() async -> AgentProcessOutcome {
        let stop = StopSignal()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<AgentProcessOutcome, Never>) in
                let process = self
                let thread = Thread {
                    continuation.resume(returning: process.supervise(stop: stop))
                }
                thread.name = "eros.agent-process"
                thread.start()
            }
        } onCancel: {
            stop.request()
        }
    }
}

/// How an agent program ended, with what it printed.
public struct AgentProcessOutcome: Sendable, Hashable {
    /// Why it ended.
    public enum Termination: Sendable, Hashable {
        /// It exited on its own with this status.
        case exited(Int32)
        /// A signal it did not ask for ended it (not one the runner sent at a timeout).
        case signaled(Int32)
        /// posix_spawn refused: missing, not executable, ...; `errno` text in the message.
        case couldNotStart(errno: Int32, message: String)
        /// The timeout passed; the group was killed.
        case timedOut
        /// stdout passed the limit; the group was killed.
        case outputTooLarge
        /// The calling task was cancelled; the group was killed.
        case cancelled
    }

    /// Why it ended.
    public var termination: Termination
    /// stdout as read (at most the limit).
    public var stdout: [UInt8]
    /// The last bytes of stderr (at most `stderrLimit`), lossily decoded.
    public var stderrTail: String
    /// The leader's pid, which is also the process group id (0 when it never started).
    public var processGroup: Int32
    /// From spawn to reaping, on the monotonic clock.
    public var durationMs: Int
}

/// A thread-safe one-way flag: the async side asks the supervising thread to stop.
///
/// `@unchecked Sendable` is safe: the only state is a Bool guarded by the lock.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    /// Asks the supervisor to kill the group.
    func request() {
        lock.lock()
        requested = true
        lock.unlock()
    }

    /// Whether a stop was asked for.
    var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }
}
