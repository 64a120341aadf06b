import Foundation

/// The `EROS_<CANDIDATE>_*` overrides of one process, strictly parsed (operations.md §2.3).
public struct FlagEnvironment: Sendable, Hashable {
    /// The candidate pipeline name the variables are named after (`v5`).
    public let candidate: String
    /// `EROS_<C>_ENABLED`, when set and valid.
    public var enabled: Bool?
    /// `EROS_<C>_SHADOW_MODE`, when set and valid.
    public var shadow: Bool?
    /// `EROS_<C>_PERCENTAGE`, when set and valid.
    public var percentage: Int?
    /// `EROS_<C>_CREATORS`, when set (an empty value is an explicitly empty allowlist).
    public var creators: [String]?
    /// `EROS_<C>_AUTO_FALLBACK`, when set and valid.
    public var autoFallback: Bool?
    /// Findings that do not stop anything (duplicates in the creators list).
    public var warnings: [FlagEnvironmentWarning] = []

    /// The variable prefix, `EROS_` plus the upper-cased candidate name and `_`.
    public var prefix: String { FlagEnvironment.prefix(candidate: candidate) }

    /// The variable name for one flag suffix (`ENABLED`, `SHADOW_MODE`, ...).
    public func variable(_ suffix: String) -> String { prefix + suffix }

    /// The prefix of the variables for `candidate`.
    public static func prefix(candidate: String) -> String {
        let upper = candidate.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return "EROS_\(String(upper))_"
    }

    /// No overrides.
    public init(candidate: String) { self.candidate = candidate }

    /// Parses the overrides from an environment; throws every invalid variable at once.
    public static func parse(_ environment: [String: String], candidate: String) throws(FlagEnvironmentErrors)
        -> FlagEnvironment
    {
        var result = FlagEnvironment(candidate: candidate)
        var errors: [FlagEnvironmentError] = []
        func read(_ suffix: String) -> (name: String, raw: String)? {
            let name = result.variable(suffix)
            return environment[name].map { (name, $0) }
        }
        if let (name, raw) = read("ENABLED") {
            do { result.enabled = try parseBoolean(raw, variable: name) } catch { errors.append(error) }
        }
        if let (name, raw) = read("SHADOW_MODE") {
            do { result.shadow = try parseBoolean(raw, variable: name) } catch { errors.append(error) }
        }
        if let (name, raw) = read("AUTO_FALLBACK") {
            do { result.autoFallback = try parseBoolean(raw, variable: name) } catch { errors.append(error) }
        }
        if let (name, raw) = read("PERCENTAGE") {
            do { result.percentage = try parsePercentage(raw, variable: name) } catch { errors.append(error) }
        }
        if let (name, raw) = read("CREATORS") {
            let (list, duplicates) = parseCreators(raw)
            result.creators = list
            if !duplicates.isEmpty {
                result.warnings.append(.duplicateCreators(variable: name, names: duplicates))
            }
        }
        guard errors.isEmpty else { throw FlagEnvironmentErrors(errors: errors) }
        return result
    }

    /// Names of every `EROS_<C>_*` variable present in `environment`, sorted.
    public static func presentVariables(_ environment: [String: String], candidate: String) -> [String] {
        let prefix = prefix(candidate: candidate)
        return environment.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// Strict boolean: true, false, 1, 0, yes, no, case-insensitively, after trimming.
    public static func parseBoolean(_ raw: String, variable: String) throws(FlagEnvironmentError) -> Bool {
        switch raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .notBoolean(variable: variable, value: raw)
        }
    }

    /// Strict percentage: decimal digits only, 0 to 100, after trimming.
    public static func parsePercentage(_ raw: String, variable: String) throws(FlagEnvironmentError) -> Int {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...3).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(text), (0...100).contains(value)
        else { throw .notPercentage(variable: variable, value: raw) }
        return value
    }

    /// Comma-split, trimmed, empty parts dropped; duplicates kept once and reported.
    public static func parseCreators(_ raw: String) -> (list: [String], duplicates: [String]) {
        var list: [String] = []
        var duplicates: [String] = []
        for part in raw.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { continue }
            if list.contains(name) {
                if !duplicates.contains(name) { duplicates.append(name) }
            } else {
                list.append(name)
            }
        }
        return (list, duplicates)
    }
}

extension FlagEnvironment {
    /// For commands that report and carry on: every valid variable applies, invalid ones are
    /// returned as errors and ignored.
    public static func parseLeniently(_ environment: [String: String], candidate: String)
        -> (environment: FlagEnvironment, errors: [FlagEnvironmentError])
    {
        do {
            return (try parse(environment, candidate: candidate), [])
        } catch {
            let bad = Set(error.errors.map(\.variable))
            let valid = environment.filter { !bad.contains($0.key) }
            return ((try? parse(valid, candidate: candidate)) ?? FlagEnvironment(candidate: candidate), error.errors)
        }
    }
}
