import Testing

@testable import RunnerKit

@Suite("Durations, windows and if expressions")
struct ValueParsingTests {
    @Test("durations parse with chained units", arguments: [
        ("250ms", 250), ("90s", 90_000), ("5m", 300_000), ("1h30m", 5_400_000), ("2d", 172_800_000), ("1m30s500ms", 90_500),
    ])
    func durations(text: String, milliseconds: Int64) {
        #expect(ConfigDuration.parse(text)?.milliseconds == milliseconds)
    }

    @Test("bare numbers and malformed durations are refused", arguments: ["90", "", "s", "1.5s", "5 m", "-5s", "1x", "m5"])
    func badDurations(text: String) {
        #expect(ConfigDuration.parse(text) == nil)
    }

    @Test("windows are N runs or a duration")
    func windows() {
        #expect(MetricWindow.parse("20 runs") == .runs(20))
        #expect(MetricWindow.parse("15m") == .duration(.minutes(15)))
        #expect(MetricWindow.parse("0 runs") == nil)
        #expect(MetricWindow.parse("20") == nil)
    }

    @Test("and binds tighter than or")
    func precedence() throws {
        let expression = try IfExpressionParser.parse("a.x == 1 or b.y == 2 and c.z == 3")
        guard case .or(let operands) = expression else {
            Issue.record("expected an or at the top")
            return
        }
        #expect(operands.count == 2)
        if case .and = operands[1] {} else { Issue.record("expected and on the right") }
    }

    @Test("expressions evaluate against phase fields", arguments: [
        ("v.status in [APPROVED, NEEDS_REVIEW]", true),
        ("v.status not in [APPROVED]", true),
        ("v.quality_score >= 80 and v.status == NEEDS_REVIEW", true),
        ("v.quality_score < 80 or (v.status == \"APPROVED\")", false),
        ("v.unknown == 1", false),
        ("v.violations in [VAULT_VIOLATION]", true),
    ])
    func evaluation(source: String, expected: Bool) throws {
        let expression = try IfExpressionParser.parse(source)
        let fields: [String: ExpressionValue] = [
            "status": .text("NEEDS_REVIEW"), "quality_score": .number(82.5),
            "violations": .list([.text("VAULT_VIOLATION")]),
        ]
        #expect(expression.evaluate { phase, field in phase == "v" ? fields[field] : nil } == expected)
    }

    @Test("syntax errors name the offending position", arguments: [
        ("v.status in APPROVED", 0), ("v.status == [A]", 0), ("v.status =< 3", 9), ("(v.a == 1", 9), ("v == 1", 2),
    ])
    func syntaxErrors(source: String, offset: Int) {
        #expect(throws: IfExpressionParser.SyntaxError.self) { try IfExpressionParser.parse(source) }
        do {
            _ = try IfExpressionParser.parse(source)
        } catch {
            #expect(error.offset == offset)
        }
    }

    @Test("environment flags are parsed strictly", arguments: [
        ("EROS_V5_ENABLED", "ture", true), ("EROS_V5_ENABLED", " YES ", false), ("EROS_V5_PERCENTAGE", "25%", true),
        ("EROS_V5_PERCENTAGE", "101", true), ("EROS_V5_PERCENTAGE", "100", false), ("EROS_V5_CREATORS", "alexia, zoë", true),
        ("EROS_V5_CREATORS", "", false), ("EROS_NOW", "2026-01-19T09:00:00Z", false), ("EROS_NOW", "yesterday", true),
        ("EROS_NOW", "2026-01-19T09:00:00+02:00", true), ("EROS_LOG_LEVEL", "loud", true),
    ])
    func environment(name: String, value: String, isError: Bool) {
        let findings = EnvironmentCheck.check([name: value], rollout: nil)
        #expect(findings.contains { $0.severity == .error } == isError)
        #expect(findings.allSatisfy { $0.location.file == "env:\(name)" && $0.location.line == nil })
    }
}

@Suite("Environment overrides against the rollout file")
struct EnvironmentExposureTests {
    @Test("an override that raises exposure over the desired phase is a second warning")
    func exposureWarning() throws {
        let config = try ConfigLoader.load(root: ConfigFixture.repositoryRoot, environment: ["EROS_V5_PERCENTAGE": "50"])
        let messages = config.diagnostics.filter { $0.location.file == "env:EROS_V5_PERCENTAGE" }.map(\.message)
        #expect(messages.count == 2)
        #expect(messages.contains { $0.contains("more traffic than the desired phase 'canary'") })
        #expect(config.errorCount == 0)
    }

    @Test("an override that lowers exposure only warns that it is per process")
    func loweringOverride() throws {
        let config = try ConfigLoader.load(root: ConfigFixture.repositoryRoot, environment: ["EROS_V5_ENABLED": "false"])
        #expect(config.diagnostics.map(\.rule) == ["C018"])
        #expect(config.diagnostics.first?.severity == .warning)
    }
}
