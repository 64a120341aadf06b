import ArgumentParser
import Foundation
import RunnerKit

/// What the routing commands (`route`, `flags`, `runs`, `execute`) share: clock, configuration,
/// flag environment and database, opened per cli.md "What each command needs".
struct RoutingSetup {
    let clock: RunnerClock
    let config: LoadedConfig
    let routing: RoutingConfiguration
    let environment: FlagEnvironment
    let storage: Storage

    /// Loads everything. `refuseInvalidConfig` is `execute`'s rule (exit 3 on any configuration
    /// error, `EROS_*` included); otherwise errors are reported on stderr and the command goes on.
    static func open(_ global: GlobalOptions, refuseInvalidConfig: Bool, mayCreate: Bool = true) throws -> RoutingSetup {
        let clock: RunnerClock
        do {
            clock = try global.clock()
        } catch let error as any RunnerError {
            throw fail(error)
        }
        let config: LoadedConfig
        do {
            config = try ConfigLoader.load(root: global.configRoot, environment: global.environment)
        } catch {
            if refuseInvalidConfig { throw fail(error) }
            printError("warning: \(error.description); using built-in routing defaults")
            config = LoadedConfig(root: global.configRoot)
        }
        let renderer = DiagnosticRenderer(sources: config.sources)
        // Bad EROS_LOG_* values are in the configuration check already; add bad --log-* options.
        let logOptionErrors = LogSettings.resolve(level: global.logLevel, format: global.logFormat, environment: [:])
            .diagnostics
        let errors = config.blockingErrors + logOptionErrors
        if !errors.isEmpty {
            for diagnostic in errors { printError(renderer.text(diagnostic)) }
            if refuseInvalidConfig {
                printError("configuration error: \(errors.count) error(s) in the configuration; no run was started")
                throw ExitCode(.invalidConfig)
            }
        }
        let desired = RoutingConfiguration(rollout: config.rollout)
        let environment: FlagEnvironment
        if refuseInvalidConfig {
            do {
                environment = try FlagEnvironment.parse(global.environment, candidate: desired.candidate)
            } catch {
                for item in error.errors { printError("configuration error: \(item.description); no run was started") }
                throw ExitCode(.invalidConfig)
            }
        } else {
            let parsed = FlagEnvironment.parseLeniently(global.environment, candidate: desired.candidate)
            if errors.isEmpty {
                for item in parsed.errors { printError("error: \(item.description) (ignored) [C018]") }
            }
            environment = parsed.environment
        }
        let storage: Storage
        do {
            storage = try global.openDatabase(mayCreate: mayCreate, clock: clock)
        } catch let error as any RunnerError {
            throw fail(error)
        }
        // Commands that do not reconcile route with the latest accepted configuration as it is
        // (cli.md); `execute` reconciles first (RunLauncher) and routes with the result. Any
        // routing invocation finishes a drain whose process died (operations.md §8.2).
        var routing = desired
        if !refuseInvalidConfig {
            _ = try? RollbackController(storage: storage, settings: RollbackSettings(config: config), clock: clock)
                .completeStaleDrain()
            if let current = try? RolloutAppliedRouting.current(storage: storage, config: config) {
                routing = current.routing
            }
        }
        return RoutingSetup(clock: clock, config: config, routing: routing, environment: environment, storage: storage)
    }

    /// The decision for one input id, without recording anything; a malformed id throws (exit 2).
    func decide(_ input: String) throws -> (decision: RoutingDecision, creator: CreatorIdentity?) {
        let id = try CreatorIdRule.check(input)
        let creator = try storage.resolveCreator(id)
        let state = try storage.rollbackState()
        let flags = FlagResolver(settings: routing.settings, environment: environment).resolve(rollbackState: state)
        let decision = routing.router.decide(
            creatorId: creator?.creatorId ?? id, routingKey: creator?.pageName ?? id, flags: flags,
            rollbackState: state)
        return (decision, creator)
    }
}

/// Flag values as text: `true`, `25`, `[alexia, luna_free]`.
func describeFlag<Value>(_ flag: ResolvedFlag<Value>) -> String {
    let value: String =
        if let list = flag.value as? [String] { "[" + list.joined(separator: ", ") + "]" } else { "\(flag.value)" }
    return "\(value)  (\(flag.source.rawValue): \(flag.origin))"
}

/// The flag lines shared by `route` and `flags`.
func flagLines(_ flags: ResolvedFlags, indent: String) -> [String] {
    var lines = [
        "\(indent)enabled        \(describeFlag(flags.enabled))",
        "\(indent)shadow         \(describeFlag(flags.shadow))",
        "\(indent)percentage     \(describeFlag(flags.percentage))",
        "\(indent)creators       \(describeFlag(flags.creators))",
        "\(indent)auto_fallback  \(describeFlag(flags.autoFallback))",
    ]
    if flags.enabled.source == .rollback {
        lines.insert("\(indent)  configured   \(describeFlag(flags.configuredEnabled))", at: 1)
    }
    return lines
}
