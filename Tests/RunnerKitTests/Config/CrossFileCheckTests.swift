import Foundation
import Testing

@testable import RunnerKit

/// Checks that need two files or the file system, on in-memory sources.
@Suite("Cross-file checks")
struct CrossFileCheckTests {
    static let pipeline = """
        version: 1
        kind: pipeline
        name: fx
        phases:
          - id: context
            uses: preflight
          - id: build
            uses: agent
            needs: [context]
            with: { agent: external }
          - id: check
            uses: validate_schedule
            needs: [build]
          - id: save
            uses: save_schedule
            needs: [check]
        """

    func load(_ files: [String: String], environment: [String: String] = [:], root: URL? = nil) -> LoadedConfig {
        ConfigLoader.load(
            sources: files.map { ConfigSource(path: $0.key, text: $0.value) }, environment: environment, root: root)
    }

    func rules(_ config: LoadedConfig) -> [String] { config.diagnostics.map(\.rule) }

    @Test("a command using {model} in a phase without with.model is C012")
    func modelPlaceholder() {
        let agents = """
            version: 1
            kind: agents
            agents:
              external: { role: generator, backend: command, command: [tool, --model, "{model}"] }
            """
        let config = load(["pipelines/fx.yaml": Self.pipeline, "pipelines/agents.yaml": agents])
        #expect(rules(config) == ["C012"])
        #expect(config.diagnostics.first?.location.line == 10)
        #expect(config.agents["external"]?.usesModelPlaceholder == true)
    }

    @Test("a prompt file missing under the config root is C012")
    func missingPrompt() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("eros-prompt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let agents = """
            version: 1
            kind: agents
            agents:
              external: { role: generator, backend: builtin, prompt: prompts/missing.md }
            """
        let config = load(["pipelines/fx.yaml": Self.pipeline, "pipelines/agents.yaml": agents], root: root)
        #expect(rules(config) == ["C012"])
        #expect(config.diagnostics.first?.location == SourceLocation(file: "pipelines/agents.yaml", line: 4, column: 58))
    }

    @Test("notifiers: unset url_env warns, a missing program and a duplicate name are errors")
    func notifiers() {
        let alerts = """
            version: 1
            kind: alerts
            notifiers:
              - { name: hook, type: webhook, url_env: EROS_TEST_UNSET_HOOK }
              - { name: hook, type: command, command: [/nonexistent/pager] }
            """
        let config = load(["alerts/fx.yaml": alerts])
        #expect(config.diagnostics.map { "\($0.rule) \($0.severity.rawValue) \($0.location.line ?? 0)" } == [
            "C020 warning 4", "C020 error 5", "C020 error 5",
        ])
    }

    @Test("slo bands must point the same way with critical stricter; pipelines must exist")
    func sloBands() {
        let slo = """
            version: 1
            kind: slo
            pipeline: fx
            metrics:
              success_rate: { warning: { below: 0.90 }, critical: { below: 0.95 } }
              p95_latency: { warning: { above: 90s }, critical: { below: 10s } }
            """
        let config = load(["pipelines/fx.yaml": Self.pipeline.replacingOccurrences(of: "external", with: "gen"),
                           "pipelines/agents.yaml": "version: 1\nkind: agents\nagents:\n  gen: { role: generator }\n",
                           "alerts/slo.yaml": slo])
        #expect(rules(config) == ["C014", "C014"])
        let orphan = load(["alerts/slo.yaml": slo.replacingOccurrences(of: "pipeline: fx", with: "pipeline: v9")])
        #expect(rules(orphan).contains("C015"))
    }

    @Test("rollback triggers: duplicate names, window below min_samples, unknown phase")
    func rollbackTriggers() {
        let rollback = """
            version: 1
            kind: rollback
            pipeline: fx
            triggers:
              - { name: slow, metric: phase_p95_latency, phase: buidl, above: 30s, window: 20 runs }
              - { name: slow, metric: success_rate, below: 0.5, window: 5 runs }
            """
        let config = load(["pipelines/fx.yaml": Self.pipeline.replacingOccurrences(of: "external", with: "gen"),
                           "pipelines/agents.yaml": "version: 1\nkind: agents\nagents:\n  gen: { role: generator }\n",
                           "alerts/rollback.yaml": rollback])
        #expect(Set(rules(config)) == ["C006", "C014", "C015"])
        #expect(config.diagnostics.first { $0.rule == "C015" }?.notes == ["did you mean 'build'?"])
    }

    @Test("a plan whose next phase drops an allowlisted creator below its bucket warns (C017)")
    func planOrder() throws {
        let rollout = try String(
            contentsOf: ConfigFixture.repositoryRoot.appendingPathComponent("pipelines/rollout.yaml"), encoding: .utf8)
        let edited = rollout.replacingOccurrences(
            of: "flags: { enabled: true, percentage: 25, creators: [alexia, grace_bennett, luna_free] }",
            with: "flags: { enabled: true, percentage: 25 }")
        var files: [String: String] = ["pipelines/rollout.yaml": edited]
        for name in ["pipelines/v4.yaml", "pipelines/v5.yaml", "pipelines/agents.yaml", "alerts/slo.yaml"] {
            files[name] = try String(contentsOf: ConfigFixture.repositoryRoot.appendingPathComponent(name), encoding: .utf8)
        }
        let config = load(files)
        #expect(rules(config) == ["C017"])
        #expect(config.diagnostics.first?.message.contains("alexia, grace_bennett, luna_free") == true)
        #expect(ConfigValidator.bucket(of: "alexia", salt: "") == 49)
        #expect(ConfigValidator.bucket(of: "alexia", salt: "eros-v5") == 86)
    }
}
