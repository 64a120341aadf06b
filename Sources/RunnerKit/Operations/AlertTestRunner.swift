import Foundation

/// The outcome of one alert unit test.
public struct AlertTestResult: Sendable, Hashable {
    /// The test file (as shown).
    public var file: String
    /// The test name.
    public var name: String
    /// Whether every expectation held.
    public var passed: Bool
    /// One line per failed expectation: `at 25m: expected firing [A, B], got [A]`.
    public var failures: [String]
}

/// Runs `runner test alerts FILE...` (operations.md §7.6): each test on a simulated clock and a
/// throwaway database of its own; never the project database, never a notifier.
public struct AlertTestRunner: Sendable {
    /// The config root rule files are relative to.
    public var root: URL

    /// Creates a runner.
    public init(root: URL) { self.root = root }

    /// Loads every file; throws when one cannot be read (exit 2). Invalid files come back with
    /// their errors (exit 3, no test runs).
    public func load(_ files: [URL]) throws(AlertTestError) -> [LoadedAlertTestFile] {
        var loaded: [LoadedAlertTestFile] = []
        for url in files { loaded.append(try AlertTestLoader.load(testFile: url, root: root)) }
        return loaded
    }

    /// Runs the tests whose name matches `filter` (all when nil); files must be error-free.
    public func run(_ files: [LoadedAlertTestFile], filter: String? = nil) throws -> [AlertTestResult] {
        let regex = try filter.map { try NSRegularExpression(pattern: $0) }
        var results: [AlertTestResult] = []
        for loaded in files {
            guard let file = loaded.file else { continue }
            for test in file.tests {
                let name = test.name.value
                if let regex, regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) == nil { continue }
                let failures = try runOne(test, config: loaded.config)
                results.append(AlertTestResult(file: loaded.path, name: name, passed: failures.isEmpty, failures: failures))
            }
        }
        return results
    }

    private func runOne(_ test: AlertTestCase, config: LoadedConfig) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eros-alert-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let storage = try Storage.open(
            path: directory.appendingPathComponent("simulation.db").path, create: true,
            clock: RunnerClock(startingAt: AlertTestSimulation.start))
        defer { try? storage.close() }
        return try AlertTestSimulation(test: test, config: config, storage: storage).run()
    }
}
