import Foundation
import Testing

@testable import RunnerKit

@Suite("ToolValue JSON")
struct ToolValueTests {
    @Test("numbers stay numbers and booleans stay booleans when parsed")
    func parseKinds() {
        let v = ToolValue.parse(#"{"a": 1, "b": true, "c": 1.5, "d": null, "e": [0, false], "f": "x"}"#)
        #expect(v?["a"] == .number(1))
        #expect(v?["b"] == .bool(true))
        #expect(v?["c"] == .number(1.5))
        #expect(v?["d"] == .null)
        #expect(v?["e"] == .array([.number(0), .bool(false)]))
        #expect(ToolValue.parse("{bad") == nil)
    }

    @Test("canonical JSON sorts keys, drops whitespace and prints shortest numbers")
    func canonical() {
        let v: ToolValue = ["b": [1, 2.5, "x\"y"], "a": nil, "c": ["z": true]]
        #expect(v.canonicalJSON() == #"{"a":null,"b":[1,2.5,"x\"y"],"c":{"z":true}}"#)
        #expect(ToolValue.number(15).canonicalJSON() == "15")
        #expect(ToolValue.number(0.1).canonicalJSON() == "0.1")
    }

    @Test("the creator id rule", arguments: [
        ("alexia", nil), (" jade-lee ", nil), ("", "creator_id cannot be empty"), ("a", "creator_id length must be 2-100 chars, got 1"),
        ("maya@hill", "creator_id contains invalid characters: @"), ("héllo", "creator_id contains invalid characters: é"),
    ] as [(String, String?)])
    func creatorIDRule(input: String, message: String?) {
        switch CreatorIDRule.check(input) {
        case .success(let id): #expect(message == nil && id == input.trimmingCharacters(in: .whitespaces))
        case .failure(let e): #expect(e.message == message)
        }
    }
}
