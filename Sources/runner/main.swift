import ArgumentParser
import RunnerCLI

// A plain `await RunnerCommand.main()` resolves to the synchronous ParsableCommand.main(),
// which refuses an async root at run time; parse and dispatch explicitly instead.
do {
    var command = try RunnerCommand.parseAsRoot()
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
    } else {
        try command.run()
    }
} catch {
    RunnerCommand.exit(withError: error)
}
