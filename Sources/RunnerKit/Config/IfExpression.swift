/// The parsed form of a phase's `if:` expression (config.md §2 grammar).
///
/// `and` binds tighter than `or`; each leaf compares one field of one ancestor phase.
public indirect enum IfExpression: Sendable, Hashable {
    /// True when any operand is true.
    case or([IfExpression])
    /// True when every operand is true.
    case and([IfExpression])
    /// One `PHASE.FIELD OP value` test.
    case comparison(IfComparison)

    /// Every comparison in the expression, left to right.
    public var comparisons: [IfComparison] {
        switch self {
        case .or(let operands), .and(let operands): operands.flatMap(\.comparisons)
        case .comparison(let comparison): [comparison]
        }
    }

    /// Evaluates the expression; `lookup(phase, field)` returns the field's value or nil when
    /// unknown. A comparison whose field is unknown is false, whatever its operator.
    public func evaluate(_ lookup: (_ phase: String, _ field: String) -> ExpressionValue?) -> Bool {
        switch self {
        case .or(let operands): operands.contains { $0.evaluate(lookup) }
        case .and(let operands): operands.allSatisfy { $0.evaluate(lookup) }
        case .comparison(let comparison): comparison.evaluate(lookup(comparison.phase, comparison.field))
        }
    }
}

/// The comparison operators of the `if` grammar.
public enum IfOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in` = "in"
    case notIn = "not in"

    /// Whether the operator takes a list (`in`, `not in`).
    public var takesList: Bool { self == .in || self == .notIn }
}

/// A value in an `if` expression, or a field value handed to the evaluator.
public enum ExpressionValue: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case text(String)
    case list([ExpressionValue])

    /// The numeric value of a number, or of text that reads as one.
    public var numericValue: Double? {
        switch self {
        case .number(let value): value
        case .text(let text): Double(text)
        case .list: nil
        }
    }

    /// The value as written in an expression.
    public var description: String {
        switch self {
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .text(let text): text
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// Equality that compares numbers numerically and everything else by text.
    func matches(_ other: ExpressionValue) -> Bool {
        if let left = numericValue, let right = other.numericValue { return left == right }
        switch (self, other) {
        case (.list(let left), .list(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.matches($1) }
        case (.list, _), (_, .list): return false
        default: return description == other.description
        }
    }
}

/// One `PHASE.FIELD OP value` test.
public struct IfComparison: Sendable, Hashable {
    /// The phase whose field is read.
    public var phase: String
    /// The field read.
    public var field: String
    /// The operator.
    public var op: IfOperator
    /// The right-hand value (a `.list` for `in` / `not in`).
    public var value: ExpressionValue
    /// Column offset of `PHASE` inside the expression text (0-based, in characters).
    public var offset: Int

    /// Creates a comparison.
    public init(phase: String, field: String, op: IfOperator, value: ExpressionValue, offset: Int) {
        self.phase = phase
        self.field = field
        self.op = op
        self.value = value
        self.offset = offset
    }

    /// Applies the operator to the field's actual value (nil: unknown, so false).
    public func evaluate(_ actual: ExpressionValue?) -> Bool {
        guard let actual else { return false }
        switch op {
        case .equal: return actual.matches(value)
        case .notEqual: return !actual.matches(value)
        case .in, .notIn:
            guard case .list(let options) = value else { return false }
            let found: Bool
            if case .list(let actualItems) = actual {
                found = actualItems.contains { item in options.contains { item.matches($0) } }
            } else {
                found = options.contains { actual.matches($0) }
            }
            return op == .in ? found : !found
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let left = actual.numericValue, let right = value.numericValue else { return false }
            switch op {
            case .less: return left < right
            case .lessOrEqual: return left <= right
            case .greater: return left > right
            default: return left >= right
            }
        }
    }
}
