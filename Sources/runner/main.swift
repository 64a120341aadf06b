import ArgumentParser
import RunnerCLI

/// Calls the async entry point explicitly; plain `await RunnerCommand.main()` resolves to the sync one.
func start<Command: AsyncParsableCommand>(_ command: Command.Type) async { await command.main() }

await start(RunnerCommand.self)
