extension ConfigDecoder {
    static let rolloutKeys = [
        "version", "kind", "control", "candidate", "phase", "auto_fallback", "bucketing", "shadow", "gates", "phases",
    ]
    static let gateKeys = [
        "min_hours", "min_runs", "min_success_rate", "block_on_alerts", "min_comparisons",
        "max_candidate_failure_rate", "min_avg_quality_diff",
    ]
    static let flagKeys = ["enabled", "shadow", "percentage", "creators"]

    /// Decodes a `kind: rollout` file.
    mutating func rollout(_ root: ConfigNode, file: String) -> RolloutConfig? {
        guard let fields = mapping(root, known: Self.rolloutKeys, in: "rollout file") else { return nil }
        let control = required(fields, "control").flatMap { locatedString($0, key: "control") }
        let candidate = required(fields, "candidate").flatMap { locatedString($0, key: "candidate") }
        let desired = required(fields, "phase").flatMap { locatedString($0, key: "phase") }
        let autoFallback = fields["auto_fallback"].flatMap { bool($0, key: "auto_fallback") } ?? ConfigDefaults.autoFallback
        var salt = ""
        if let node = fields["bucketing"], let block = mapping(node, known: ["salt"], in: "bucketing") {
            salt = block["salt"].flatMap { string($0, key: "salt") } ?? ""
        }
        var candidateDeadline = ConfigDefaults.shadowCandidateDeadline
        if let node = fields["shadow"], let block = mapping(node, known: ["candidate_deadline"], in: "shadow") {
            candidateDeadline = block["candidate_deadline"].flatMap { duration($0, key: "candidate_deadline") } ?? candidateDeadline
        }
        let gates = fields["gates"].map { self.gates($0, what: "gates") } ?? RolloutGates()
        var phases: [RolloutPhase] = []
        if let node = required(fields, "phases") {
            phases = list(node, key: "phases") { decoder, item in decoder.rolloutPhase(item) } ?? []
        }
        guard let control, let candidate, let desired else { return nil }
        return RolloutConfig(
            control: control, candidate: candidate, desiredPhase: desired, autoFallback: autoFallback,
            bucketingSalt: salt, shadowCandidateDeadline: candidateDeadline, gates: gates, phases: phases, file: file)
    }

    private mutating func rolloutPhase(_ node: ConfigNode) -> RolloutPhase? {
        let nameText = node.entries?.first { $0.key == "name" }?.value.scalarText
        let what = nameText.map { "rollout phase '\($0)'" } ?? "rollout phase"
        guard let fields = mapping(node, known: ["name", "flags", "gates"], in: what) else { return nil }
        let name = required(fields, "name").flatMap { self.name($0, key: "name", pattern: .id) }
        var flags = RolloutFlags()
        if let node = fields["flags"], let block = mapping(node, known: Self.flagKeys, in: "flags of \(what)") {
            flags.declared = Set(block.entries.keys)
            flags.enabled = block["enabled"].flatMap { bool($0, key: "enabled") } ?? false
            flags.shadow = block["shadow"].flatMap { bool($0, key: "shadow") } ?? false
            flags.percentage = block["percentage"].flatMap { int($0, key: "percentage", range: 0...100, rule: "C013") } ?? 0
            if let list = block["creators"], let creators = stringList(list, key: "creators") {
                for creator in creators where !NamePattern.isValidPageName(creator.value.trimmingSpaces) {
                    error("C013", "allowlisted page name '\(creator.value)' breaks the creator id rule (2-100 of A-Z a-z 0-9 _ -)",
                          at: creator.location)
                }
                flags.creators = creators.map(\.value.trimmingSpaces)
            }
        }
        let gates = fields["gates"].map { self.gates($0, what: "gates of \(what)") } ?? RolloutGates()
        guard let name else { return nil }
        return RolloutPhase(name: name, flags: flags, gates: gates, location: node.location)
    }

    /// A gates block; unknown keys and ranges are C017.
    mutating func gates(_ node: ConfigNode, what: String) -> RolloutGates {
        var gates = RolloutGates()
        guard let fields = mapping(node, known: Self.gateKeys, in: what, unknownRule: "C017") else { return gates }
        func fraction(_ key: String, _ range: ClosedRange<Double>) -> Double? {
            guard let node = fields[key], let value = number(node, key: key) else { return nil }
            guard range.contains(value) else {
                error("C017", "gate '\(key)' must be between \(range.lowerBound.compact) and \(range.upperBound.compact), got \(value.compact)",
                      at: node.location)
                return nil
            }
            return value
        }
        gates.minHours = fraction("min_hours", 0...1_000_000)
        gates.minSuccessRate = fraction("min_success_rate", 0...1)
        gates.maxCandidateFailureRate = fraction("max_candidate_failure_rate", 0...1)
        gates.minAvgQualityDiff = fraction("min_avg_quality_diff", -100...100)
        gates.minRuns = fields["min_runs"].flatMap { int($0, key: "min_runs", range: 0...1_000_000, rule: "C017") }
        gates.minComparisons = fields["min_comparisons"].flatMap {
            int($0, key: "min_comparisons", range: 0...1_000_000, rule: "C017")
        }
        if let node = fields["block_on_alerts"] {
            gates.blockOnAlerts = list(node, key: "block_on_alerts") { decoder, item in
                decoder.choice(item, key: "block_on_alerts", as: AlertSeverity.self)
            }
        }
        return gates
    }
}

extension String {
    /// The text without surrounding spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}

extension Double {
    /// `0.95`, `5`, `-5` — no trailing `.0`.
    var compact: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
