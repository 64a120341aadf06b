/// Synthetic caption text from fixed word lists (data-model.md §6.1); no names, links or contacts.
enum SampleText {
    /// Eight emoji code points above U+1F300.
    static let emoji = ["\u{1F525}", "\u{1F48B}", "\u{1F608}", "\u{1F4A6}", "\u{1F351}", "\u{1F618}", "\u{1F495}", "\u{1F381}"]
    static let openers = ["new", "fresh", "tonight", "weekend", "just dropped", "finally"]
    static let nouns = ["set", "clip", "gallery", "preview", "bundle"]
    static let verbs = ["unlock", "open", "see", "grab"]
    static let closers = ["today", "this week", "while it lasts", "before it is gone"]
    static let spam = ["click here", "buy now", "act now"]

    /// One caption for `content` (a type name or nil), with the length and style quirks of §6.4.
    static func caption(_ rng: inout SplitMix64, content: String?) -> String {
        let subject = content.map { $0 + " " } ?? ""
        let u = rng.unit()
        var text: String
        if u < 0.10 {
            text = rng.pick(["new", "fresh", "hot"]) + " " + rng.pick(nouns)
            return text
        } else {
            text = sentence(&rng, subject: subject)
            if u < 0.20 {
                while text.unicodeScalars.count <= 450 { text += " " + sentence(&rng, subject: subject) }
            }
        }
        if rng.chance(0.05) { text += " " + rng.pick(spam) }
        if rng.chance(0.05) {
            text += " " + (0..<rng.int(11...13)).map { _ in rng.pick(emoji) }.joined()
        } else {
            text += " " + rng.pick(emoji)
        }
        if rng.chance(0.02) { text = text.uppercased() }
        return text
    }

    private static func sentence(_ rng: inout SplitMix64, subject: String) -> String {
        rng.pick(openers) + " " + subject + rng.pick(nouns) + ", " + rng.pick(verbs) + " it " + rng.pick(closers)
    }
}
