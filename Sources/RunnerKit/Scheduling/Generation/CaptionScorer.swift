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
        var score = 100
        let length = text.unicodeScalars.count
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
        let lower = text.lowercased()
        var phrases: [(String, Int)] = [("click here", 15), ("act now", 15), ("buy now", 15), ("hurry", 5)]
        if category != .revenue { phrases += [("limited time", 10), ("exclusive offer", 10), ("don't miss", 10)] }
        for (phrase, penalty) in phrases where lower.contains(phrase) { score -= penalty }
        let emoji = emojiCount(text)
        if emoji > 10 { score -= 15 } else if emoji > 5 { score -= 5 }
        let words = lower.split(whereSeparator: { $0.isWhitespace })
        if words.count > 5 {
            var counts: [Substring: Int] = [:]
            for word in words where word.unicodeScalars.count > 3 { counts[word, default: 0] += 1 }
            if counts.values.contains(where: { $0 > 2 }) { score -= 10 }
        }
        let scalars = text.unicodeScalars
        let hasUpper = scalars.contains { $0.properties.isUppercase }
        let hasLower = scalars.contains { $0.properties.isLowercase }
        if hasUpper, !hasLower, length > 20 { score -= 20 }
        return min(100, max(0, score))
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
