import Foundation

extension ConfigValidator {
    /// C006, C014, C015, C016 for slo, alert and rollback files.
    mutating func checkMonitoring(_ config: LoadedConfig) {
        for slo in config.slo.values.sorted(by: { $0.file < $1.file }) {
            let pipeline = checkPipeline(slo.pipeline, config: config)
            if case .runs(let count) = slo.window, count < slo.minSamples {
                diagnostics.append(.error("C014", "window of \(count) runs is smaller than min_samples \(slo.minSamples)",
                                          at: slo.pipeline.location))
            }
            for bands in slo.metrics {
                checkBandOrder(bands)
                if let pipeline {
                    for threshold in [bands.warning, bands.critical].compactMap({ $0 }) {
                        checkLatency(threshold, metric: bands.metric, pipeline: pipeline, what: "band of \(bands.metric.value.rawValue)")
                    }
                }
            }
        }
        var ruleNames: [String: AlertRule] = [:]
        for rule in config.alerts.rules {
            if let first = ruleNames[rule.name.value] {
                diagnostics.append(.error("C006", "duplicate alert rule name '\(rule.name.value)'", at: rule.name.location,
                                          notes: ["first defined at \(first.name.location.shortDescription)"]))
            } else {
                ruleNames[rule.name.value] = rule
            }
            switch rule.condition {
            case .metric(let condition): checkCondition(condition, what: "rule \(rule.name.value)", config: config)
            case .event(_, let pipeline): _ = checkPipeline(pipeline, config: config)
            }
        }
        for policy in config.rollback.values.sorted(by: { $0.file < $1.file }) {
            _ = checkPipeline(policy.pipeline, config: config)
            var names: [String: RollbackTrigger] = [:]
            for trigger in policy.triggers {
                if let first = names[trigger.name.value] {
                    diagnostics.append(.error("C006", "duplicate trigger name '\(trigger.name.value)'", at: trigger.name.location,
                                              notes: ["first defined at \(first.name.location.shortDescription)"]))
                } else {
                    names[trigger.name.value] = trigger
                }
                checkCondition(trigger.condition, what: "trigger \(trigger.name.value)", config: config)
            }
        }
        if let candidate = config.rollout?.candidate, config.pipelines[candidate.value] != nil,
            config.slo[candidate.value] == nil
        {
            diagnostics.append(.warning(
                "C015", "candidate pipeline '\(candidate.value)' has no slo file: its health is always 'unknown'",
                at: candidate.location))
        }
    }

    /// C015: the named pipeline is loaded.
    private mutating func checkPipeline(_ reference: Located<String>, config: LoadedConfig) -> Pipeline? {
        if let pipeline = config.pipelines[reference.value] { return pipeline }
        let notes = Suggestion.closest(to: reference.value, among: config.pipelineNames).map { ["did you mean '\($0)'?"] } ?? []
        diagnostics.append(.error("C015", "unknown pipeline '\(reference.value)'", at: reference.location, notes: notes))
        return nil
    }

    private mutating func checkCondition(_ condition: MetricCondition, what: String, config: LoadedConfig) {
        guard let pipeline = checkPipeline(condition.pipeline, config: config) else { return }
        if let phase = condition.phase, pipeline.phase(phase.value) == nil {
            let notes = Suggestion.closest(to: phase.value, among: pipeline.phases.map(\.id.value))
                .map { ["did you mean '\($0)'?"] } ?? []
            diagnostics.append(.error("C015", "\(what) watches phase '\(phase.value)', which is no phase of pipeline '\(pipeline.name.value)'",
                                      at: phase.location, notes: notes))
        }
        checkLatency(condition.threshold, metric: condition.metric, pipeline: pipeline, what: what)
    }

    /// C016 warning: a latency threshold at or above the pipeline deadline can never be crossed.
    private mutating func checkLatency(_ threshold: Threshold, metric: Located<MetricKind>, pipeline: Pipeline, what: String) {
        guard metric.value.unit == .seconds, threshold.direction == .above, threshold.value >= pipeline.deadline.seconds else {
            return
        }
        diagnostics.append(.warning(
            "C016", "\(what): latency threshold \(threshold.value.compact)s is at or above the deadline \(pipeline.deadline) of pipeline '\(pipeline.name.value)', so it can never fire",
            at: metric.location))
    }

    /// C014: warning and critical bands point the same way and critical is stricter.
    private mutating func checkBandOrder(_ bands: SLOBands) {
        guard let warning = bands.warning, let critical = bands.critical else { return }
        let name = bands.metric.value.rawValue
        guard warning.direction == critical.direction else {
            diagnostics.append(.error("C014", "warning and critical bands of \(name) must both be 'above' or both 'below'",
                                      at: bands.metric.location))
            return
        }
        let stricter = warning.direction == .below ? critical.value < warning.value : critical.value > warning.value
        if !stricter {
            diagnostics.append(.error(
                "C014", "critical band of \(name) (\(critical.direction.rawValue) \(critical.value.compact)) must be stricter than its warning band (\(warning.direction.rawValue) \(warning.value.compact))",
                at: bands.metric.location))
        }
    }

    /// C020: notifier names, URL schemes, `url_env` set, command programs runnable.
    mutating func checkNotifiers(_ config: LoadedConfig) {
        var names: [String: Notifier] = [:]
        for notifier in config.alerts.notifiers {
            if let first = names[notifier.name.value] {
                diagnostics.append(.error("C020", "duplicate notifier name '\(notifier.name.value)'", at: notifier.name.location,
                                          notes: ["first defined at \(first.name.location.shortDescription)"]))
            } else {
                names[notifier.name.value] = notifier
            }
            if let url = notifier.url {
                let lower = url.value.lowercased()
                if !(lower.hasPrefix("http://") || lower.hasPrefix("https://")) || URL(string: url.value)?.host == nil {
                    diagnostics.append(.error("C020", "notifier url '\(url.value)' must be an http or https URL", at: url.location))
                }
            }
            if let variable = notifier.urlEnv, (environment[variable.value] ?? "").isEmpty {
                diagnostics.append(.warning(
                    "C020", "\(variable.value) is not set: notifier '\(notifier.name.value)' will be skipped", at: variable.location))
            }
            if let program = notifier.command.first, !isExecutable(program.value, root: config.root) {
                diagnostics.append(.error(
                    "C020", "command '\(program.value)' of notifier '\(notifier.name.value)' does not exist or is not executable",
                    at: program.location))
            }
        }
    }

    /// Whether a program is runnable: paths relative to the config root, bare names on PATH.
    func isExecutable(_ program: String, root: URL?) -> Bool {
        let manager = FileManager.default
        if program.contains("/") {
            let path = program.hasPrefix("/") ? program : (root?.appendingPathComponent(program).path ?? program)
            return manager.isExecutableFile(atPath: path)
        }
        let searchPath = environment["PATH"] ?? "/usr/bin:/bin"
        return searchPath.split(separator: ":").contains { manager.isExecutableFile(atPath: "\($0)/\(program)") }
    }

    /// Alert test files: their rule files exist under the config root.
    mutating func checkAlertTests(_ config: LoadedConfig) {
        guard let root = config.root else { return }
        for file in config.alertTests {
            for ruleFile in file.ruleFiles
            where !FileManager.default.fileExists(atPath: root.appendingPathComponent(ruleFile.value).path) {
                diagnostics.append(.error("C015", "rule file '\(ruleFile.value)' does not exist under the config root",
                                          at: ruleFile.location))
            }
        }
    }
}
