import Foundation
import GRDB
import Testing

@testable import RunnerKit

@Suite("Trends and trigger writes")
struct TriggerAndTrendToolTests {
    var tools: DataTools { ReadToolsTests.tools }

    @Test("get_performance_trends: insufficient data, staleness, INVALID_PERIOD")
    func trends() {
        let none = tools.getPerformanceTrends(["creator_id": "new_creator"])
        #expect(none["insufficient_data"] == true && none["saturation_score"] == 50 && none["data_confidence"] == "low")
        #expect(none["metadata"]?["is_stale"] == true && none["revenue_trend_pct"] == .null)
        let stella = tools.getPerformanceTrends(["creator_id": "stale_stella", "period": "30d"])
        #expect(stella["metadata"]?["data_age_days"] == 24 && stella["metadata"]?["is_stale"] == true)
        let bad = tools.getPerformanceTrends(["creator_id": "alexia", "period": "90d"])
        #expect(bad["error_code"] == "INVALID_PERIOD")
        #expect(bad["error"] == "Invalid period: 90d. Must be one of 7d, 14d, 30d")
        let alexia = tools.getPerformanceTrends(["creator_id": "alexia"])
        #expect(alexia["period"] == "14d" && alexia["metadata"]?["expected_sends"] == 28)
        #expect(tools.getPerformanceTrends(["creator_id": "x y"])["error_code"] == "VALIDATION_ERROR")
    }

    @Test("save_volume_triggers: create, update with ratchet and overwrite warning, audit row")
    func saveTriggers() throws {
        let dir = TempDirectory()
        let tools = DataTools(storage: try StorageFixture.sampleDatabase(dir))
        let empty = tools.saveVolumeTriggers(["creator_id": "alexia", "triggers": []])
        #expect(empty["message"] == "No triggers to save" && empty["triggers_saved"] == 0)
        let r = tools.saveVolumeTriggers([
            "creator_id": "alexia",
            "triggers": [
                ["content_type": "lingerie", "trigger_type": "HIGH_PERFORMER", "adjustment_multiplier": 0.6, "confidence": "low",
                 "metrics_json": ["x": 1]],
                ["content_type": "gym", "trigger_type": "TRENDING_UP", "adjustment_multiplier": 1.1, "metrics_json": ["x": 1]],
            ],
        ])
        #expect(r["success"] == true)
        #expect(r["created_ids"]?.arrayValue?.count == 1 && r["updated_ids"]?.arrayValue?.count == 1)
        #expect(r["overwrite_warnings"]?.arrayValue?.first?["direction_flip"] == true)
        let row = try tools.storage.read { db in
            try Row.fetchOne(
                db, sql: "SELECT confidence, detection_count, adjustment_multiplier FROM volume_triggers WHERE creator_id = ? AND content_type = 'lingerie'",
                arguments: [StorageFixture.id("alexia")])!
        }
        #expect(row["confidence"] == "high")
        #expect(row["detection_count"] == 2)
        #expect(row["adjustment_multiplier"] == 0.6)
        let audits = try tools.storage.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE action = 'triggers.saved'") }
        #expect(audits == 1)
    }

    @Test("save_volume_triggers rejects the whole batch on one bad trigger and refuses read-only runs")
    func rejects() throws {
        let dir = TempDirectory()
        let tools = DataTools(storage: try StorageFixture.sampleDatabase(dir))
        let digest = try SampleDataset.digest(of: tools.storage)
        let bad = tools.saveVolumeTriggers([
            "creator_id": "alexia",
            "triggers": [
                ["content_type": "gym", "trigger_type": "TRENDING_UP", "adjustment_multiplier": 1.1],
                ["content_type": "gym", "trigger_type": "TRENDING_UP", "adjustment_multiplier": 1.1],
                ["content_type": "gym", "trigger_type": "TRENDING_UP", "adjustment_multiplier": 2.5],
            ],
        ])
        #expect(bad["error_code"] == "VALIDATION_ERROR" && bad["triggers_rejected"] == 1 && bad["triggers_valid"] == 2)
        #expect(bad["validation_errors"] == ["trigger[2]: adjustment_multiplier 2.5 outside valid range [0.5, 2.0]"])
        let readOnly = tools.saveVolumeTriggers(
            ["creator_id": "alexia", "triggers": [["content_type": "gym", "trigger_type": "TRENDING_UP", "adjustment_multiplier": 1.1]]],
            context: ToolCallContext(readOnly: true))
        #expect(readOnly["error_code"] == "READ_ONLY_VIOLATION")
        #expect(tools.saveVolumeTriggers(["creator_id": "alexia", "triggers": nil])["error"] == "triggers must be a list")
        #expect(tools.saveVolumeTriggers(["creator_id": "ghost", "triggers": [["content_type": "gym", "trigger_type": "TRENDING_UP", "adjustment_multiplier": 1.1]]])["error_code"] == "CREATOR_NOT_FOUND")
        #expect(try SampleDataset.digest(of: tools.storage) == digest)
    }
}
