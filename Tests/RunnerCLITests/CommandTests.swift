import Testing

@testable import RunnerCLI

@Suite("Command tree")
struct CommandTreeTests {
    @Test("the root command is named runner")
    func rootName() {
        #expect(RunnerCommand.configuration.commandName == "runner")
    }
}
