import Foundation
import RunnerKit

// Prints how long loading and validating takes for the shipped configuration and for generated
// pipelines of 100, 1,000 and 10,000 phases. Usage: runner-bench [CONFIG_ROOT]

/// The median wall time of `repeats` runs of `work`, in milliseconds.
func medianMilliseconds(repeats: Int, _ work: () -> Void) -> Double {
    let clock = ContinuousClock()
    var samples: [Double] = []
    for _ in 0..<repeats {
        let elapsed = clock.measure(work)
        samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    return samples.sorted()[samples.count / 2]
}

/// A pipeline of `count` phases in layers of 10, each needing two phases of the layer before.
func generatedPipeline(phases count: Int) -> String {
    var text = "version: 1\nkind: pipeline\nname: generated\ndeadline: 1000d\nphases:\n"
    text += "  - id: context\n    uses: preflight\n"
    for index in 0..<count {
        let layer = index / 10, slot = index % 10
        let needs = layer == 0 ? "context" : "p\(layer - 1)_\(slot), p\(layer - 1)_\((slot + 1) % 10)"
        text += "  - id: p\(layer)_\(slot)\n    uses: check_readiness\n    needs: [\(needs)]\n"
    }
    return text
}

let arguments = CommandLine.arguments.dropFirst()
let root = URL(fileURLWithPath: arguments.first ?? FileManager.default.currentDirectoryPath)
#if DEBUG
print("runner-bench (debug build; use -c release for real figures)")
#else
print("runner-bench (release build)")
#endif

do {
    var files = 0
    var findings = 0
    let shipped = medianMilliseconds(repeats: 21) {
        if let config = try? ConfigLoader.load(root: root, environment: [:], includeAlertTests: true) {
            files = config.files.count
            findings = config.diagnostics.count
        }
    }
    print(String(format: "shipped config (%d files, %d findings): %8.2f ms", files, findings, shipped))
}

var timings: [Int: Double] = [:]
for count in [100, 1_000, 10_000] {
    let source = ConfigSource(path: "pipelines/generated.yaml", text: generatedPipeline(phases: count))
    var findings = 0
    let time = medianMilliseconds(repeats: count >= 10_000 ? 5 : 11) {
        let config = ConfigLoader.load(sources: [source], environment: [:])
        findings = config.diagnostics.count
    }
    timings[count] = time
    print(String(format: "generated %6d phases (%d findings): %8.2f ms", count, findings, time))
}
if let small = timings[1_000], let large = timings[10_000], small > 0 {
    print(String(format: "10,000 phases / 1,000 phases: %.1fx (target: within 12x)", large / small))
}
