import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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

    /// One POST: the HTTP status, or nil and the error text.
    static func post(url: URL, body: Data, timeout: Duration) async -> (Int?, String?) {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds
        let session = URLSession(configuration: configuration)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: seconds)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        return await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request) { _, response, error in
                if let http = response as? HTTPURLResponse {
                    continuation.resume(returning: (http.statusCode, nil))
                } else {
                    continuation.resume(returning: (nil, error.map { String(describing: $0.localizedDescription) }
                        ?? "no HTTP response"))
                }
            }
            task.resume()
        }
    }
}
