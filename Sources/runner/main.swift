import RunnerCLI

await RunnerCommand.runMain()
