import Testing

@testable import RunnerKit

@Suite("Strict EROS_V5_* environment parsing")
struct FlagEnvironmentTests {
    @Test(
        "booleans accept exactly true/false/1/0/yes/no in any case, trimmed",
        arguments: [
            ("true", true), ("FALSE", false), ("1", true), ("0", false), ("Yes", true), (" no ", false),
        ])
    func acceptedBooleans(_ raw: String, _ expected: Bool) throws {
        let env = try FlagEnvironment.parse(["EROS_V5_ENABLED": raw], candidate: "v5")
        #expect(env.enabled == expected)
    }

    @Test("anything else is a boolean error naming the variable, the value and the accepted forms",
        arguments: ["", "on", "off", "ture", "2", "y"])
    func rejectedBooleans(_ raw: String) {
        #expect(throws: FlagEnvironmentErrors(errors: [.notBoolean(variable: "EROS_V5_SHADOW_MODE", value: raw)])) {
            try FlagEnvironment.parse(["EROS_V5_SHADOW_MODE": raw], candidate: "v5")
        }
        let error = FlagEnvironmentError.notBoolean(variable: "EROS_V5_ENABLED", value: "ture")
        #expect(
            error.description
                == #"EROS_V5_ENABLED="ture" is not a boolean (accepted: true, false, 1, 0, yes, no)"#)
        #expect(error.diagnostic.location.file == "env:EROS_V5_ENABLED")
        #expect(error.diagnostic.rule == "C018")
    }

    @Test("percentage accepts decimal digits 0 to 100", arguments: [("0", 0), ("25", 25), (" 100 ", 100), ("007", 7)])
    func acceptedPercentages(_ raw: String, _ expected: Int) throws {
        #expect(try FlagEnvironment.parse(["EROS_V5_PERCENTAGE": raw], candidate: "v5").percentage == expected)
    }

    @Test("percentage rejects signs, fractions, units, out-of-range and empty values",
        arguments: ["25%", "25.5", "-1", "101", "", "+5", "1000", "99999999999999999999999"])
    func rejectedPercentages(_ raw: String) {
        #expect(throws: FlagEnvironmentErrors(errors: [.notPercentage(variable: "EROS_V5_PERCENTAGE", value: raw)])) {
            try FlagEnvironment.parse(["EROS_V5_PERCENTAGE": raw], candidate: "v5")
        }
    }

    @Test("creators are comma-split and trimmed, empty parts dropped, duplicates warned")
    func creatorsList() throws {
        let env = try FlagEnvironment.parse(["EROS_V5_CREATORS": " alexia, ,luna_free,alexia "], candidate: "v5")
        #expect(env.creators == ["alexia", "luna_free"])
        #expect(env.warnings == [.duplicateCreators(variable: "EROS_V5_CREATORS", names: ["alexia"])])
    }

    @Test("an empty creators value is an explicitly empty allowlist")
    func emptyCreators() throws {
        #expect(try FlagEnvironment.parse(["EROS_V5_CREATORS": ""], candidate: "v5").creators == [])
    }

    @Test("every invalid variable is reported at once and the names follow the candidate")
    func allErrorsAtOnce() {
        do {
            _ = try FlagEnvironment.parse(
                ["EROS_V6_ENABLED": "on", "EROS_V6_PERCENTAGE": "x", "EROS_V5_ENABLED": "on"], candidate: "v6")
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.variable) == ["EROS_V6_ENABLED", "EROS_V6_PERCENTAGE"])
        }
    }

    @Test("unset variables leave every override nil")
    func nothingSet() throws {
        let env = try FlagEnvironment.parse(["PATH": "/bin"], candidate: "v5")
        #expect(env.enabled == nil && env.shadow == nil && env.percentage == nil)
        #expect(env.creators == nil && env.autoFallback == nil)
    }
}
