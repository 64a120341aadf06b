import RunnerCLI

await RunnerCommand.main()
