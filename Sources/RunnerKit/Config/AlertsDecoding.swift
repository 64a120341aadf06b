extension ConfigDecoder {
    /// Decodes a `kind: alerts` file into its rules and notifiers.
    mutating func alerts(_ root: ConfigNode, file: String) -> AlertsConfig {
        var result = AlertsConfig()
        guard let fields = mapping(root, known: Self.alertsKeys, in: "alerts file") else { return result }
        let pipeline = fields["pipeline"].flatMap { locatedString($0, key: "pipeline") }
        if let node = fields["rules"] {
            result.rules = list(node, key: "rules") { decoder, item in
                decoder.alertRule(item, pipeline: pipeline, file: file)
            } ?? []
        }
        if let node = fields["notifiers"] {
            result.notifiers = list(node, key: "notifiers") { decoder, item in decoder.notifier(item) } ?? []
        }
        return result
    }

    private mutating func alertRule(_ node: ConfigNode, pipeline: Located<String>?, file: String) -> AlertRule? {
        let nameText = node.entries?.first { $0.key == "name" }?.value.scalarText
        let what = nameText.map { "rule '\($0)'" } ?? "rule"
        guard let fields = mapping(node, known: Self.ruleKeys, in: what) else { return nil }
        let name = required(fields, "name").flatMap { self.name($0, key: "name", pattern: .alertName) }
        let severity = required(fields, "severity").flatMap { choice($0, key: "severity", as: AlertSeverity.self) }
        let action = fields["action"].flatMap { string($0, key: "action") } ?? ""
        var labels: [String: String] = [:]
        if let node = fields["labels"] {
            if let entries = node.entries {
                for entry in entries { if let value = string(entry.value, key: entry.key) { labels[entry.key] = value } }
            } else {
                error("C004", "expected a mapping for 'labels', got \(node.typeDescription)", at: node.location)
            }
        }
        let condition: AlertCondition?
        if let eventNode = fields["event"] {
            let event = choice(eventNode, key: "event", as: AlertEvent.self)
            for key in Self.conditionKeys where key != "pipeline" && fields.has(key) {
                error("C004", "event rules take no metric fields; remove '\(key)' from \(what)", at: fields.keyLocation(key))
            }
            let rulePipeline = fields["pipeline"].flatMap { locatedString($0, key: "pipeline") } ?? pipeline
            if rulePipeline == nil { error("C005", "missing required key 'pipeline' in \(what)", at: fields.location) }
            if let event, let rulePipeline { condition = .event(event, pipeline: rulePipeline) } else { condition = nil }
        } else {
            condition = metricCondition(
                fields, defaultPipeline: pipeline, defaultMinSamples: ConfigDefaults.ruleMinSamples, what: what
            ).map { .metric($0) }
        }
        guard let name, let severity, let condition else { return nil }
        return AlertRule(
            name: name, condition: condition, severity: severity, action: action, labels: labels, file: file,
            location: node.location)
    }

    private mutating func notifier(_ node: ConfigNode) -> Notifier? {
        let nameText = node.entries?.first { $0.key == "name" }?.value.scalarText
        let what = nameText.map { "notifier '\($0)'" } ?? "notifier"
        guard let fields = mapping(node, known: Self.notifierKeys, in: what) else { return nil }
        let name = required(fields, "name").flatMap { self.name($0, key: "name", pattern: .id) }
        let type = required(fields, "type").flatMap { choice($0, key: "type", as: NotifierType.self) }
        let url = fields["url"].flatMap { locatedString($0, key: "url") }
        let urlEnv = fields["url_env"].flatMap { locatedString($0, key: "url_env") }
        let command = fields["command"].flatMap { stringList($0, key: "command") } ?? []
        switch type {
        case .webhook?:
            if url == nil, urlEnv == nil, !fields.has("url"), !fields.has("url_env") {
                error("C020", "webhook \(what) needs 'url' or 'url_env'", at: fields.location)
            }
            if url != nil, urlEnv != nil { error("C020", "\(what) has both 'url' and 'url_env'; give one", at: fields.keyLocation("url_env")) }
            if fields.has("command") { error("C004", "'command' is only for type command", at: fields.keyLocation("command")) }
        case .command?:
            if !fields.has("command") {
                error("C020", "command \(what) needs 'command'", at: fields.location)
            } else if command.isEmpty, fields["command"]?.items != nil {
                error("C020", "'command' of \(what) must name a program", at: fields.keyLocation("command"))
            }
            if fields.has("url") || fields.has("url_env") {
                error("C004", "'url' and 'url_env' are only for type webhook", at: fields.keyLocation(fields.has("url") ? "url" : "url_env"))
            }
        case nil: break
        }
        let timeout = fields["timeout"].flatMap { duration($0, key: "timeout") } ?? ConfigDefaults.notifierTimeout
        let severities = fields["severities"].flatMap {
            list($0, key: "severities") { d, n in d.choice(n, key: "severities", as: AlertSeverity.self) }
        } ?? AlertSeverity.allCases
        let states = fields["states"].flatMap {
            list($0, key: "states") { d, n in d.choice(n, key: "states", as: AlertStateName.self) }
        } ?? ConfigDefaults.notifierStates
        guard let name, let type else { return nil }
        return Notifier(
            name: name, type: type, url: url, urlEnv: urlEnv, command: command, timeout: timeout, severities: severities,
            states: states, location: node.location)
    }
}
