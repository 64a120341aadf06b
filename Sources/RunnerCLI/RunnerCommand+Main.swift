import ArgumentParser

extension RunnerCommand {
    /// Parses the command line and runs the chosen command, awaiting async commands.
    ///
    /// `await RunnerCommand.main()` from top-level code resolves to the synchronous
    /// ParsableCommand.main(), which refuses an async root at run time; inside this async
    /// function the async overloads are chosen.
    public static func runMain() async {
        do {
            var command = try await asyncParseAsRoot()
            bootstrapLogging(for: command, arguments: CommandLine.arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
