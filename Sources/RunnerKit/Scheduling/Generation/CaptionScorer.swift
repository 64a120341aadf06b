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

    /// The category-independent facts of a text; scoring a category from them is cheap.
    public struct Analysis: Sendable, Equatable {
        var length: Int
        /// Bit i set when spam phrase i occurs (order of `phrases`).
        var phrases: Int
        var emoji: Int
        var repetition: Bool
        var allCaps: Bool
        var blank: Bool
    }

    /// Spam phrases and penalties; the last three count only outside revenue.
    static let phrases: [(needle: [UInt32], penalty: Int, revenueToo: Bool)] = [
        ("click here", 15, true), ("act now", 15, true), ("buy now", 15, true), ("hurry", 5, true),
        ("limited time", 10, false), ("exclusive offer", 10, false), ("don't miss", 10, false),
    ].map { (Array($0.0.unicodeScalars.map(\.value)), $0.1, $0.2) }

    /// The 0–100 score of a text for a send-type category.
    public static func score(_ text: String, category: SendCategory) -> Int {
        score(analyze(text), category: category)
    }

    /// The 0–100 score of an analysed text for a category.
    public static func score(_ a: Analysis, category: SendCategory) -> Int {
        var score = 100
        let (minimum, idealMin, idealMax, maximum) = lengths(category)
        if a.length < minimum {
            score -= 30
        } else if a.length < idealMin {
            score -= 10
        } else if a.length > maximum {
            score -= 15
        } else if a.length > idealMax {
            score -= 5
        }
        for (i, phrase) in phrases.enumerated() where a.phrases & (1 << i) != 0 {
            if phrase.revenueToo || category != .revenue { score -= phrase.penalty }
        }
        if a.emoji > 10 { score -= 15 } else if a.emoji > 5 { score -= 5 }
        if a.repetition { score -= 10 }
        if a.allCaps { score -= 20 }
        return min(100, max(0, score))
    }

    /// Whether an analysed text is a valid caption for a category.
    public static func isValid(_ a: Analysis, category: SendCategory) -> Bool {
        !a.blank && a.length <= 2000 && score(a, category: category) >= 70
    }

    /// Analyses a text once: length, spam phrases, emoji, repetition and all caps.
    public static func analyze(_ text: String) -> Analysis {
        // One pass over the scalars with an ASCII fast path: every pooled caption is analysed.
        var lowered: [UInt32] = []
        lowered.reserveCapacity(text.utf8.count)
        var emoji = 0
        var words: [Range<Int>] = []
        var start: Int?
        var hasUpper = false
        var hasLower = false
        var blank = true
        var i = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A {
                    hasUpper = true
                    lowered.append(v + 32)
                } else {
                    if v >= 0x61 && v <= 0x7A { hasLower = true }
                    lowered.append(v)
                }
            } else {
                if v > 0x1F300 { emoji += 1 }
                let properties = scalar.properties
                if properties.isCased {
                    if properties.isUppercase { hasUpper = true }
                    if properties.isLowercase { hasLower = true }
                    lowered.append(properties.changesWhenLowercased ? lower(scalar) : v)
                } else {
                    // Uncased scalars (emoji, punctuation, CJK) have no lower-case mapping.
                    lowered.append(v)
                }
            }
            if isSpace(scalar) {
                if let s = start { words.append(s..<i) }
                start = nil
            } else {
                blank = false
                if start == nil { start = i }
            }
            i += 1
        }
        let count = i
        let found = phraseBits(lowered)
        if let s = start { words.append(s..<count) }
        var repetition = false
        if words.count > 5 {
            // Sort FNV-1a hashes of the long words; confirm a run of 3 equal hashes on the words.
            let long = words.filter { $0.count > 3 }
            let hashed = long.map { range -> (UInt64, Range<Int>) in
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for v in lowered[range] { h = (h ^ UInt64(v)) &* 0x100_0000_01b3 }
                return (h, range)
            }.sorted { $0.0 < $1.0 }
            var i = 0
            while i + 2 < hashed.count, !repetition {
                if hashed[i].0 == hashed[i + 2].0, lowered[hashed[i].1] == lowered[hashed[i + 1].1],
                    lowered[hashed[i].1] == lowered[hashed[i + 2].1]
                {
                    repetition = true
                }
                i += 1
            }
        }
        return Analysis(
            length: count, phrases: found, emoji: emoji, repetition: repetition,
            allCaps: hasUpper && !hasLower && count > 20, blank: blank)
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

    /// Bit (first scalar − 0x40) set for each phrase's first scalar (all are lower-case ASCII).
    private static let phraseFirstScalars: UInt64 = phrases.reduce(0) { $0 | 1 << UInt64($1.needle[0] - 0x40) }

    /// The bits of the spam phrases occurring in lower-cased scalar values: one pass that compares
    /// a phrase only where its first scalar occurs.
    private static func phraseBits(_ haystack: [UInt32]) -> Int {
        var found = 0
        haystack.withUnsafeBufferPointer { h in
            for i in 0..<h.count {
                let v = h[i]
                guard v >= 0x40, v < 0x80, phraseFirstScalars & (1 << UInt64(v - 0x40)) != 0 else { continue }
                phrase: for (p, phrase) in phrases.enumerated() where phrase.needle[0] == v && found & (1 << p) == 0 {
                    let needle = phrase.needle
                    guard i + needle.count <= h.count else { continue }
                    for j in 1..<needle.count where h[i + j] != needle[j] { continue phrase }
                    found |= 1 << p
                }
            }
        }
        return found
    }

    /// Scalars above U+1F300.
    public static func emojiCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x1F300 ? 1 : 0) }
    }

    /// Valid: score ≥ 70, not blank, at most 2,000 scalars.
    public static func isValid(_ text: String, category: SendCategory) -> Bool {
        isValid(analyze(text), category: category)
    }

    /// PASS ≥ 85, REVIEW 70–84, REJECT < 70.
    public static func band(_ score: Int) -> String { score >= 85 ? "PASS" : (score >= 70 ? "REVIEW" : "REJECT") }
}
