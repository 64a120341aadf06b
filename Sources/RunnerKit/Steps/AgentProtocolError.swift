import Foundation

/// Why one attempt of an external agent failed: the three retryable agent codes of
/// operations.md §1.3, each with a message naming the agent and what broke.
public enum AgentProtocolError: RunnerError, Hashable {
    /// The program could not be started (missing, not executable, unreadable prompt, no model).
    case cannotStart(agent: String, detail: String)
    /// It exited with a non-zero status.
    case exitedNonZero(agent: String, status: Int32, stderr: String)
    /// A signal the runner did not send ended it.
    case killedBySignal(agent: String, signal: Int32, stderr: String)
    /// It passed the per-attempt timeout and its process group was killed.
    case timedOut(agent: String, timeoutMs: Int, stderr: String)
    /// It printed more than the stdout cap; its process group was killed.
    case outputTooLarge(agent: String, limit: Int)
    /// Its stdout is not one JSON object.
    case outputNotJSON(agent: String, detail: String)
    /// Its JSON breaks the role's schema at `path` (`$.items[3].price`).
    case schemaViolation(agent: String, path: String, problem: String)

    /// AGENT_FAILED, AGENT_OUTPUT_INVALID or PHASE_TIMEOUT.
    public var errorCode: RunErrorCode {
        switch self {
        case .cannotStart, .exitedNonZero, .killedBySignal: .agentFailed
        case .outputTooLarge, .outputNotJSON, .schemaViolation: .agentOutputInvalid
        case .timedOut: .phaseTimeout
        }
    }

    public var code: String { errorCode.rawValue }
    public var exitStatus: ExitStatus { .negative }

    public var description: String {
        switch self {
        case .cannotStart(let agent, let detail):
            "agent \(agent) could not start: \(detail)"
        case .exitedNonZero(let agent, let status, let stderr):
            "agent \(agent) exited with status \(status)\(Self.quote(stderr))"
        case .killedBySignal(let agent, let signal, let stderr):
            "agent \(agent) was killed by signal \(signal) (\(Self.signalName(signal)))\(Self.quote(stderr))"
        case .timedOut(let agent, let timeoutMs, let stderr):
            "agent \(agent) passed its timeout of \(Self.describe(ms: timeoutMs)); its process group was killed"
                + Self.quote(stderr)
        case .outputTooLarge(let agent, let limit):
            "agent \(agent) printed more than \(Self.describe(bytes: limit)) on stdout; its process group was killed"
        case .outputNotJSON(let agent, let detail):
            "agent \(agent) output is not a JSON object: \(detail)"
        case .schemaViolation(let agent, let path, let problem):
            "agent \(agent) output breaks the response schema at \(path): \(problem)"
        }
    }

    /// The failure recorded on the phase attempt.
    public var phaseFailure: PhaseFailure { PhaseFailure(errorCode, description) }

    /// `; stderr: ...` with the (already capped) stderr tail, trimmed; empty when there is none.
    private static func quote(_ stderr: String) -> String {
        let trimmed = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "" : "; stderr: \(trimmed)"
    }

    private static func describe(ms: Int) -> String { ms % 1000 == 0 ? "\(ms / 1000)s" : "\(ms)ms" }

    private static func describe(bytes: Int) -> String {
        bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MiB" : "\(bytes) bytes"
    }

    private static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 6: "SIGABRT", 8: "SIGFPE", 9: "SIGKILL",
            11: "SIGSEGV", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM",
        ]
        return names[signal] ?? "signal \(signal)"
    }
}
