import Foundation
import Testing
@testable import RunnerKit

@Suite("runner status JSON")
struct StatusReportTests {
    static let topKeys = ["schema_version", "generated_at", "config", "flags", "rollback", "rollout", "health", "alerts", "last_runs"]
    static let nested: [String: [String]] = [
        "config": ["valid", "errors", "warnings", "applied_config_id", "applied_config_hash", "desired_config_hash"],
        "flags": ["enabled", "shadow", "percentage", "creators", "auto_fallback", "salt_set"],
        "rollback": ["state", "since", "reason", "initiated_by", "trigger", "cooldown_until", "in_cooldown", "epoch_started_at"],
        "rollout": ["desired_phase", "applied_phase", "entered_at", "hours_in_phase", "next_phase", "can_advance", "blockers",
                    "gates", "refused_config", "env_overrides"],
        "alerts": ["firing", "pending"],
    ]
    static let healthKeys = ["status", "insufficient_data", "window", "run_count", "min_samples", "metrics"]
    static let metricKeys = ["value", "samples", "comparison", "warning_threshold", "critical_threshold", "band"]

    func check(_ status: ToolValue) {
        for key in Self.topKeys { #expect(status[key] != nil, "missing \(key)") }
        for (parent, keys) in Self.nested {
            for key in keys { #expect(status[parent]?[key] != nil, "missing \(parent).\(key)") }
        }
        for flag in ["enabled", "shadow", "percentage", "creators", "auto_fallback"] {
            for key in ["value", "source", "origin"] { #expect(status["flags"]?[flag]?[key] != nil, "missing flags.\(flag).\(key)") }
        }
        #expect(status["flags"]?["enabled"]?["configured_value"] != nil)
        #expect(status["flags"]?["enabled"]?["configured_source"] != nil)
        for pipeline in ["v4", "v5"] {
            let health = status["health"]?[pipeline]
            for key in Self.healthKeys { #expect(health?[key] != nil, "missing health.\(pipeline).\(key)") }
            for metric in MetricKind.allCases {
                for key in Self.metricKeys {
                    #expect(health?["metrics"]?[metric.rawValue]?[key] != nil, "missing \(pipeline).\(metric.rawValue).\(key)")
                }
            }
        }
    }

    @Test("every key of operations.md §11 is present on an empty database")
    func emptyDatabase() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        let status = try StatusReport(storage: storage, config: try MonitoringFixture.shippedConfig(), environment: [:])
            .json(at: MonitoringFixture.t0, runs: 10)
        check(status)
        #expect(status["schema_version"] == 1)
        #expect(status["last_runs"] == .array([]))
        #expect(status["health"]?["v5"]?["status"] == "healthy")
        #expect(status["health"]?["v5"]?["insufficient_data"] == true)
        #expect(status["health"]?["v4"]?["status"] == "unknown")
        #expect(status["health"]?["v5"]?["metrics"]?["success_rate"]?["value"] == .null)
        #expect(status["rollback"]?["state"] == "ACTIVE")
        #expect(status["config"]?["applied_config_id"] == .null)
        #expect(status["flags"]?["enabled"]?["source"] == "yaml")
    }

    @Test("status shows runs, firing alerts, env overrides and a rollback overriding enabled")
    func populated() throws {
        let dir = TempDirectory()
        let storage = try MonitoringFixture.database(dir)
        let config = try MonitoringFixture.shippedConfig()
        try storage.insertSyntheticRuns(MonitoringFixture.runs(20, status: { $0 < 5 ? "failed" : "succeeded" }))
        _ = try AlertEvaluator(storage: storage, config: config).evaluateAll(at: MonitoringFixture.t0)
        try storage.setSimulatedRollbackState("DISABLED", at: MonitoringFixture.t0, reason: "r", initiatedBy: "kim", trigger: nil, drainMs: 1)
        let status = try StatusReport(storage: storage, config: config, environment: ["EROS_V5_PERCENTAGE": "25"])
            .json(at: MonitoringFixture.t0, runs: 3)
        check(status)
        #expect(status["last_runs"]?.arrayValue?.count == 3)
        #expect(status["alerts"]?["pending"]?.arrayValue?.compactMap { $0["name"]?.stringValue }.sorted()
                == ["V5_SUCCESS_CRITICAL", "V5_SUCCESS_LOW"])
        #expect(status["flags"]?["enabled"]?["value"] == false)
        #expect(status["flags"]?["enabled"]?["source"] == "rollback")
        #expect(status["flags"]?["percentage"]?["value"] == 25)
        #expect(status["flags"]?["percentage"]?["origin"] == "EROS_V5_PERCENTAGE")
        #expect(status["rollout"]?["env_overrides"] == ["EROS_V5_PERCENTAGE"])
        #expect(status["health"]?["v5"]?["status"] == "unhealthy")
    }
}
