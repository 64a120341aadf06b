/// Why a rollout command refused to act.
public enum RolloutError: RunnerError, Equatable {
    /// No valid `kind: rollout` file was loaded.
    case noRolloutFile
    /// `--phase NAME` names no phase of the plan.
    case unknownPhase(String, known: [String])
    /// `--percentage` is not an integer 0...100.
    case invalidPercentage(String)
    /// `rollout plan` needs exactly one of `--percentage` and `--phase`.
    case planTargetRequired

    public var code: String {
        switch self {
        case .noRolloutFile: "CONFIG_ERROR"
        default: "VALIDATION_ERROR"
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .noRolloutFile: .invalidConfig
        default: .badInput
        }
    }

    public var description: String {
        switch self {
        case .noRolloutFile:
            "no valid kind: rollout file (pipelines/rollout.yaml) was loaded; run `runner validate`"
        case .unknownPhase(let name, let known):
            "--phase \(name) names no phase of the plan (phases: \(known.joined(separator: ", ")))"
        case .invalidPercentage(let text):
            "--percentage must be an integer from 0 to 100, got: \(text)"
        case .planTargetRequired:
            "`runner rollout plan` needs exactly one of --percentage N and --phase NAME"
        }
    }
}
