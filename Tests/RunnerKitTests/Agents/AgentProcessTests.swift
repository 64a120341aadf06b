import Foundation
import Testing

@testable import RunnerKit

@Suite("Agent process: spawning, limits and cleanup")
struct AgentProcessTests {
    @Test("a program's stdout, stderr and exit status are captured and its stdin is the input")
    func capturesStreams() async {
        let process = AgentProcess(
            arguments: ["/bin/sh", "-c", "cat; echo oops >&2; exit 4"], input: Array("hello".utf8),
            timeout: .seconds(5))
        let outcome = await process.run()
        #expect(outcome.termination == .exited(4))
        #expect(String(decoding: outcome.stdout, as: UTF8.self) == "hello")
        #expect(outcome.stderrTail == "oops\n")
    }

    @Test("an input larger than a pipe buffer is written in full")
    func largeInput() async {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let outcome = await AgentProcess(arguments: ["/usr/bin/wc", "-c"], input: input, timeout: .seconds(5)).run()
        #expect(String(decoding: outcome.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            == "1000000")
    }

    @Test("the agent runs in its own process group, led by itself")
    func ownProcessGroup() async {
        let outcome = await AgentProcess(arguments: ["/bin/sh", "-c", "ps -o pgid= -p $$"], input: [], timeout: .seconds(5)).run()
        let group = Int32(String(decoding: outcome.stdout, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: .newlines))
        #expect(group == outcome.processGroup)
        #expect(group != getpgrp())
    }

    @Test("stderr keeps only its last bytes")
    func stderrCapped() async {
        let outcome = await AgentProcess(
            arguments: ["/bin/sh", "-c", "yes e | head -c 100000 >&2; echo END >&2"], input: [], timeout: .seconds(5),
            stderrLimit: 64
        ).run()
        #expect(outcome.stderrTail.count == 64)
        #expect(outcome.stderrTail.hasSuffix("END\n"))
    }

    @Test("stdout of exactly the limit is accepted, one byte more kills the group")
    func outputLimitBoundary() async {
        let exact = await AgentProcess(arguments: ["/bin/sh", "-c", "head -c 1000 /dev/zero"], input: [], timeout: .seconds(5), outputLimit: 1000).run()
        #expect(exact.termination == .exited(0))
        #expect(exact.stdout.count == 1000)
        let over = await AgentProcess(arguments: ["/bin/sh", "-c", "head -c 1001 /dev/zero; sleep 5"], input: [], timeout: .seconds(5), outputLimit: 1000).run()
        #expect(over.termination == .outputTooLarge)
        #expect(AgentProcessGroupProbe.liveMembers(of: over.processGroup).isEmpty)
    }

    @Test("cancelling the calling task kills the whole group and returns at once")
    func cancellation() async {
        let task = Task {
            await AgentProcess(arguments: [AgentFixtures.path("ignore-term.sh"), "/dev/null"], input: [], timeout: .seconds(30), killGrace: .milliseconds(100)).run()
        }
        try? await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let outcome = await task.value
        #expect(outcome.termination == .cancelled)
        #expect(AgentProcessGroupProbe.liveMembers(of: outcome.processGroup).isEmpty)
    }
}
