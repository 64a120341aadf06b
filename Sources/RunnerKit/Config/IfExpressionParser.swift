/// Parses the `if:` grammar of config.md §2 into an `IfExpression`.
///
///     expr   := term ("or" term)*
///     term   := factor ("and" factor)*
///     factor := "(" expr ")" | PHASE "." FIELD OP value
public struct IfExpressionParser {
    /// Why an expression does not parse, and where (0-based character offset).
    public struct SyntaxError: Error, Sendable, Hashable {
        /// What is wrong.
        public var message: String
        /// Offset in the expression text.
        public var offset: Int
    }

    private enum Token: Equatable {
        case word(String), number(Double), quoted(String), symbol(String), end
    }

    private var tokens: [(token: Token, offset: Int)] = []
    private var position = 0
    private var depth = 0

    /// Parses `text`; throws `SyntaxError` on the first problem.
    public static func parse(_ text: String) throws(SyntaxError) -> IfExpression {
        var parser = IfExpressionParser()
        parser.tokens = try tokenize(text)
        let expression = try parser.parseOr()
        if parser.current != .end {
            throw SyntaxError(message: "unexpected \(parser.describe(parser.current))", offset: parser.currentOffset)
        }
        return expression
    }

    private var current: Token { tokens[position].token }
    private var currentOffset: Int { tokens[position].offset }

    private func describe(_ token: Token) -> String {
        switch token {
        case .word(let word): "'\(word)'"
        case .number(let number): "'\(ExpressionValue.number(number))'"
        case .quoted(let text): "'\"\(text)\"'"
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "end of expression"
        }
    }

    private mutating func parseOr() throws(SyntaxError) -> IfExpression {
        var operands = [try parseAnd()]
        while current == .word("or") {
            position += 1
            operands.append(try parseAnd())
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func parseAnd() throws(SyntaxError) -> IfExpression {
        var operands = [try parseFactor()]
        while current == .word("and") {
            position += 1
            operands.append(try parseFactor())
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    private mutating func parseFactor() throws(SyntaxError) -> IfExpression {
        if current == .symbol("(") {
            depth += 1
            guard depth <= 64 else { throw SyntaxError(message: "parentheses nested too deeply", offset: currentOffset) }
            position += 1
            let inner = try parseOr()
            guard current == .symbol(")") else {
                throw SyntaxError(message: "expected ')' but found \(describe(current))", offset: currentOffset)
            }
            position += 1
            depth -= 1
            return inner
        }
        let start = currentOffset
        guard case .word(let phase) = current, !["and", "or", "in", "not"].contains(phase) else {
            throw SyntaxError(message: "expected PHASE.FIELD but found \(describe(current))", offset: start)
        }
        position += 1
        guard current == .symbol(".") else {
            throw SyntaxError(message: "expected '.' after phase '\(phase)' (write PHASE.FIELD)", offset: currentOffset)
        }
        position += 1
        guard case .word(let field) = current else {
            throw SyntaxError(message: "expected a field name after '\(phase).'", offset: currentOffset)
        }
        position += 1
        let op = try parseOperator()
        let value = try parseValue()
        if op.takesList, case .list = value {} else if op.takesList {
            throw SyntaxError(message: "'\(op.rawValue)' takes a list such as [A, B]", offset: start)
        } else if case .list = value {
            throw SyntaxError(message: "'\(op.rawValue)' takes a single value, not a list", offset: start)
        }
        return .comparison(IfComparison(phase: phase, field: field, op: op, value: value, offset: start))
    }

    private mutating func parseOperator() throws(SyntaxError) -> IfOperator {
        switch current {
        case .symbol(let symbol):
            if let op = IfOperator(rawValue: symbol), !op.takesList {
                position += 1
                return op
            }
        case .word("in"):
            position += 1
            return .in
        case .word("not"):
            position += 1
            guard current == .word("in") else {
                throw SyntaxError(message: "expected 'in' after 'not'", offset: currentOffset)
            }
            position += 1
            return .notIn
        default: break
        }
        throw SyntaxError(
            message: "expected an operator (==, !=, <, <=, >, >=, in, not in) but found \(describe(current))",
            offset: currentOffset)
    }

    private mutating func parseValue() throws(SyntaxError) -> ExpressionValue {
        switch current {
        case .number(let number):
            position += 1
            return .number(number)
        case .quoted(let text):
            position += 1
            return .text(text)
        case .word(let word) where !["and", "or"].contains(word):
            position += 1
            return .text(word)
        case .symbol("["):
            position += 1
            var items: [ExpressionValue] = []
            while true {
                guard current != .symbol("[") else {
                    throw SyntaxError(message: "lists cannot be nested", offset: currentOffset)
                }
                items.append(try parseValue())
                if current == .symbol(",") {
                    position += 1
                    continue
                }
                guard current == .symbol("]") else {
                    throw SyntaxError(message: "expected ',' or ']' but found \(describe(current))", offset: currentOffset)
                }
                position += 1
                return .list(items)
            }
        default:
            throw SyntaxError(message: "expected a value but found \(describe(current))", offset: currentOffset)
        }
    }

    private static func tokenize(_ text: String) throws(SyntaxError) -> [(token: Token, offset: Int)] {
        let chars = Array(text)
        var result: [(token: Token, offset: Int)] = []
        var index = 0
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" }
        while index < chars.count {
            let c = chars[index]
            let start = index
            if c == " " || c == "\t" || c == "\n" {
                index += 1
            } else if "()[],.".contains(c) {
                result.append((.symbol(String(c)), start))
                index += 1
            } else if "=!<>".contains(c) {
                var symbol = String(c)
                if index + 1 < chars.count, chars[index + 1] == "=" {
                    symbol.append("=")
                    index += 1
                }
                index += 1
                guard IfOperator(rawValue: symbol) != nil else {
                    throw SyntaxError(message: "unknown operator '\(symbol)'", offset: start)
                }
                result.append((.symbol(symbol), start))
            } else if c == "\"" || c == "'" {
                index += 1
                var body = ""
                while index < chars.count, chars[index] != c {
                    body.append(chars[index])
                    index += 1
                }
                guard index < chars.count else { throw SyntaxError(message: "unterminated string", offset: start) }
                index += 1
                result.append((.quoted(body), start))
            } else if c.isNumber || (c == "-" && index + 1 < chars.count && chars[index + 1].isNumber) {
                index += 1
                while index < chars.count, chars[index].isNumber || chars[index] == "." { index += 1 }
                let literal = String(chars[start..<index])
                guard let number = Double(literal) else {
                    throw SyntaxError(message: "malformed number '\(literal)'", offset: start)
                }
                result.append((.number(number), start))
            } else if isWordChar(c) {
                while index < chars.count, isWordChar(chars[index]) { index += 1 }
                result.append((.word(String(chars[start..<index])), start))
            } else {
                throw SyntaxError(message: "unexpected character '\(c)'", offset: start)
            }
        }
        result.append((.end, chars.count))
        return result
    }
}
