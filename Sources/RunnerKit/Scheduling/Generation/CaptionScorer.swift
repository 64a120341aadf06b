/// The caption structure score of schedule-domain §6.6 (also validate_caption_structure).
public enum CaptionScorer {
    /// (min, ideal-min, ideal-max, max) length by category.
    static func lengths(_ category: SendCategory) -> (Int, Int, Int, Int) {
        switch category {
        case .revenue: (40, 80, 300, 450)
        case .engagement: (15, 30, 150, 250)
        case .retention: (25, 50, 200, 300)
        }
    }

    /// The 0–100 score of a text for a send-type category.
    public static func score(_ text: String, category: SendCategory) -> Int {
        // Works on scalar values with an ASCII fast path: scoring runs for every pooled caption.
        let scalars = Array(text.unicodeScalars)
        let lowered = scalars.map(lower)
        var score = 100
        let length = scalars.count
        let (minimum, idealMin, idealMax, maximum) = lengths(category)
        if length < minimum {
            score -= 30
        } else if length < idealMin {
            score -= 10
        } else if length > maximum {
            score -= 15
        } else if length > idealMax {
            score -= 5
        }
        var phrases: [(String, Int)] = [("click here", 15), ("act now", 15), ("buy now", 15), ("hurry", 5)]
        if category != .revenue { phrases += [("limited time", 10), ("exclusive offer", 10), ("don't miss", 10)] }
        for (phrase, penalty) in phrases where contains(lowered, phrase) { score -= penalty }
        let emoji = scalars.reduce(0) { $0 + ($1.value > 0x1F300 ? 1 : 0) }
        if emoji > 10 { score -= 15 } else if emoji > 5 { score -= 5 }
        var words: [ArraySlice<UInt32>] = []
        var start: Int?
        for (i, scalar) in scalars.enumerated() {
            if isSpace(scalar) {
                if let s = start { words.append(lowered[s..<i]) }
                start = nil
            } else if start == nil {
                start = i
            }
        }
        if let s = start { words.append(lowered[s..<lowered.count]) }
        if words.count > 5 {
            var counts: [ArraySlice<UInt32>: Int] = [:]
            for word in words where word.count > 3 { counts[word, default: 0] += 1 }
            if counts.values.contains(where: { $0 > 2 }) { score -= 10 }
        }
        var hasUpper = false
        var hasLower = false
        for scalar in scalars {
            if scalar.value < 0x80 {
                if scalar.value >= 0x41 && scalar.value <= 0x5A { hasUpper = true }
                if scalar.value >= 0x61 && scalar.value <= 0x7A { hasLower = true }
            } else if scalar.properties.isCased {
                if scalar.properties.isUppercase { hasUpper = true }
                if scalar.properties.isLowercase { hasLower = true }
            }
        }
        if hasUpper, !hasLower, length > 20 { score -= 20 }
        return min(100, max(0, score))
    }

    /// Lower-cases a scalar value (ASCII directly, others by their single-scalar mapping).
    private static func lower(_ scalar: Unicode.Scalar) -> UInt32 {
        let v = scalar.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A ? v + 32 : v }
        let mapped = scalar.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first!.value : v
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// Substring search of an ASCII phrase in lower-cased scalar values.
    private static func contains(_ haystack: [UInt32], _ phrase: String) -> Bool {
        let needle = phrase.unicodeScalars.map(\.value)
        guard haystack.count >= needle.count else { return false }
        outer: for i in 0...(haystack.count - needle.count) {
            for j in needle.indices where haystack[i + j] != needle[j] { continue outer }
            return true
        }
        return false
    }

    /// Scalars above U+1F300.
    public static func emojiCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x1F300 ? 1 : 0) }
    }

    /// Valid: score ≥ 70, not blank, at most 2,000 scalars.
    public static func isValid(_ text: String, category: SendCategory) -> Bool {
        guard !text.allSatisfy(\.isWhitespace), text.unicodeScalars.count <= 2000 else { return false }
        return score(text, category: category) >= 70
    }

    /// PASS ≥ 85, REVIEW 70–84, REJECT < 70.
    public static func band(_ score: Int) -> String { score >= 85 ? "PASS" : (score >= 70 ? "REVIEW" : "REJECT") }
}
