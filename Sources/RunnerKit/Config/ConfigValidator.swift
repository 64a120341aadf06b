import Crypto
import Foundation

/// The checks that look across files and at the environment (config.md §9, operations.md §13).
///
/// Runs after every file is decoded; never opens a database, so the `db:` checks are not here.
struct ConfigValidator {
    let collector: ConfigCollector
    let environment: [String: String]
    var diagnostics: [Diagnostic] = []

    init(collector: ConfigCollector, environment: [String: String]) {
        self.collector = collector
        self.environment = environment
        self.diagnostics = collector.diagnostics
    }

    /// Builds the graphs and appends every cross-file finding to `config.diagnostics`.
    func validate(_ config: inout LoadedConfig) {
        var copy = self
        for name in config.pipelineNames {
            guard let pipeline = config.pipelines[name] else { continue }
            let graph = PipelineDAG.build(
                pipeline: pipeline, agents: config.agents, brokenPhaseIds: collector.brokenPhaseIds[name] ?? [],
                suspectPhaseIds: collector.suspectPhaseIds[name] ?? [])
            copy.diagnostics.append(contentsOf: graph.diagnostics)
            config.graphs[name] = graph
            copy.checkAgentReferences(pipeline, config: config)
        }
        copy.checkAgentFiles(config)
        copy.checkRollout(config)
        copy.checkMonitoring(config)
        copy.checkNotifiers(config)
        copy.checkAlertTests(config)
        copy.diagnostics.append(contentsOf: EnvironmentCheck.check(environment, rollout: config.rollout))
        config.diagnostics.append(contentsOf: copy.diagnostics)
    }

    /// C012: agent names, `{model}` without `with.model`.
    mutating func checkAgentReferences(_ pipeline: Pipeline, config: LoadedConfig) {
        let names = config.agents.agents.map(\.name.value)
        for phase in pipeline.phases where phase.uses.value == .agent {
            guard let reference = phase.with.agent else { continue }
            guard let agent = config.agents[reference.value] else {
                let notes = Suggestion.closest(to: reference.value, among: names).map { ["did you mean '\($0)'?"] } ?? []
                diagnostics.append(.error(
                    "C012", "phase '\(phase.id.value)' uses agent '\(reference.value)', which no agents file declares",
                    at: reference.location, notes: notes))
                continue
            }
            if agent.usesModelPlaceholder, phase.with.model == nil {
                diagnostics.append(.error(
                    "C012", "agent '\(agent.name.value)' passes {model} in its command, but phase '\(phase.id.value)' sets no with.model",
                    at: reference.location))
            }
        }
    }

    /// C012: prompt files exist under the config root.
    mutating func checkAgentFiles(_ config: LoadedConfig) {
        guard let root = config.root else { return }
        for agent in config.agents.agents {
            guard let prompt = agent.prompt else { continue }
            let url = root.appendingPathComponent(prompt.value)
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) || isDirectory.boolValue {
                diagnostics.append(.error(
                    "C012", "prompt file '\(prompt.value)' of agent '\(agent.name.value)' does not exist under the config root",
                    at: prompt.location))
            }
        }
    }

    /// C013 and C017: the rollout file against the pipelines and itself.
    mutating func checkRollout(_ config: LoadedConfig) {
        guard let rollout = config.rollout else { return }
        let pipelines = config.pipelineNames
        for reference in [rollout.control, rollout.candidate] where config.pipelines[reference.value] == nil {
            let notes = Suggestion.closest(to: reference.value, among: pipelines).map { ["did you mean '\($0)'?"] } ?? []
            diagnostics.append(.error("C013", "rollout names pipeline '\(reference.value)', which is not loaded",
                                      at: reference.location, notes: notes))
        }
        if rollout.control.value == rollout.candidate.value {
            diagnostics.append(.error("C013", "control and candidate are the same pipeline '\(rollout.control.value)'",
                                      at: rollout.candidate.location))
        }
        var seen: [String: RolloutPhase] = [:]
        for phase in rollout.phases {
            if let first = seen[phase.name.value] {
                diagnostics.append(.error("C006", "duplicate rollout phase name '\(phase.name.value)'", at: phase.name.location,
                                          notes: ["first defined at \(first.name.location.shortDescription)"]))
            } else {
                seen[phase.name.value] = phase
            }
            if phase.gates.hasShadowGates, !phase.flags.shadow {
                diagnostics.append(.error(
                    "C017", "rollout phase '\(phase.name.value)' sets shadow gates but is not a shadow phase (flags.shadow: true)",
                    at: phase.location))
            }
        }
        if rollout.phase(named: rollout.desiredPhase.value) == nil {
            let names = rollout.phases.map(\.name.value)
            let notes = Suggestion.closest(to: rollout.desiredPhase.value, among: names).map { ["did you mean '\($0)'?"] } ?? []
            diagnostics.append(.error("C013", "desired phase '\(rollout.desiredPhase.value)' is not a phase of the plan",
                                      at: rollout.desiredPhase.location, notes: notes))
        }
        checkPlanOrder(rollout)
    }

    /// C017 warning: advancing from one plan phase to the next moves some creator back to control.
    mutating func checkPlanOrder(_ rollout: RolloutConfig) {
        for (current, next) in zip(rollout.phases, rollout.phases.dropFirst()) {
            let from = current.flags, to = next.flags
            guard from.enabled, !from.shadow, to.enabled, !to.shadow else { continue }
            var movedBack: [String] = []
            for creator in from.creators where !to.creators.contains(creator) && NamePattern.isValidPageName(creator) {
                if Self.bucket(of: creator, salt: rollout.bucketingSalt) >= to.percentage { movedBack.append(creator) }
            }
            if to.percentage < from.percentage {
                diagnostics.append(.warning(
                    "C017", "advancing from '\(current.name.value)' to '\(next.name.value)' lowers the percentage from \(from.percentage) to \(to.percentage), moving creators back to control",
                    at: next.location))
            } else if !movedBack.isEmpty {
                diagnostics.append(.warning(
                    "C017", "advancing from '\(current.name.value)' to '\(next.name.value)' moves \(movedBack.joined(separator: ", ")) back to control (no longer allowlisted, bucket not below \(to.percentage))",
                    at: next.location))
            }
        }
    }

    /// The routing bucket of a page name (operations.md §3.2): MD5, first 4 bytes big-endian, mod 100.
    static func bucket(of routingKey: String, salt: String) -> Int {
        let input = salt.isEmpty ? routingKey : salt + ":" + routingKey
        let digest = Array(Insecure.MD5.hash(data: Data(input.utf8)))
        let value = UInt32(digest[0]) << 24 | UInt32(digest[1]) << 16 | UInt32(digest[2]) << 8 | UInt32(digest[3])
        return Int(value % 100)
    }
}
