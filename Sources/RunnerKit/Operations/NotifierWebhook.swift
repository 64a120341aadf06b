import Foundation

/// Timeouts and retries of webhook delivery: 5 s per attempt, 3 attempts, waiting 1 s then 2 s
/// (operations.md §7.4). Tests shorten them; production uses `standard`.
public struct WebhookPolicy: Sendable, Hashable {
    /// Per-attempt timeout.
    public var timeout: Duration
    /// Waits between attempts; the attempt count is one more than this list's length.
    public var backoff: [Duration]

    /// Creates a policy.
    public init(timeout: Duration, backoff: [Duration]) {
        self.timeout = timeout
        self.backoff = backoff
    }

    /// The policy of the specification.
    public static let standard = WebhookPolicy(timeout: .seconds(5), backoff: [.seconds(1), .seconds(2)])
}

/// HTTP POST of the alert JSON, retried on connection errors, timeouts, 429 and 5xx.
enum WebhookDelivery {
    /// Delivers `body` to `url`; returns one record per attempt.
    static func deliver(
        notifier: String, url: URL, body: Data, policy: WebhookPolicy, clock: RunnerClock
    ) async -> [NotificationAttemptRecord] {
        var records: [NotificationAttemptRecord] = []
        let attempts = policy.backoff.count + 1
        for attempt in 1...attempts {
            let (status, error) = await post(url: url, body: body, timeout: policy.timeout)
            let delivered = status.map { (200..<300).contains($0) } ?? false
            records.append(
                NotificationAttemptRecord(
                    notifier: notifier, attempt: attempt, at: clock.now(), delivered: delivered, httpStatus: status,
                    error: delivered ? nil : (error ?? "HTTP \(status ?? 0)")))
            if delivered { break }
            let retryable = status.map { $0 == 429 || $0 >= 500 } ?? true
            guard retryable, attempt < attempts else { break }
            try? await Task.sleep(for: policy.backoff[attempt - 1])
        }
        return records
    }

    /// One POST through the `runner-webhook` helper: the HTTP status, or nil and the error text.
    static func post(url: URL, body: Data, timeout: Duration) async -> (Int?, String?) {
        guard let helper = WebhookHelper.executable else {
            return (nil, "webhook helper \(WebhookHelper.name) not found beside \(WebhookHelper.directory?.path ?? "the runner"); build the package with `swift build`")
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        // The helper enforces the request timeout itself; the process limit is only a backstop.
        let outcome = await AgentProcess(
            arguments: [helper.path, url.absoluteString, String(seconds)], input: Array(body),
            timeout: timeout + .seconds(5), killGrace: .seconds(1), outputLimit: 64 * 1024
        ).run()
        let output = String(decoding: outcome.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        switch outcome.termination {
        case .exited(0):
            if output.hasPrefix("status "), let code = Int(output.dropFirst(7)) { return (code, nil) }
            if output.hasPrefix("error ") { return (nil, String(output.dropFirst(6))) }
            return (nil, "webhook helper printed an unexpected line: \(output.prefix(200))")
        case .exited(let code):
            return (nil, "webhook helper exited with status \(code): \(outcome.stderrTail.prefix(200))")
        case .signaled(let signal): return (nil, "webhook helper terminated by signal \(signal)")
        case .couldNotStart(_, let message): return (nil, "cannot start webhook helper \(helper.path): \(message)")
        case .timedOut: return (nil, "webhook helper killed after \(timeout + .seconds(5))")
        case .outputTooLarge: return (nil, "webhook helper printed too much")
        case .cancelled: return (nil, "cancelled")
        }
    }
}

/// Where the `runner-webhook` helper is: beside the running executable (`runner`, or the test
/// bundle in the same build directory).
enum WebhookHelper {
    static let name = "runner-webhook"

    /// The directory of the running executable.
    static var directory: URL? { Bundle.main.executableURL?.deletingLastPathComponent() }

    /// The helper, when it exists and is executable.
    static var executable: URL? {
        guard let candidate = directory?.appendingPathComponent(name),
            FileManager.default.isExecutableFile(atPath: candidate.path)
        else { return nil }
        return candidate
    }
}
