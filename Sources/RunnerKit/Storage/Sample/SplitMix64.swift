/// The SplitMix64 generator of the sample dataset (data-model.md §6.1).
struct SplitMix64 {
    private var state: UInt64

    /// A generator starting at `seed`.
    init(seed: UInt64) { state = seed }

    /// The stream for one (table, key) pair: seeded with hex16(SHA-256("<seed>|<table>|<key>")).
    init(table: String, key: String, seed: Int = SampleDataset.seed) {
        let hex = HashText.hex16("\(seed)|\(table)|\(key)")
        self.init(seed: UInt64(hex, radix: 16) ?? 0)
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// U(a, b): a uniform double in [a, b).
    mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }

    /// A uniform integer in the closed range.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// A Fisher-Yates shuffle driven by this stream.
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        guard result.count > 1 else { return result }
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(i, int(0...i))
        }
        return result
    }
}

/// Money rounding of data-model.md §1.4: cents, half to even.
func roundMoney(_ value: Double) -> Double {
    (value * 100).rounded(.toNearestOrEven) / 100
}

/// Rounds half to even to `places` decimals.
func roundTo(_ value: Double, _ places: Int) -> Double {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (value * scale).rounded(.toNearestOrEven) / scale
}
