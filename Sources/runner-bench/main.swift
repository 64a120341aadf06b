import Foundation
import RunnerKit

// Prints how long loading and validating takes for the shipped configuration and for generated
// pipelines of 100, 1,000 and 10,000 phases. Usage: runner-bench [CONFIG_ROOT]

/// Median wall time and median CPU time (this thread) of `repeats` runs of `work`, in milliseconds.
/// CPU time is the steadier figure on a machine shared with other work.
func medianMilliseconds(repeats: Int, _ work: () -> Void) -> (wall: Double, cpu: Double) {
    let clock = ContinuousClock()
    var walls: [Double] = []
    var cpus: [Double] = []
    for _ in 0..<repeats {
        let cpuStart = threadCPUMilliseconds()
        let elapsed = clock.measure(work)
        cpus.append(threadCPUMilliseconds() - cpuStart)
        walls.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    return (walls.sorted()[walls.count / 2], cpus.sorted()[cpus.count / 2])
}

/// CPU time consumed by the calling thread so far, in milliseconds.
func threadCPUMilliseconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
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

var arguments = Array(CommandLine.arguments.dropFirst())
// `--only N` times just the generated pipeline of N phases (for profiling one size).
var only: Int?
if let flag = arguments.firstIndex(of: "--only"), flag + 1 < arguments.count {
    only = Int(arguments[flag + 1])
    arguments.removeSubrange(flag...(flag + 1))
}
let root = URL(fileURLWithPath: arguments.first ?? FileManager.default.currentDirectoryPath)
#if DEBUG
print("runner-bench (debug build; use -c release for real figures)")
#else
print("runner-bench (release build)")
#endif

if only == nil {
    var files = 0
    var findings = 0
    let shipped = medianMilliseconds(repeats: 21) {
        if let config = try? ConfigLoader.load(root: root, environment: [:], includeAlertTests: true) {
            files = config.files.count
            findings = config.diagnostics.count
        }
    }
    print(String(format: "shipped config (%d files, %d findings): %8.2f ms wall, %8.2f ms cpu", files, findings, shipped.wall, shipped.cpu))
}

var timings: [Int: (wall: Double, cpu: Double)] = [:]
for count in only.map({ [$0] }) ?? [100, 1_000, 10_000] {
    let source = ConfigSource(path: "pipelines/generated.yaml", text: generatedPipeline(phases: count))
    var findings = 0
    let time = medianMilliseconds(repeats: count >= 10_000 ? 5 : 11) {
        let config = ConfigLoader.load(sources: [source], environment: [:])
        findings = config.diagnostics.count
    }
    timings[count] = time
    print(String(format: "generated %6d phases (%d findings): %8.2f ms wall, %8.2f ms cpu", count, findings, time.wall, time.cpu))
}
if let small = timings[1_000], let large = timings[10_000], small.wall > 0, small.cpu > 0 {
    print(String(format: "10,000 phases / 1,000 phases: %.1fx wall, %.1fx cpu (target: within 12x)",
                 large.wall / small.wall, large.cpu / small.cpu))
}
