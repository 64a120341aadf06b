import Foundation
import Testing

@testable import RunnerKit

@Suite("Agent protocol: response schemas name where they broke")
struct AgentProtocolSchemaTests {
    static let generatorCases: [(String, String)] = [
        (#"[1, 2]"#, "at $: must be an object, found a list of 2"),
        (#"{"followups": []}"#, "at $: missing required key 'items'"),
        (#"{"items": []}"#, "at $: missing required key 'followups'"),
        (#"{"items": {}, "followups": []}"#, "at $.items: must be a list, found an object"),
        (#"{"items": [3], "followups": []}"#, "at $.items[0]: must be an object, found 3"),
        (#"{"items": [{"caption_id": 1.5}], "followups": []}"#, "at $.items[0].caption_id: must be an integer or null, found 1.5"),
        (#"{"items": [{"flyer_required": 2}], "followups": []}"#, "at $.items[0].flyer_required: must be 0, 1, true, false or null, found 2"),
        (#"{"items": [], "followups": [{"parent_item_index": "0"}]}"#, "at $.followups[0].parent_item_index: must be an integer or null, found string \"0\""),
        (#"{"items": [], "followups": [], "warnings": "none"}"#, "at $.warnings: must be a list, found string \"none\""),
        (#"{"items": [], "followups": [], "creator_id": "c2"}"#, "at $.creator_id: must equal the request's string \"c1\", found string \"c2\""),
        (#"{"items": [], "followups": [], "week_start": "2026-01-12"}"#, "at $.week_start: must equal the request's string \"2026-01-05\""),
        (#"{"items": [], "followups": [], "timezone": "UTC"}"#, "at $.timezone: must equal the request's string \"America/New_York\""),
    ]

    @Test("a generator answer of the wrong shape fails with its JSON path", arguments: generatorCases)
    func generatorSchema(_ json: String, _ fragment: String) {
        let schema = AgentProtocolSchema(request: AgentFixtures.request())
        do {
            _ = try schema.response(fromStdout: Array(json.utf8))
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.errorCode == .agentOutputInvalid)
            #expect(error.description.contains(fragment), "\(error.description)")
        }
    }

    static let validatorCases: [(String, String)] = [
        (#"{"quality_score": 80, "violations": [], "recommendations": []}"#, "at $: missing required key 'validation_status'"),
        (#"{"validation_status": "OK", "quality_score": 80, "violations": [], "recommendations": []}"#, "at $.validation_status: must be APPROVED, NEEDS_REVIEW or REJECTED, found string \"OK\""),
        (#"{"validation_status": "APPROVED", "quality_score": 150, "violations": [], "recommendations": []}"#, "at $.quality_score: must be a number in [0, 100], found 150"),
        (#"{"validation_status": "APPROVED", "quality_score": 80, "violations": [{"code": "X"}], "recommendations": []}"#, "at $.violations[0]: missing required key 'message'"),
        (#"{"validation_status": "APPROVED", "quality_score": 80, "violations": [{"code": "X", "message": "m", "item_index": 2}], "recommendations": []}"#, "at $.violations[0].item_index: 2 is not an index into the 2 items and follow-ups judged"),
        (#"{"validation_status": "APPROVED", "quality_score": 80, "violations": [], "recommendations": [1]}"#, "at $.recommendations[0]: must be a string, found 1"),
        (#"{"validation_status": "APPROVED", "quality_score": 80, "violations": []}"#, "at $: missing required key 'recommendations'"),
    ]

    @Test("a validator answer of the wrong shape fails with its JSON path", arguments: validatorCases)
    func validatorSchema(_ json: String, _ fragment: String) {
        let request = AgentFixtures.request(role: .validator, schedule: ["items": [[:]], "followups": [[:]]])
        do {
            _ = try AgentProtocolSchema(request: request).response(fromStdout: Array(json.utf8))
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.errorCode == .agentOutputInvalid)
            #expect(error.description.contains(fragment), "\(error.description)")
        }
    }

    @Test("empty output and text around JSON are not JSON", arguments: ["", "  \n", "{\"items\":[]} trailing"])
    func notJSON(_ text: String) {
        #expect(throws: AgentProtocolError.self) {
            try AgentProtocolSchema(request: AgentFixtures.request()).response(fromStdout: Array(text.utf8))
        }
    }

    @Test("a complete generator answer passes, with 0/1 and booleans as flyer flags")
    func validGenerator() throws {
        let json = #"{"creator_id":"c1","week_start":"2026-01-05","timezone":"America/New_York","items":[{"send_type_key":"ppv_unlock","flyer_required":1,"price":12.5,"caption_id":4},{"flyer_required":false,"price":null}],"followups":[],"warnings":[{"code":"VOLUME_CAPPED"}]}"#
        let response = try AgentProtocolSchema(request: AgentFixtures.request()).response(fromStdout: Array(json.utf8))
        #expect(response.schedule?["items"]?.arrayValue?.count == 2)
    }
}
