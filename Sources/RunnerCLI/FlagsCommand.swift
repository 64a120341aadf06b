import ArgumentParser
import Foundation
import RunnerKit

/// `runner flags`: the effective routing flags with their sources and origins.
struct FlagsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags",
        abstract: "Show the effective routing flags with value, source and origin.",
        discussion: """
            Precedence: rollback state > EROS_<CANDIDATE>_* environment > pipelines/rollout.yaml > defaults.
            Example: EROS_V5_PERCENTAGE=25 runner flags --format json
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let setup = try RoutingSetup.open(global, refuseInvalidConfig: false)
        defer { try? setup.storage.close() }
        let state = try reportingErrors { try setup.storage.rollbackState() }
        let flags = FlagResolver(settings: setup.routing.settings, environment: setup.environment)
            .resolve(rollbackState: state)
        let routing = setup.routing
        switch format {
        case .json:
            try printJSON(
                FlagsOutput(
                    control: routing.control, candidate: routing.candidate, phase: routing.settings.phaseName,
                    salt: routing.salt, rollbackState: state, flags: flags))
        case .text:
            print("control \(routing.control), candidate \(routing.candidate), phase \(routing.settings.phaseName ?? "none")")
            print("rollback state \(state.rawValue), salt \"\(routing.salt)\"")
            for line in flagLines(flags, indent: "") { print(line) }
            let overrides = FlagEnvironment.presentVariables(global.environment, candidate: routing.candidate)
            if !overrides.isEmpty {
                print("environment overrides apply to this process only: \(overrides.joined(separator: ", "))")
            }
        }
    }

    private struct FlagsOutput: Encodable {
        let control: String
        let candidate: String
        let phase: String?
        let salt: String
        let rollbackState: RollbackState
        let flags: ResolvedFlags

        enum CodingKeys: String, CodingKey {
            case control, candidate, phase, salt, flags
            case rollbackState = "rollback_state"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(control, forKey: .control)
            try c.encode(candidate, forKey: .candidate)
            try c.encode(phase, forKey: .phase)
            try c.encode(salt, forKey: .salt)
            try c.encode(rollbackState, forKey: .rollbackState)
            try c.encode(flags, forKey: .flags)
        }
    }
}
