/// Decodes files one by one into a `LoadedConfig`, reporting duplicates across files (C006).
struct ConfigCollector {
    var diagnostics: [Diagnostic] = []
    /// Ids of phases too broken to model, per pipeline name.
    var brokenPhaseIds: [String: Set<String>] = [:]
    /// Ids of phases with unknown keys, per pipeline name.
    var suspectPhaseIds: [String: Set<String>] = [:]
    /// Where each file's `kind:` was, for file-level notes.
    var kinds: [String: ConfigFileKind] = [:]

    /// Composes, checks the header of and decodes one file.
    mutating func add(text: String, path: String, into config: inout LoadedConfig) {
        let composed = YAMLComposer.compose(text: text, file: path)
        diagnostics.append(contentsOf: composed.diagnostics)
        guard let root = composed.root else {
            if composed.diagnostics.isEmpty {
                diagnostics.append(.error(
                    "C002", "file is empty; expected 'version: \(ConfigDefaults.supportedVersion)' and 'kind:'",
                    at: SourceLocation(file: path, line: 1, column: 1)))
            }
            return
        }
        var decoder = ConfigDecoder()
        defer { diagnostics.append(contentsOf: decoder.diagnostics) }
        guard let kind = decoder.header(root, file: path, inTestsFolder: path.hasPrefix("alerts/tests/")) else { return }
        kinds[path] = kind
        switch kind {
        case .pipeline:
            guard let decoded = decoder.pipeline(root, file: path) else { return }
            let name = decoded.pipeline.name
            if let existing = config.pipelines[name.value] {
                decoder.error("C006", "duplicate pipeline name '\(name.value)'", at: name.location,
                              notes: ["first defined at \(existing.name.location.shortDescription)"])
                return
            }
            config.pipelines[name.value] = decoded.pipeline
            brokenPhaseIds[name.value] = decoded.brokenPhaseIds
            suspectPhaseIds[name.value] = decoded.suspectPhaseIds
        case .agents:
            for agent in decoder.agents(root) {
                if let existing = config.agents[agent.name.value] {
                    decoder.error("C006", "duplicate agent name '\(agent.name.value)'", at: agent.name.location,
                                  notes: ["first defined at \(existing.name.location.shortDescription)"])
                    continue
                }
                config.agents.agents.append(agent)
            }
        case .rollout:
            guard let rollout = decoder.rollout(root, file: path) else { return }
            if let existing = config.rollout {
                decoder.error("C006", "a second rollout file; there is exactly one (the first is \(existing.file))",
                              at: root.location)
                return
            }
            config.rollout = rollout
        case .slo:
            guard let slo = decoder.slo(root, file: path) else { return }
            if let existing = config.slo[slo.pipeline.value] {
                decoder.error("C006", "a second slo file for pipeline '\(slo.pipeline.value)'", at: slo.pipeline.location,
                              notes: ["first defined at \(existing.pipeline.location.shortDescription)"])
                return
            }
            config.slo[slo.pipeline.value] = slo
        case .alerts:
            let alerts = decoder.alerts(root, file: path)
            config.alerts.rules.append(contentsOf: alerts.rules)
            config.alerts.notifiers.append(contentsOf: alerts.notifiers)
        case .rollback:
            guard let policy = decoder.rollback(root, file: path) else { return }
            if let existing = config.rollback[policy.pipeline.value] {
                decoder.error("C006", "a second rollback policy for pipeline '\(policy.pipeline.value)'",
                              at: policy.pipeline.location,
                              notes: ["first defined at \(existing.pipeline.location.shortDescription)"])
                return
            }
            config.rollback[policy.pipeline.value] = policy
        case .alertTest:
            if let file = decoder.alertTest(root, file: path) { config.alertTests.append(file) }
        }
    }
}
