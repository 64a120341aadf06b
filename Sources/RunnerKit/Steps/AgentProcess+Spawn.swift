#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parent's ends of the three standard streams of a spawned agent, and its pid.
struct SpawnedAgent {
    /// Leader pid, also the process group id.
    var pid: pid_t
    /// Write end of the child's stdin (non-blocking).
    var stdin: Int32
    /// Read end of the child's stdout (non-blocking).
    var stdout: Int32
    /// Read end of the child's stderr (non-blocking).
    var stderr: Int32
}

extension AgentProcess {
    /// Spawns the program in a new process group with fresh pipes; returns errno on failure.
    ///
    /// The pipes are created close-on-exec (so agents spawned concurrently never inherit each
    /// other's streams, which would hold an EOF back), the child's signal mask is emptied and
    /// the signals a runner may ignore are reset to their defaults.
    func spawn() -> Result<SpawnedAgent, SpawnError> {
        guard let program = arguments.first, !program.isEmpty else {
            return .failure(SpawnError(errno: EINVAL, message: "empty command"))
        }
        var stdinPipe: [Int32] = [-1, -1]
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        guard Self.makePipe(&stdinPipe), Self.makePipe(&stdoutPipe), Self.makePipe(&stderrPipe) else {
            let code = errno
            ([stdinPipe, stdoutPipe, stderrPipe].flatMap { $0 }).filter { $0 >= 0 }.forEach { _ = close($0) }
            return .failure(SpawnError(errno: code, message: "cannot create pipes: \(Self.describe(errno: code))"))
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, program, &actions, &attributes, argv, environ)

        _ = close(stdinPipe[0])
        _ = close(stdoutPipe[1])
        _ = close(stderrPipe[1])
        guard status == 0 else {
            [stdinPipe[1], stdoutPipe[0], stderrPipe[0]].forEach { _ = close($0) }
            return .failure(SpawnError(errno: status, message: "\(program): \(Self.describe(errno: status))"))
        }
        for fd in [stdinPipe[1], stdoutPipe[0], stderrPipe[0]] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        return .success(SpawnedAgent(pid: pid, stdin: stdinPipe[1], stdout: stdoutPipe[0], stderr: stderrPipe[0]))
    }

    /// The `strerror` text of an errno value.
    static func describe(errno code: Int32) -> String {
        String(cString: strerror(code))
    }

    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32

    /// `pipe2(O_CLOEXEC)` looked up at run time (the Glibc module hides GNU extensions);
    /// `pipe` plus `FD_CLOEXEC` where it is missing.
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pipe2") {
            let pipe2 = unsafeBitCast(symbol, to: Pipe2.self)
            return fds.withUnsafeMutableBufferPointer { pipe2($0.baseAddress, O_CLOEXEC) } == 0
        }
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }
}

/// posix_spawn's refusal: the errno and a message naming the program.
struct SpawnError: Error {
    /// The errno value.
    var errno: Int32
    /// `program: No such file or directory`.
    var message: String
}
