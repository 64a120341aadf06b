import Foundation

/// Timing figures of one creator-week: context build + generate + validate, repeated.
public struct SchedulingBenchmark: Sendable, Codable {
    public var iterations: Int
    public var medianMs: Double
    public var p95Ms: Double
    public var minMs: Double
    public var items: Int

    enum CodingKeys: String, CodingKey {
        case iterations, medianMs = "median_ms", p95Ms = "p95_ms", minMs = "min_ms", items
    }

    /// Runs the pure domain path `iterations` times on already-loaded rows (no I/O is timed).
    public static func run(_ data: CreatorData, weekStart: DayDate, iterations: Int, now: Date) throws(SchedulingError)
        -> SchedulingBenchmark
    {
        let clock = ContinuousClock()
        var samples: [Double] = []
        var items = 0
        for _ in 0..<max(1, iterations) {
            let start = clock.now
            let context = try CreatorContextBuilder.build(data, weekStart: weekStart, generatedAt: now)
            let schedule = try BuiltinGenerator.generate(context)
            let result = BuiltinValidator.validate(schedule, context: context, now: now)
            let elapsed = clock.now - start
            items = result.certificate.itemsValidated
            samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        samples.sort()
        return SchedulingBenchmark(
            iterations: samples.count, medianMs: samples[samples.count / 2],
            p95Ms: samples[min(samples.count - 1, Int(Double(samples.count) * 0.95))], minMs: samples[0], items: items)
    }
}
