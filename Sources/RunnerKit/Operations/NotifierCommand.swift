import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a command notifier: the program directly (no shell), the alert JSON on stdin,
/// `EROS_ALERT_NAME` and `EROS_ALERT_STATE` in its environment, killed at its timeout.
enum CommandDelivery {
    /// One attempt; a non-zero exit, a signal or the timeout is a failed delivery.
    static func deliver(
        notifier: String, command: [String], body: Data, alert: String, state: String, timeout: Duration,
        environment: [String: String], root: URL?, clock: RunnerClock
    ) async -> NotificationAttemptRecord {
        func failed(_ error: String, exit: Int? = nil) -> NotificationAttemptRecord {
            NotificationAttemptRecord(
                notifier: notifier, attempt: 1, at: clock.now(), delivered: false, exitCode: exit, error: error)
        }
        guard let program = command.first, let executable = resolve(program, environment: environment, root: root)
        else {
            return failed("program not found or not executable: \(command.first ?? "")")
        }
        // The payload goes through a temporary file, so a child that never reads stdin cannot
        // block us and a child that exits early cannot raise SIGPIPE in the runner.
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("eros-alert-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        do {
            try body.write(to: input)
            process.executableURL = executable
            process.arguments = Array(command.dropFirst())
            var env = environment
            env["EROS_ALERT_NAME"] = alert
            env["EROS_ALERT_STATE"] = state
            process.environment = env
            process.standardInput = try FileHandle(forReadingFrom: input)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            if let root { process.currentDirectoryURL = root }
            try process.run()
        } catch {
            return failed("cannot start \(program): \(error.localizedDescription)")
        }
        // Waiting and killing happen on GCD threads, not on the cooperative pool, so a busy pool
        // can neither delay the kill nor be blocked by the wait.
        let child = RunningChild(process)
        let killer = DispatchWorkItem { child.killIfRunning() }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: killer)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                child.waitUntilExit()
                continuation.resume()
            }
        }
        killer.cancel()
        if child.wasKilled { return failed("killed after timeout \(timeout)") }
        let code = Int(process.terminationStatus)
        if process.terminationReason == .uncaughtSignal { return failed("terminated by signal \(code)") }
        if code != 0 { return failed("exit status \(code)", exit: code) }
        return NotificationAttemptRecord(notifier: notifier, attempt: 1, at: clock.now(), delivered: true, exitCode: 0)
    }

    /// A program path: with a slash, relative to the config root; otherwise searched in PATH.
    static func resolve(_ program: String, environment: [String: String], root: URL?) -> URL? {
        let manager = FileManager.default
        if program.contains("/") {
            let url = program.hasPrefix("/")
                ? URL(fileURLWithPath: program)
                : (root ?? URL(fileURLWithPath: manager.currentDirectoryPath)).appendingPathComponent(program)
            return manager.isExecutableFile(atPath: url.path) ? url : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(program)
            if manager.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}

/// A started child process shared between the waiting thread and the timeout killer.
private final class RunningChild: @unchecked Sendable {
    // Safe: `process` is only asked for its state and pid, and `killed` is guarded by `lock`.
    private let process: Process
    private let lock = NSLock()
    private var killed = false

    init(_ process: Process) { self.process = process }

    /// Sends SIGKILL if the child is still running.
    func killIfRunning() {
        lock.lock()
        defer { lock.unlock() }
        guard process.isRunning else { return }
        killed = true
        kill(process.processIdentifier, SIGKILL)
    }

    /// Blocks the calling thread until the child exits.
    func waitUntilExit() { process.waitUntilExit() }

    /// Whether the timeout killed it.
    var wasKilled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return killed
    }
}
