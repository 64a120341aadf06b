import ArgumentParser
import Foundation
import RunnerKit

extension RunnerCommand {
    /// Installs the stderr log handler (operations.md §10) before any command runs, from the
    /// command's `--log-level`/`--log-format` (else `EROS_LOG_LEVEL`/`EROS_LOG_FORMAT`), so no
    /// line ever reaches stdout. Invalid values fall back to info/text here; each command reports
    /// or refuses them by its own rule.
    static func bootstrapLogging(for command: any ParsableCommand, arguments: [String]) {
        guard let globals = globalOptions(of: command) else { return }
        let clock = (try? globals.clock()) ?? .system
        globals.bootstrapLogging(command: commandPath(arguments), clock: clock)
    }

    /// The parsed global options of a leaf command, if it declares them.
    static func globalOptions(of command: any ParsableCommand) -> GlobalOptions? {
        for child in Mirror(reflecting: command).children {
            if let group = child.value as? OptionGroup<GlobalOptions> { return group.wrappedValue }
        }
        return nil
    }

    /// The subcommand path named on the command line (`rollback trigger`), for lines outside runs.
    static func commandPath(_ arguments: [String]) -> String {
        var type: any ParsableCommand.Type = RunnerCommand.self
        var names: [String] = []
        for argument in arguments.dropFirst() {
            guard let next = type.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            names.append(argument)
            type = next
        }
        return names.isEmpty ? "runner" : names.joined(separator: " ")
    }
}
