/// The pure arithmetic of the metrics of operations.md §6.2, shared by every reader.
public enum MetricsCalculator {
    /// The seven hard-gate codes of schedule-domain.md §7.2 (`VALIDATION_ERROR` and
    /// `LOW_QUALITY_SCORE` are not among them).
    public static let hardGateCodes: Set<String> = [
        "VAULT_VIOLATION", "AVOID_TIER_VIOLATION", "PAGE_TYPE_VIOLATION", "INSUFFICIENT_DIVERSITY",
        "FLYER_REQUIREMENT_VIOLATION", "TIMING_COLLISION", "PRICE_OUT_OF_BOUNDS",
    ]

    /// Whether a run's gate codes count for `hard_gate_rate` (the `hard_gate_violation` column).
    public static func isHardGateViolation(_ gateCodes: [String]) -> Bool {
        gateCodes.contains { hardGateCodes.contains($0) }
    }

    /// The 1-based nearest-rank position of the 95th percentile among `count` samples:
    /// ceil(0.95 x n), computed in integers (n=20 gives 19, n=100 gives 95).
    public static func p95Position(count: Int) -> Int {
        precondition(count > 0, "p95 of no samples")
        return (95 * count + 99) / 100
    }

    /// The nearest-rank 95th percentile, nil for no samples.
    public static func p95<T: Comparable>(_ values: [T]) -> T? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[p95Position(count: values.count) - 1]
    }

    /// `part / whole`, nil when `whole` is 0 (no data).
    public static func rate(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }

    /// The arithmetic mean, nil for no values.
    public static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
