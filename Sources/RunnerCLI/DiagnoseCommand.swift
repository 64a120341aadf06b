import ArgumentParser

/// `runner diagnose`: troubleshooting commands (db first; others add preflight, gates, agent).
struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Troubleshooting reports.",
        subcommands: [
            DiagnoseDbCommand.self, DiagnosePreflightCommand.self, DiagnoseAgentCommand.self, DiagnoseGatesCommand.self,
        ]
    )
}
