#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AgentProcess {
    /// How long the pipes are drained after the leader is reaped and its group killed; only a
    /// descendant that left the group can hold them open longer.
    private static let drainLimit: Duration = .milliseconds(250)
    /// How long to wait for killed group members to disappear before returning.
    private static let settleLimit: Duration = .seconds(1)

    /// The blocking body of `run()`: spawn, feed stdin, read both outputs, enforce the timeout,
    /// the output cap and cancellation, reap the leader and kill the rest of its group.
    func supervise(stop: StopSignal) -> AgentProcessOutcome {
        // Writing to a stdin the agent closed must give EPIPE, not kill the runner: block
        // SIGPIPE on this dedicated thread (the child gets an empty mask from posix_spawn).
        var pipeMask = sigset_t()
        sigemptyset(&pipeMask)
        sigaddset(&pipeMask, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeMask, nil)

        let start = ContinuousClock.now
        let agent: SpawnedAgent
        switch spawn() {
        case .failure(let error):
            return AgentProcessOutcome(
                termination: .couldNotStart(errno: error.errno, message: error.message), stdout: [],
                stderrTail: "", processGroup: 0, durationMs: (ContinuousClock.now - start).wholeMilliseconds)
        case .success(let spawned):
            agent = spawned
        }
        var state = SupervisorState(agent: agent, input: input, stdoutLimit: outputLimit, stderrLimit: stderrLimit)
        let deadline = start + timeout
        while true {
            let now = ContinuousClock.now
            if state.imposed == nil, state.waitStatus == nil {
                if stop.isRequested {
                    state.impose(.cancelled, signal: SIGTERM, at: now)
                } else if now >= deadline {
                    state.impose(.timedOut, signal: SIGTERM, at: now)
                }
            }
            if let termSent = state.termSentAt, !state.killSent, now - termSent >= killGrace {
                state.killGroup()
            }
            if state.waitStatus == nil, Self.leaderHasExited(agent.pid) {
                // The unreaped leader pins the group id, so this reaches only its own group.
                state.killGroup()
                state.waitStatus = Self.reap(agent.pid)
                state.reapedAt = now
                state.closeStdin()
            }
            if let reapedAt = state.reapedAt {
                if state.outputsClosed || now - reapedAt >= Self.drainLimit { break }
            }
            state.pollOnce(timeoutMs: 10)
        }
        state.closeAll()
        Self.waitForGroupToEmpty(agent.pid)
        return AgentProcessOutcome(
            termination: state.termination, stdout: state.stdout, stderrTail: state.stderrText,
            processGroup: agent.pid, durationMs: (ContinuousClock.now - start).wholeMilliseconds)
    }

    /// True once the leader has exited, without reaping it (`WNOWAIT`).
    private static func leaderHasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
        if result == -1 { return errno == ECHILD }
        return info._sifields._sigchld.si_pid == pid
    }

    /// Reaps the leader; nil when someone else already did (its status is then unknown).
    private static func reap(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        while true {
            if waitpid(pid, &status, 0) == pid { return status }
            if errno != EINTR { return nil }
        }
    }

    /// Waits (bounded) until no live process is left in the group: SIGKILL is asynchronous.
    private static func waitForGroupToEmpty(_ group: pid_t) {
        let limit = ContinuousClock.now + settleLimit
        while kill(-group, 0) == 0, ContinuousClock.now < limit {
            guard !AgentProcessGroupProbe.liveMembers(of: group).isEmpty else { return }
            _ = kill(-group, SIGKILL)
            usleep(5_000)
        }
    }
}

/// The supervisor's mutable bookkeeping for one agent process.
private struct SupervisorState {
    let agent: SpawnedAgent
    let input: [UInt8]
    let stdoutLimit: Int
    let stderrLimit: Int
    var stdinFD: Int32?
    var stdoutFD: Int32?
    var stderrFD: Int32?
    var written = 0
    var stdout: [UInt8] = []
    var stderrTail: [UInt8] = []
    var imposed: AgentProcessOutcome.Termination?
    var termSentAt: ContinuousClock.Instant?
    var killSent = false
    var waitStatus: Int32?
    var reapedAt: ContinuousClock.Instant?

    init(agent: SpawnedAgent, input: [UInt8], stdoutLimit: Int, stderrLimit: Int) {
        self.agent = agent
        self.input = input
        self.stdoutLimit = stdoutLimit
        self.stderrLimit = stderrLimit
        stdinFD = agent.stdin
        stdoutFD = agent.stdout
        stderrFD = agent.stderr
        if input.isEmpty { closeStdin() }
    }

    var outputsClosed: Bool { stdoutFD == nil && stderrFD == nil }

    var stderrText: String { String(decoding: stderrTail, as: UTF8.self) }

    /// What ended the process: what the runner imposed, else its own exit.
    var termination: AgentProcessOutcome.Termination {
        if let imposed { return imposed }
        guard let status = waitStatus else { return .exited(-1) }
        let signal = status & 0x7f
        if signal == 0 { return .exited((status >> 8) & 0xff) }
        return .signaled(signal)
    }

    /// Records why the runner is stopping the process and signals its group.
    mutating func impose(_ reason: AgentProcessOutcome.Termination, signal: Int32, at now: ContinuousClock.Instant) {
        imposed = reason
        if signal == SIGKILL {
            killGroup()
        } else {
            _ = kill(-agent.pid, signal)
            termSentAt = now
        }
    }

    mutating func killGroup() {
        _ = kill(-agent.pid, SIGKILL)
        killSent = true
    }

    mutating func closeStdin() {
        if let fd = stdinFD { _ = close(fd) }
        stdinFD = nil
    }

    mutating func closeAll() {
        closeStdin()
        if let fd = stdoutFD { _ = close(fd) }
        if let fd = stderrFD { _ = close(fd) }
        stdoutFD = nil
        stderrFD = nil
    }

    /// Waits up to `timeoutMs` for any stream to be ready, then moves what it can.
    mutating func pollOnce(timeoutMs: Int32) {
        var fds: [pollfd] = []
        if let fd = stdinFD { fds.append(pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)) }
        if let fd = stdoutFD { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
        if let fd = stderrFD { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
        guard !fds.isEmpty else {
            usleep(UInt32(timeoutMs) * 1000)
            return
        }
        guard poll(&fds, nfds_t(fds.count), timeoutMs) > 0 else { return }
        for entry in fds where entry.revents != 0 {
            if entry.fd == stdinFD { writeInput() }
            if entry.fd == stdoutFD { readStdout() }
            if entry.fd == stderrFD { readStderr() }
        }
    }

    private mutating func writeInput() {
        guard let fd = stdinFD else { return }
        let count = input.withUnsafeBytes { bytes in
            write(fd, bytes.baseAddress! + written, min(65_536, input.count - written))
        }
        if count > 0 {
            written += count
            if written == input.count { closeStdin() }
        } else if count < 0, errno != EAGAIN, errno != EINTR {
            closeStdin()  // EPIPE: the agent closed its stdin without reading it all
        }
    }

    private mutating func readStdout() {
        guard let fd = stdoutFD else { return }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
            stdout.append(contentsOf: buffer[0..<count])
            if stdout.count > stdoutLimit {
                stdout.removeLast(stdout.count - stdoutLimit)
                if imposed == nil { imposed = .outputTooLarge }
                killGroup()
                _ = close(fd)
                stdoutFD = nil
            }
        } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
            _ = close(fd)
            stdoutFD = nil
        }
    }

    private mutating func readStderr() {
        guard let fd = stderrFD else { return }
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
            stderrTail.append(contentsOf: buffer[0..<count])
            if stderrTail.count > stderrLimit { stderrTail.removeFirst(stderrTail.count - stderrLimit) }
        } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
            _ = close(fd)
            stderrFD = nil
        }
    }
}
