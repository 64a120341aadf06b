import ArgumentParser
import Foundation
import RunnerKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ExecuteCommand {
    /// `--all`: every matching active creator, at most `concurrency` at once, then a summary.
    func runAll(
        _ launcher: RunLauncher<BuiltinSteps>, setup: RoutingSetup, weekStart: String, concurrency: Int
    ) async throws {
        let started = ContinuousClock.now
        let creators = try reportingErrors {
            try setup.storage.activeCreators(tier: tier?.uppercased(), pageType: pageType)
        }
        let launcher = try reportingErrors { try launcher.reconcilingOnce() }
        let progress = ExecuteProgress(total: creators.count, enabled: isatty(STDERR_FILENO) == 1)
        let (pipeline, dryRun) = (self.pipeline, self.dryRun)
        let outcomes = try await Self.cancellingOnSignals {
            await Self.runEach(
                creators, launcher: launcher, weekStart: weekStart, pipeline: pipeline, dryRun: dryRun,
                concurrency: concurrency, progress: progress)
        }
        await progress.finish()
        let reports = outcomes.compactMap { try? $0.result.get() }
        let refused = outcomes.compactMap { outcome -> String? in
            guard case .failure(let error) = outcome.result else { return nil }
            let code = (error as? any RunnerError)?.code ?? "INTERNAL_ERROR"
            return "\(outcome.creator.pageName): \(error) [\(code)]"
        }
        for line in refused { printError("error: \(line)") }
        let summary = ExecuteSummary(
            reports: reports, durationMs: (ContinuousClock.now - started).wholeMilliseconds, refused: refused.count)
        switch format {
        case .json: try printJSON(ExecuteAllOutput(runs: reports, summary: summary))
        case .text: print(ExecuteText.table(reports, summary: summary))
        }
        if summary.failed > 0 || summary.rejected > 0 || !refused.isEmpty { throw ExitCode(.negative) }
    }
}

extension ExecuteCommand {
    /// Runs the creators at most `concurrency` at once; after a cancellation no new run starts.
    static func runEach(
        _ creators: [CreatorIdentity], launcher: RunLauncher<BuiltinSteps>, weekStart: String, pipeline: String?,
        dryRun: Bool, concurrency: Int, progress: ExecuteProgress
    ) async -> [(creator: CreatorIdentity, result: Result<RunReport, any Error>)] {
        var results: [Int: Result<RunReport, any Error>] = [:]
        // Indices handed out in order; the group never holds more than `concurrency` runs. The
        // task body is a separate function so no closure captures the group or a mutable index.
        var pending = creators.indices.makeIterator()
        await withTaskGroup(of: (Int, Result<RunReport, any Error>).self) { group in
            for _ in 0..<max(1, concurrency) {
                guard let index = pending.next() else { break }
                let request = Self.request(for: creators[index], weekStart: weekStart, pipeline: pipeline, dryRun: dryRun)
                group.addTask { await Self.launch(request, index: index, launcher: launcher) }
            }
            while let (index, result) = await group.next() {
                results[index] = result
                await progress.advance(creators[index].pageName, result)
                guard !Task.isCancelled, let nextIndex = pending.next() else { continue }
                let request = Self.request(for: creators[nextIndex], weekStart: weekStart, pipeline: pipeline, dryRun: dryRun)
                group.addTask { await Self.launch(request, index: nextIndex, launcher: launcher) }
            }
        }
        return creators.indices.compactMap { index in results[index].map { (creators[index], $0) } }
    }

    /// The run request of one creator of `execute --all`.
    private static func request(
        for creator: CreatorIdentity, weekStart: String, pipeline: String?, dryRun: Bool
    ) -> RunRequest {
        RunRequest(creatorInput: creator.creatorId, weekStart: weekStart, forcedPipeline: pipeline, dryRun: dryRun)
    }

    /// Runs one creator, returning its position with the outcome.
    private static func launch(
        _ request: RunRequest, index: Int, launcher: RunLauncher<BuiltinSteps>
    ) async -> (Int, Result<RunReport, any Error>) {
        do { return (index, .success(try await launcher.execute(request))) } catch { return (index, .failure(error)) }
    }
}

/// The `summary` object of `execute --all`.
struct ExecuteSummary: Encodable {
    let total: Int
    let succeeded: Int
    let rejected: Int
    let failed: Int
    let blocked: Int
    let durationMs: Int
    let refused: Int

    init(reports: [RunReport], durationMs: Int, refused: Int) {
        total = reports.count
        succeeded = reports.filter { $0.status == .succeeded }.count
        rejected = reports.filter { $0.status == .rejected }.count
        failed = reports.filter { $0.status == .failed || $0.status == .abandoned }.count
        blocked = reports.filter { $0.status == .blocked }.count
        self.durationMs = durationMs
        self.refused = refused
    }

    /// cli.md's keys; refused creators (nothing recorded) are only reported on stderr.
    enum CodingKeys: String, CodingKey {
        case total, succeeded, rejected, failed, blocked
        case durationMs = "duration_ms"
    }
}

/// The `execute --all` JSON document.
struct ExecuteAllOutput: Encodable {
    let runs: [RunReport]
    let summary: ExecuteSummary
}

/// The progress line of `execute --all`, drawn on stderr only when it is a terminal.
actor ExecuteProgress {
    private let total: Int
    private let enabled: Bool
    private var done = 0
    private var failed = 0

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func advance(_ name: String, _ result: Result<RunReport, any Error>) {
        done += 1
        if case .success(let report) = result, report.status == .succeeded {} else { failed += 1 }
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(done)/\(total)] \(failed) not succeeded, last: \(name)".utf8))
    }

    func finish() {
        guard enabled, total > 0 else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
