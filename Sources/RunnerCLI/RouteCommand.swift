import ArgumentParser
import Foundation
import RunnerKit

/// `runner route ID...`: explains the routing decision of each creator; records nothing.
struct RouteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Explain the routing decision for each creator (records nothing).",
        discussion: """
            Shows the routing key, MD5 digest prefix, bucket, flip percentage, every flag with its \
            source, the rollback state, the pipeline and the reason. Unknown ids are routed as given.
            Example: runner route alexia test1 --format json
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Argument(help: "Creator ids or page names.")
    var ids: [String]

    func run() async throws {
        guard !ids.isEmpty else { throw ValidationError("give at least one creator id") }
        let setup = try RoutingSetup.open(global, refuseInvalidConfig: false)
        defer { try? setup.storage.close() }
        let decisions = try reportingErrors { try ids.map { try setup.decide($0).decision } }
        switch format {
        case .json:
            try printJSON(RouteOutput(decisions: decisions))
        case .text:
            for decision in decisions { print(Self.text(decision)) }
        }
    }

    private struct RouteOutput: Encodable {
        let decisions: [RoutingDecision]
    }

    static func text(_ decision: RoutingDecision) -> String {
        let bucket = decision.bucket
        var lines = [
            "\(decision.creatorId) -> \(decision.pipeline) (reason \(decision.reason.text))",
            "  routing key    \(bucket.routingKey)" + (bucket.salt.isEmpty ? "" : " (salt \"\(bucket.salt)\")"),
            "  md5 prefix     \(bucket.digestPrefixHex) = \(bucket.digestPrefix)",
            "  bucket         \(bucket.bucket) (candidate from percentage \(bucket.flipPercentage))",
            "  rollback       \(decision.rollbackState.rawValue)",
        ]
        lines += flagLines(decision.flags, indent: "  ")
        return lines.joined(separator: "\n")
    }
}
