import Foundation

/// Finds the live members of a process group by reading `/proc` (Linux): what "no process
/// left behind" is checked against. Zombies are dead and do not count (an orphan's zombie
/// waits for whichever process adopted it).
public enum AgentProcessGroupProbe {
    /// The pids in process group `group` that are not zombies; empty where `/proc` is absent.
    public static func liveMembers(of group: Int32) -> [Int32] {
        guard group > 0, let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let fields = fieldsAfterCommand(stat), fields.count > 2
            else { return nil }
            // Fields after "(comm)": state, ppid, pgrp, ...
            guard fields[0] != "Z", fields[0] != "X", Int32(fields[2]) == group else { return nil }
            return pid
        }
    }

    /// The space-separated fields after the parenthesised command name (which may hold spaces).
    private static func fieldsAfterCommand(_ stat: String) -> [Substring]? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }
}
