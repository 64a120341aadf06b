/// A duration written in YAML as an integer with a unit, optionally chained (`250ms`, `90s`, `1h30m`).
public struct ConfigDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The length in milliseconds.
    public var milliseconds: Int64

    /// Creates a duration from milliseconds.
    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// Creates a duration from whole seconds.
    public static func seconds(_ value: Int64) -> ConfigDuration { ConfigDuration(milliseconds: value * 1000) }

    /// Creates a duration from whole minutes.
    public static func minutes(_ value: Int64) -> ConfigDuration { .seconds(value * 60) }

    /// Creates a duration from whole hours.
    public static func hours(_ value: Int64) -> ConfigDuration { .minutes(value * 60) }

    /// No time at all.
    public static let zero = ConfigDuration(milliseconds: 0)

    /// The length in seconds.
    public var seconds: Double { Double(milliseconds) / 1000 }

    /// The length as a Swift `Duration`, for sleeps and deadlines.
    public var duration: Duration { .milliseconds(milliseconds) }

    /// Orders by length.
    public static func < (lhs: ConfigDuration, rhs: ConfigDuration) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// Adds two durations.
    public static func + (lhs: ConfigDuration, rhs: ConfigDuration) -> ConfigDuration {
        ConfigDuration(milliseconds: lhs.milliseconds + rhs.milliseconds)
    }

    /// Multiplies a duration.
    public static func * (lhs: ConfigDuration, rhs: Int) -> ConfigDuration {
        ConfigDuration(milliseconds: lhs.milliseconds * Int64(rhs))
    }

    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    /// Parses `250ms`, `90s`, `5m`, `1h30m`, `2d`; nil for anything else (bare numbers included).
    public static func parse(_ text: String) -> ConfigDuration? {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        var index = 0
        var total: Int64 = 0
        while index < scalars.count {
            var number: Int64 = 0
            let start = index
            while index < scalars.count, let digit = scalars[index].asciiDigitValue {
                guard number < 1_000_000_000 else { return nil }
                number = number * 10 + digit
                index += 1
            }
            guard index > start, index < scalars.count else { return nil }
            var unit = String(scalars[index])
            index += 1
            if unit == "m", index < scalars.count, scalars[index] == "s" {
                unit = "ms"
                index += 1
            }
            guard let factor = units.first(where: { $0.suffix == unit })?.milliseconds else { return nil }
            total += number * factor
        }
        return ConfigDuration(milliseconds: total)
    }

    /// The shortest chained form: `90s` prints as `1m30s`, `0` as `0s`.
    public var description: String {
        if milliseconds == 0 { return "0s" }
        var rest = milliseconds
        var text = ""
        for (suffix, factor) in Self.units where rest >= factor {
            text += "\(rest / factor)\(suffix)"
            rest %= factor
        }
        return text
    }
}

/// The span a metric is computed over: the last N finished runs, or a time span.
public enum MetricWindow: Sendable, Hashable, CustomStringConvertible {
    /// The N most recently finished runs.
    case runs(Int)
    /// Runs that finished within this duration before the evaluation time.
    case duration(ConfigDuration)

    /// Parses `20 runs` (or `1 run`) or a duration; nil otherwise.
    public static func parse(_ text: String) -> MetricWindow? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        if parts.count == 2, parts[1] == "runs" || parts[1] == "run", let count = Int(parts[0]), count > 0 {
            return .runs(count)
        }
        if parts.count == 1, let duration = ConfigDuration.parse(String(parts[0])), duration.milliseconds > 0 {
            return .duration(duration)
        }
        return nil
    }

    /// `20 runs` or the duration text.
    public var description: String {
        switch self {
        case .runs(let count): "\(count) runs"
        case .duration(let duration): duration.description
        }
    }
}

extension Unicode.Scalar {
    /// 0...9 for an ASCII digit, nil otherwise.
    fileprivate var asciiDigitValue: Int64? {
        (48...57).contains(value) ? Int64(value - 48) : nil
    }
}
