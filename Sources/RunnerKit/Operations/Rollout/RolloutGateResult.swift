/// One rollout gate measured over the current phase (operations.md §9.3).
public struct RolloutGateResult: Sendable, Hashable {
    /// The gate key (`min_hours`, `min_runs`, ...).
    public var name: String
    /// The required value (a number, or the list of blocking severities).
    public var required: ToolValue
    /// The measured value (null when there is nothing to measure; firing alert names for `block_on_alerts`).
    public var measured: ToolValue
    /// Whether it passes (boundary values pass).
    public var passed: Bool

    /// Creates a result.
    public init(name: String, required: ToolValue, measured: ToolValue, passed: Bool) {
        self.name = name
        self.required = required
        self.measured = measured
        self.passed = passed
    }

    /// `min_hours 12.3/48`, `block_on_alerts [V5_SUCCESS_CRITICAL]`.
    public var summary: String {
        func text(_ value: ToolValue) -> String {
            switch value {
            case .number(let n): ToolValue.formatNumber((n * 1000).rounded() / 1000)
            case .null: "-"
            case .array(let items): "[" + items.map(text).joined(separator: ", ") + "]"
            case .string(let s): s
            default: value.canonicalJSON()
            }
        }
        if name == "block_on_alerts" { return "\(name) \(text(measured))" }
        return "\(name) \(text(measured))/\(text(required))"
    }
}
