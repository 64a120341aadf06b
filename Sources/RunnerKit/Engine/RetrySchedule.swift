/// The interpreter's retry schedule: total attempts and the capped exponential backoff (config.md §2).
public struct RetrySchedule: Sendable, Hashable {
    /// Total number of attempts; 1 means no retry.
    public var attempts: Int
    /// The sleep before the second attempt.
    public var backoff: Duration
    /// The cap on any single sleep.
    public var maxBackoff: Duration

    /// Creates a policy; `attempts` below 1 is treated as 1.
    public init(attempts: Int = 1, backoff: Duration = .seconds(1), maxBackoff: Duration = .seconds(30)) {
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.maxBackoff = maxBackoff
    }

    /// The sleep before attempt n + 1: min(backoff × 2^(n−1), max_backoff), before jitter.
    public func delay(afterAttempt n: Int) -> Duration {
        var delay = backoff
        var step = 1
        while step < n && delay < maxBackoff {
            delay *= 2
            step += 1
        }
        return min(delay, maxBackoff)
    }

    /// The sum of the sleeps between all attempts, before jitter (used by C016's longest path).
    public var totalBackoff: Duration {
        guard attempts > 1 else { return .zero }
        return (1..<attempts).reduce(Duration.zero) { $0 + delay(afterAttempt: $1) }
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    public var wholeMilliseconds: Int {
        let parts = components
        return Int(parts.seconds) * 1000 + Int(parts.attoseconds / 1_000_000_000_000_000)
    }
}
