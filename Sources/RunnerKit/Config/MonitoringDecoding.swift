extension ConfigDecoder {
    static let conditionKeys = [
        "pipeline", "metric", "phase", "above", "below", "window", "for", "consecutive_runs", "min_samples",
        "on_no_data", "keep_firing_for", "clear_threshold", "roles",
    ]
    static let ruleKeys = ["name", "event", "severity", "action", "labels"] + conditionKeys
    static let alertsKeys = ["version", "kind", "pipeline", "rules", "notifiers"]
    static let notifierKeys = ["name", "type", "url", "url_env", "command", "severities", "states", "timeout"]
    static let sloKeys = ["version", "kind", "pipeline", "window", "min_samples", "metrics"]
    static let rollbackKeys = [
        "version", "kind", "pipeline", "automatic", "drain_timeout", "cooldown", "restore_token", "min_samples", "triggers",
    ]

    /// Decodes a `kind: slo` file.
    mutating func slo(_ root: ConfigNode, file: String) -> SLOConfig? {
        guard let fields = mapping(root, known: Self.sloKeys, in: "slo file") else { return nil }
        let pipeline = required(fields, "pipeline").flatMap { locatedString($0, key: "pipeline") }
        let window = fields["window"].flatMap { self.window($0, key: "window") } ?? ConfigDefaults.sloWindow
        let minSamples = fields["min_samples"].flatMap { int($0, key: "min_samples", range: 1...1_000_000, rule: "C014") }
            ?? ConfigDefaults.sloMinSamples
        var bands: [SLOBands] = []
        if let node = fields["metrics"] {
            if let entries = node.entries {
                for entry in entries {
                    guard let metric = metricKind(entry.key, at: entry.keyLocation)
                    else { continue }
                    if metric.value == .phaseP95Latency {
                        error("C015", "phase_p95_latency cannot be banded in an slo file", at: entry.keyLocation)
                        continue
                    }
                    guard let block = mapping(entry.value, known: ["warning", "critical"], in: "bands of \(entry.key)") else {
                        continue
                    }
                    let warning = block["warning"].flatMap { band($0, metric: metric.value, what: "warning band of \(entry.key)") }
                    let critical = block["critical"].flatMap { band($0, metric: metric.value, what: "critical band of \(entry.key)") }
                    bands.append(SLOBands(metric: metric, warning: warning, critical: critical))
                }
            } else {
                error("C004", "expected a mapping of metric names for 'metrics', got \(node.typeDescription)", at: node.location)
            }
        }
        guard let pipeline else { return nil }
        return SLOConfig(pipeline: pipeline, window: window, minSamples: minSamples, metrics: bands, file: file)
    }

    private mutating func band(_ node: ConfigNode, metric: MetricKind, what: String) -> Threshold? {
        guard let fields = mapping(node, known: ["above", "below"], in: what) else { return nil }
        return threshold(fields, metric: metric, what: what)
    }

    /// A metric name, else C015 with a suggestion.
    mutating func metricKind(_ text: String, at location: SourceLocation) -> Located<MetricKind>? {
        if let metric = MetricKind(rawValue: text) { return Located(metric, at: location) }
        let names = MetricKind.allCases.map(\.rawValue)
        let notes = Suggestion.closest(to: text, among: names).map { ["did you mean '\($0)'?"] } ?? []
        error("C015", "unknown metric '\(text)'", at: location, notes: notes)
        return nil
    }

    /// A threshold value in the metric's unit (durations for latencies), range-checked (C014).
    mutating func thresholdValue(_ node: ConfigNode, key: String, metric: MetricKind) -> Double? {
        let value: Double
        switch metric.unit {
        case .seconds:
            guard let duration = duration(node, key: key) else { return nil }
            value = duration.seconds
            if value <= 0 { error("C014", "'\(key)' of \(metric.rawValue) must be a positive duration", at: node.location) }
        case .fraction:
            guard let number = number(node, key: key) else { return nil }
            value = number
            if !(0...1).contains(value) {
                error("C014", "'\(key)' of \(metric.rawValue) is a rate and must be between 0 and 1, got \(value.compact)",
                      at: node.location)
            }
        case .score:
            guard let number = number(node, key: key) else { return nil }
            value = number
            if !(0...100).contains(value) {
                error("C014", "'\(key)' of \(metric.rawValue) must be between 0 and 100, got \(value.compact)", at: node.location)
            }
        case .count:
            guard let number = int(node, key: key) else { return nil }
            value = Double(number)
            if number < 0 { error("C014", "'\(key)' of run_count must not be negative, got \(number)", at: node.location) }
        }
        return value
    }

    /// Exactly one of `above` / `below` (C014 otherwise).
    mutating func threshold(_ fields: Fields, metric: MetricKind, what: String) -> Threshold? {
        switch (fields["above"], fields["below"]) {
        case (let above?, nil):
            return thresholdValue(above, key: "above", metric: metric).map { Threshold(.above, $0) }
        case (nil, let below?):
            return thresholdValue(below, key: "below", metric: metric).map { Threshold(.below, $0) }
        case (.some, .some):
            error("C014", "\(what) has both 'above' and 'below'; give exactly one", at: fields.keyLocation("below"))
        case (nil, nil):
            error("C014", "\(what) needs exactly one of 'above' or 'below'", at: fields.location)
        }
        return nil
    }

    /// The metric condition of a rule or trigger (operations.md §7.1).
    mutating func metricCondition(
        _ fields: Fields, defaultPipeline: Located<String>?, defaultMinSamples: Int, what: String
    ) -> MetricCondition? {
        let pipeline = fields["pipeline"].flatMap { locatedString($0, key: "pipeline") } ?? defaultPipeline
        if pipeline == nil, !fields.has("pipeline") {
            error("C005", "missing required key 'pipeline' in \(what) (no file-level pipeline either)", at: fields.location)
        }
        let metric = required(fields, "metric").flatMap { node in
            string(node, key: "metric").flatMap { metricKind($0, at: node.location) }
        }
        var phase: Located<String>?
        if let node = fields["phase"] {
            phase = locatedString(node, key: "phase")
            if let metric, metric.value != .phaseP95Latency {
                error("C015", "'phase' is only for metric phase_p95_latency, not \(metric.value.rawValue)", at: fields.keyLocation("phase"))
            }
        } else if metric?.value == .phaseP95Latency {
            error("C005", "missing required key 'phase' in \(what) (metric phase_p95_latency)", at: fields.location)
        }
        let threshold = metric.flatMap { self.threshold(fields, metric: $0.value, what: what) }
        let window = required(fields, "window").flatMap { self.window($0, key: "window") }
        var hold = ConditionHold.immediately
        switch (fields["for"], fields["consecutive_runs"]) {
        case (.some, .some):
            error("C014", "\(what) has both 'for' and 'consecutive_runs'; give at most one", at: fields.keyLocation("consecutive_runs"))
        case (let node?, nil):
            if let value = duration(node, key: "for") { hold = value.milliseconds > 0 ? .duration(value) : .immediately }
        case (nil, let node?):
            if let value = int(node, key: "consecutive_runs", range: 2...1_000_000, rule: "C014") { hold = .consecutiveRuns(value) }
        case (nil, nil): break
        }
        let minSamples = fields["min_samples"].flatMap { int($0, key: "min_samples", range: 1...1_000_000, rule: "C014") }
            ?? defaultMinSamples
        if case .runs(let count)? = window, count < minSamples {
            error("C014", "window of \(count) runs is smaller than min_samples \(minSamples): \(what) never has enough data",
                  at: fields.keyLocation("window"))
        }
        let onNoData = fields["on_no_data"].flatMap { choice($0, key: "on_no_data", as: NoDataPolicy.self) }
            ?? ConfigDefaults.onNoData
        let keepFiring = fields["keep_firing_for"].flatMap { duration($0, key: "keep_firing_for") } ?? ConfigDefaults.keepFiringFor
        var clear: Double?
        if let node = fields["clear_threshold"], let metric, let threshold {
            clear = thresholdValue(node, key: "clear_threshold", metric: metric.value)
            if let value = clear {
                let healthy = threshold.direction == .below ? value >= threshold.value : value <= threshold.value
                if !healthy {
                    let side = threshold.direction == .below ? ">=" : "<="
                    error("C014", "clear_threshold \(value.compact) must be on the healthy side (\(side) \(threshold.value.compact))",
                          at: node.location)
                }
            }
        }
        var roles = ConfigDefaults.roles
        if let node = fields["roles"], let list = list(node, key: "roles", item: { d, n in d.choice(n, key: "roles", as: RunRole.self) }) {
            if list.isEmpty { error("C004", "'roles' must list primary, fallback or both", at: node.location) } else { roles = list }
        }
        guard let pipeline, let metric, let threshold, let window else { return nil }
        return MetricCondition(
            pipeline: pipeline, metric: metric, phase: phase, threshold: threshold, window: window, hold: hold,
            minSamples: minSamples, onNoData: onNoData, keepFiringFor: keepFiring, clearThreshold: clear, roles: roles)
    }

    /// Decodes a `kind: rollback` file.
    mutating func rollback(_ root: ConfigNode, file: String) -> RollbackPolicy? {
        guard let fields = mapping(root, known: Self.rollbackKeys, in: "rollback file") else { return nil }
        let pipeline = required(fields, "pipeline").flatMap { locatedString($0, key: "pipeline") }
        let automatic = fields["automatic"].flatMap { bool($0, key: "automatic") } ?? ConfigDefaults.rollbackAutomatic
        let drain = fields["drain_timeout"].flatMap { duration($0, key: "drain_timeout") } ?? ConfigDefaults.drainTimeout
        if drain.milliseconds <= 0 { error("C014", "drain_timeout must be greater than 0s", at: fields.keyLocation("drain_timeout")) }
        let cooldown = fields["cooldown"].flatMap { duration($0, key: "cooldown") } ?? ConfigDefaults.cooldown
        var token = RollbackPolicy.defaultRestoreToken
        if let node = fields["restore_token"], let text = string(node, key: "restore_token") {
            if text.trimmingSpaces.isEmpty { error("C004", "restore_token must not be empty", at: node.location) } else { token = text }
        }
        let minSamples = fields["min_samples"].flatMap { int($0, key: "min_samples", range: 1...1_000_000, rule: "C014") }
            ?? ConfigDefaults.rollbackMinSamples
        var triggers: [RollbackTrigger] = []
        if let node = fields["triggers"] {
            triggers = list(node, key: "triggers") { decoder, item in
                decoder.trigger(item, pipeline: pipeline, minSamples: minSamples)
            } ?? []
        }
        guard let pipeline else { return nil }
        return RollbackPolicy(
            pipeline: pipeline, automatic: automatic, drainTimeout: drain, cooldown: cooldown, restoreToken: token,
            minSamples: minSamples, triggers: triggers, file: file)
    }

    private mutating func trigger(_ node: ConfigNode, pipeline: Located<String>?, minSamples: Int) -> RollbackTrigger? {
        let nameText = node.entries?.first { $0.key == "name" }?.value.scalarText
        let what = nameText.map { "trigger '\($0)'" } ?? "trigger"
        guard let fields = mapping(node, known: ["name"] + Self.conditionKeys, in: what) else { return nil }
        let name = required(fields, "name").flatMap { self.name($0, key: "name", pattern: .id) }
        let condition = metricCondition(fields, defaultPipeline: pipeline, defaultMinSamples: minSamples, what: what)
        guard let name, let condition else { return nil }
        return RollbackTrigger(name: name, condition: condition, location: node.location)
    }
}
