import Foundation
import Testing

@testable import RunnerKit

@Suite("ToolValue encoding without a JSON round trip")
struct ToolValueEncoderTests {
    /// The reference: what JSONEncoder produces, read back as a ToolValue.
    static func viaJSON(_ value: some Encodable) throws -> ToolValue {
        try JSONDecoder().decode(ToolValue.self, from: JSONEncoder().encode(value))
    }

    struct Sample: Encodable {
        var name = "x"
        var count: Int? = 3
        var missing: Int? = nil
        var ratio = 0.1
        var small: Float = 0.1
        var flags = [true, false]
        var nested: [String: [Int8]] = ["a": [1, -2], "b": []]
        var bytes = Data([0, 255, 7])
        var link = URL(string: "https://example.com/a?b=1")!
        var big: UInt64 = 1 << 40
        var value: ToolValue = ["k": [1, "two", nil]]
        var empty: [String: String] = [:]

        enum CodingKeys: String, CodingKey {
            case name, count, missing, ratio, small, flags, nested, bytes, link, big, value, empty, explicitNull
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encodeIfPresent(count, forKey: .count)
            try c.encodeIfPresent(missing, forKey: .missing)
            try c.encode(missing, forKey: .explicitNull)
            try c.encode(ratio, forKey: .ratio)
            try c.encode(small, forKey: .small)
            try c.encode(flags, forKey: .flags)
            try c.encode(nested, forKey: .nested)
            try c.encode(bytes, forKey: .bytes)
            try c.encode(link, forKey: .link)
            try c.encode(big, forKey: .big)
            try c.encode(value, forKey: .value)
            try c.encode(empty, forKey: .empty)
        }
    }

    @Test("scalars, optionals, nested containers and the special types match JSONEncoder")
    func matchesJSON() throws {
        let sample = Sample()
        #expect(try ToolValue.encode(sample) == Self.viaJSON(sample))
        #expect(try ToolValue.encode(sample).objectValue?["missing"] == nil)
        #expect(try ToolValue.encode(sample).objectValue?["explicit_null"] == nil)
        #expect(try ToolValue.encode(sample).objectValue?["explicitNull"] == .null)
        #expect(try ToolValue.encode([1, 2, 3]) == .array([1, 2, 3]))
        #expect(try ToolValue.encode("text") == .string("text"))
        #expect(try ToolValue.encode(Optional<Int>.none) == .null)
    }

    @Test("a schedule and its certificate encode as they did through JSON")
    func scheduleMatches() throws {
        let context = try SchedulingFixtures.context("alexia")
        let schedule = try BuiltinGenerator.generate(context)
        let result = BuiltinValidator.validate(schedule, context: context, now: Date(timeIntervalSince1970: 1_767_614_400))
        #expect(try ToolValue.encode(schedule.savedList) == Self.viaJSON(schedule.savedList))
        #expect(try .array(schedule.savedList.map { try $0.toolValue() }) == Self.viaJSON(schedule.savedList))
        var odd = schedule.savedList[0]
        (odd.captionId, odd.price, odd.delayMinutes) = (nil, nil, 30)
        #expect(try odd.toolValue() == Self.viaJSON(odd))
        #expect(try ToolValue.encode(result.certificate) == Self.viaJSON(result.certificate))
        #expect(try ToolValue.encode(context) == Self.viaJSON(context))
    }

    @Test("non-finite numbers are refused like JSONEncoder refuses them")
    func nonFinite() {
        #expect(throws: EncodingError.self) { try ToolValue.encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try ToolValue.encode(["x": Double.infinity]) }
    }
}
