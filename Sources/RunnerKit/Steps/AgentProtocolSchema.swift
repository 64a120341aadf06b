import Foundation

/// Checks an agent's stdout against the response schema of its role (config.md §3), naming
/// the JSON path where it broke (`$.items[3].price`).
///
/// The schema is about shape and types. Whether a send type exists, a date is in the week or
/// a time is well formed is the built-in structural checks' business (schedule-domain.md §7.1),
/// which reject the schedule with `VALIDATION_ERROR` instead of failing the attempt.
public struct AgentProtocolSchema: Sendable {
    /// The agent's name, for messages.
    public var agent: String
    /// The request the response answers (role, creator, week, context, judged schedule).
    public var request: AgentProtocolRequest

    /// Creates a checker for the answer to `request`.
    public init(request: AgentProtocolRequest) {
        self.agent = request.agent
        self.request = request
    }

    /// Parses stdout and checks it; the single entry point of the command backend.
    public func response(fromStdout stdout: [UInt8]) throws(AgentProtocolError) -> AgentProtocolResponse {
        try check(try parse(stdout))
    }

    /// Parses stdout as one JSON value.
    public func parse(_ stdout: [UInt8]) throws(AgentProtocolError) -> ToolValue {
        let text = String(decoding: stdout, as: UTF8.self)
        guard !text.allSatisfy(\.isWhitespace) else {
            throw .outputNotJSON(agent: agent, detail: "stdout is empty")
        }
        do {
            return try JSONDecoder().decode(ToolValue.self, from: Data(stdout))
        } catch {
            throw .outputNotJSON(agent: agent, detail: "cannot parse \(Self.snippet(text)) (\(Self.reason(error)))")
        }
    }

    /// Checks a parsed value against the role's schema.
    public func check(_ value: ToolValue) throws(AgentProtocolError) -> AgentProtocolResponse {
        let root = try object(value, at: "$")
        switch request.role {
        case .generator: return .schedule(try checkSchedule(root))
        case .validator: return .verdict(try checkVerdict(root))
        }
    }

    // MARK: Generator

    private func checkSchedule(_ root: [String: ToolValue]) throws(AgentProtocolError) -> ToolValue {
        let items = try list(required(root, "items", at: "$"), at: "$.items")
        for (index, item) in items.enumerated() {
            try checkEntry(item, at: "$.items[\(index)]", followUp: false)
        }
        let followups = try list(required(root, "followups", at: "$"), at: "$.followups")
        for (index, followup) in followups.enumerated() {
            try checkEntry(followup, at: "$.followups[\(index)]", followUp: true)
        }
        if let warnings = root["warnings"], !warnings.isNull {
            for (index, warning) in try list(warnings, at: "$.warnings").enumerated() {
                let path = "$.warnings[\(index)]"
                let fields = try object(warning, at: path)
                try optionalString(fields, "code", at: path)
            }
        }
        try expectEqual(root, "creator_id", request.creatorId)
        try expectEqual(root, "week_start", request.weekStart)
        if let timezone = request.context["timezone"]?.stringValue {
            try expectEqual(root, "timezone", timezone)
        }
        return .object(root)
    }

    private func checkEntry(_ value: ToolValue, at path: String, followUp: Bool) throws(AgentProtocolError) {
        let fields = try object(value, at: path)
        for key in ["send_type_key", "content_type", "scheduled_date", "scheduled_time", "channel_key"] {
            try optionalString(fields, key, at: path)
        }
        try optionalInteger(fields, "caption_id", at: path)
        try optionalNumber(fields, "price", at: path)
        if let flyer = fields["flyer_required"], !flyer.isNull {
            let allowed: Set<ToolValue> = [.number(0), .number(1), .bool(true), .bool(false)]
            guard allowed.contains(flyer) else {
                throw violation("\(path).flyer_required", "must be 0, 1, true, false or null, found \(Self.show(flyer))")
            }
        }
        if followUp {
            try optionalInteger(fields, "parent_item_index", at: path)
            try optionalInteger(fields, "delay_minutes", at: path)
        }
    }

    private func expectEqual(_ root: [String: ToolValue], _ key: String, _ expected: String) throws(AgentProtocolError) {
        guard let value = root[key], !value.isNull else { return }
        guard value.stringValue == expected else {
            throw violation("$.\(key)", "must equal the request's \(Self.show(.string(expected))), found \(Self.show(value))")
        }
    }

    // MARK: Validator

    private func checkVerdict(_ root: [String: ToolValue]) throws(AgentProtocolError) -> AgentVerdict {
        let statusValue = try required(root, "validation_status", at: "$")
        guard let text = statusValue.stringValue, let status = ValidationStatus(rawValue: text) else {
            throw violation(
                "$.validation_status", "must be APPROVED, NEEDS_REVIEW or REJECTED, found \(Self.show(statusValue))")
        }
        let scoreValue = try required(root, "quality_score", at: "$")
        guard let score = scoreValue.numberValue, (0...100).contains(score) else {
            throw violation("$.quality_score", "must be a number in [0, 100], found \(Self.show(scoreValue))")
        }
        var violations: [AgentViolation] = []
        for (index, entry) in try list(required(root, "violations", at: "$"), at: "$.violations").enumerated() {
            violations.append(try checkViolation(entry, at: "$.violations[\(index)]"))
        }
        var recommendations: [String] = []
        for (index, entry) in try list(required(root, "recommendations", at: "$"), at: "$.recommendations").enumerated() {
            guard let text = entry.stringValue else {
                throw violation("$.recommendations[\(index)]", "must be a string, found \(Self.show(entry))")
            }
            recommendations.append(text)
        }
        return AgentVerdict(status: status, qualityScore: score, violations: violations, recommendations: recommendations)
    }

    private func checkViolation(_ value: ToolValue, at path: String) throws(AgentProtocolError) -> AgentViolation {
        let fields = try object(value, at: path)
        let code = try string(required(fields, "code", at: path), at: "\(path).code")
        let message = try string(required(fields, "message", at: path), at: "\(path).message")
        try optionalInteger(fields, "item_index", at: path)
        let index = fields["item_index"]?.numberValue.map { Int($0) }
        if let index, let count = request.judgedEntryCount, !(0..<count).contains(index) {
            throw violation(
                "\(path).item_index", "\(index) is not an index into the \(count) items and follow-ups judged")
        }
        return AgentViolation(code: code, message: message, itemIndex: index)
    }
}

extension AgentProtocolSchema {
    // MARK: Typed accessors that fail with the path

    func violation(_ path: String, _ problem: String) -> AgentProtocolError {
        .schemaViolation(agent: agent, path: path, problem: problem)
    }

    func object(_ value: ToolValue, at path: String) throws(AgentProtocolError) -> [String: ToolValue] {
        guard let fields = value.objectValue else { throw violation(path, "must be an object, found \(Self.show(value))") }
        return fields
    }

    func list(_ value: ToolValue, at path: String) throws(AgentProtocolError) -> [ToolValue] {
        guard let elements = value.arrayValue else { throw violation(path, "must be a list, found \(Self.show(value))") }
        return elements
    }

    func string(_ value: ToolValue, at path: String) throws(AgentProtocolError) -> String {
        guard let text = value.stringValue else { throw violation(path, "must be a string, found \(Self.show(value))") }
        return text
    }

    func required(_ fields: [String: ToolValue], _ key: String, at path: String) throws(AgentProtocolError) -> ToolValue {
        guard let value = fields[key] else { throw violation(path, "missing required key '\(key)'") }
        return value
    }

    func optionalString(_ fields: [String: ToolValue], _ key: String, at path: String) throws(AgentProtocolError) {
        guard let value = fields[key], !value.isNull, value.stringValue == nil else { return }
        throw violation("\(path).\(key)", "must be a string or null, found \(Self.show(value))")
    }

    func optionalNumber(_ fields: [String: ToolValue], _ key: String, at path: String) throws(AgentProtocolError) {
        guard let value = fields[key], !value.isNull, value.numberValue == nil else { return }
        throw violation("\(path).\(key)", "must be a number or null, found \(Self.show(value))")
    }

    func optionalInteger(_ fields: [String: ToolValue], _ key: String, at path: String) throws(AgentProtocolError) {
        guard let value = fields[key], !value.isNull else { return }
        if let number = value.numberValue, number.isFinite, number == number.rounded() { return }
        throw violation("\(path).\(key)", "must be an integer or null, found \(Self.show(value))")
    }

    /// A value as a message shows it: its type, and short scalars verbatim.
    static func show(_ value: ToolValue) -> String {
        switch value {
        case .null: "null"
        case .bool, .number: value.canonicalJSON()
        case .string(let text): "string \(snippet(text))"
        case .array(let elements): "a list of \(elements.count)"
        case .object: "an object"
        }
    }

    /// At most 60 characters of text, control characters escaped.
    static func snippet(_ text: String) -> String {
        let cut = text.count > 60 ? String(text.prefix(60)) + "…" : text
        return ToolValue.string(cut).canonicalJSON()
    }

    /// The decoder's reason, without Swift type noise.
    static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError as NSError?,
                let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
            {
                return detail
            }
            return context.debugDescription
        }
        return "not valid JSON"
    }
}
