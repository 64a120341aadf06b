import RunnerCLI

/// Runs the command line inside an async function, so the async `main()` overload is chosen.
func runMain() async {
    await RunnerCommand.main()
}

await runMain()
