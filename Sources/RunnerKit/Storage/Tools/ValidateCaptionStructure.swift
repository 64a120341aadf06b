import Foundation

extension DataTools {
    /// validate_caption_structure (data-model.md §4.15): pure scoring of one caption against its
    /// send type's category thresholds; reads only the send-types cache.
    public func validateCaptionStructure(_ parameters: [String: ToolValue]) -> ToolObject {
        let started = ContinuousClock.now
        let p = ToolParameters(tool: "validate_caption_structure", values: parameters)
        let sendType = parameters["send_type"]?.stringValue ?? ""
        func failed(_ f: ToolFailure, valid: [String]? = nil) -> ToolObject {
            var m: [String: ToolValue] = [
                "error": .string(f.message), "error_code": .string(f.code), "valid": false, "score": nil,
                "send_type": .string(sendType), "category": nil, "caption_length": nil, "issues": [],
                "recommendation": "REJECT", "thresholds_applied": nil,
                "metadata": ["fetched_at": .string(fetchedAt), "tool_version": "2.0.0", "error": true],
            ]
            if let valid { m["valid_send_types"] = .array(valid.map(ToolValue.string)) }
            return ToolObject(m)
        }
        if let f = p.checkKnown(["caption_text", "send_type"]) { return failed(f) }
        guard let text = parameters["caption_text"]?.stringValue,
            !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { return failed(ToolFailure(code: "EMPTY_CAPTION", message: "Caption text is required")) }
        let length = text.unicodeScalars.count
        if length > 2000 {
            return failed(ToolFailure(code: "CAPTION_EXCEEDS_LIMIT", message: "Caption exceeds 2000 character limit"))
        }
        let loaded: (rows: [[String: ToolValue]], cachedAt: String?)
        do { loaded = try loadSendTypes() } catch {
            return failed(ToolFailure(code: "INTERNAL_ERROR", message: Self.storageFailure(error).message))
        }
        guard let row = loaded.rows.first(where: { $0["send_type_key"]?.stringValue == sendType }) else {
            let keys = loaded.rows.compactMap { $0["send_type_key"]?.stringValue }.sorted()
            return failed(ToolFailure(code: "INVALID_SEND_TYPE", message: "Invalid send_type: \(sendType)"), valid: keys)
        }
        let category = row["category"]?.stringValue ?? "other"
        let (score, issues, thresholds) = Self.scoreCaption(text, category: category)
        return ToolObject([
            "valid": .bool(score >= 70), "score": .number(Double(score)), "issues": .array(issues.map(ToolValue.string)),
            "send_type": .string(sendType), "category": .string(category), "caption_length": .number(Double(length)),
            "thresholds_applied": [
                "min": .number(Double(thresholds[0])), "ideal_min": .number(Double(thresholds[1])),
                "ideal_max": .number(Double(thresholds[2])), "max": .number(Double(thresholds[3])),
            ],
            "recommendation": .string(score >= 85 ? "PASS" : score >= 70 ? "REVIEW" : "REJECT"),
            "metadata": [
                "fetched_at": .string(fetchedAt), "tool_version": "2.0.0",
                "query_ms": .number(Double((ContinuousClock.now - started) / .milliseconds(1))),
                "cache_hit": .bool(loaded.cachedAt != nil),
            ],
        ])
    }

    /// The scoring rules of §4.15: score clamped to 0-100, the issues found, the length thresholds.
    static func scoreCaption(_ text: String, category: String) -> (Int, [String], [Int]) {
        let thresholds =
            ["revenue": [40, 80, 300, 450], "engagement": [15, 30, 150, 250], "retention": [25, 50, 200, 300]][category]
            ?? [10, 20, 300, 500]
        var score = 100
        var issues: [String] = []
        let length = text.unicodeScalars.count
        if length < thresholds[0] {
            score -= 30; issues.append("Caption too short (\(length) < \(thresholds[0]))")
        } else if length < thresholds[1] {
            score -= 10; issues.append("Caption below ideal length (\(length) < \(thresholds[1]))")
        } else if length > thresholds[3] {
            score -= 15; issues.append("Caption too long (\(length) > \(thresholds[3]))")
        } else if length > thresholds[2] {
            score -= 5; issues.append("Caption above ideal length (\(length) > \(thresholds[2]))")
        }
        let lower = text.lowercased()
        var spam: [(String, Int)] = [("click here", 15), ("act now", 15), ("buy now", 15), ("hurry", 5)]
        if category != "revenue" { spam += [("limited time", 10), ("exclusive offer", 10), ("don't miss", 10)] }
        for (phrase, penalty) in spam where lower.contains(phrase) {
            score -= penalty
            issues.append("Spam phrase '\(phrase)'")
        }
        let emoji = text.unicodeScalars.filter { $0.value > 0x1F300 }.count
        if emoji > 10 {
            score -= 15; issues.append("Too many emoji (\(emoji))")
        } else if emoji > 5 {
            score -= 5; issues.append("Many emoji (\(emoji))")
        }
        let words = lower.split(whereSeparator: \.isWhitespace).map { $0.filter { $0.isLetter || $0.isNumber } }
        if words.count > 5 {
            var counts: [String: Int] = [:]
            for w in words where w.count > 3 { counts[String(w), default: 0] += 1 }
            if counts.values.contains(where: { $0 > 2 }) { score -= 10; issues.append("Repetitive wording") }
        }
        let hasCased = text.contains { $0.isUppercase || $0.isLowercase }
        if hasCased && !text.contains(where: \.isLowercase) && length > 20 {
            score -= 20; issues.append("All caps")
        }
        return (min(max(score, 0), 100), issues, thresholds)
    }
}
