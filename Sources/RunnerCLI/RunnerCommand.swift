import ArgumentParser

/// The `runner` root command: declarative pipeline runner for EROS.
public struct RunnerCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "runner",
        abstract: "Declarative pipeline runner for EROS weekly schedules.",
        discussion: "Example: runner execute --creator alexia --week 2026-01-05",
        version: RunnerVersion.string,
        subcommands: [
            // Each area registers its commands here.
            ValidateCommand.self,
            DbCommand.self,
            LearningsCommand.self,
            StatusCommand.self,
            HealthCommand.self,
            AlertsCommand.self,
            TestCommand.self,
            BenchCommand.self,
            RouteCommand.self,
            FlagsCommand.self,
            RunsCommand.self,
            ExecuteCommand.self,
            CreatorsCommand.self,
            DiagnoseCommand.self,
            RollbackCommand.self,
            RolloutCommand.self,
            ShadowCommand.self,
            ExplainCommand.self,
        ]
    )

    public init() {}
}

/// The runner's version string, recorded in runs and schema_info.
public enum RunnerVersion {
    public static let string = "0.1.0"
}
