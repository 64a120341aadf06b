import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary-file-and-rename replacement of LEARNINGS.md (section 4, step 6).
public enum LearningsAtomicFile {
    /// The prefix of temporary files next to `url` (`.LEARNINGS.md.tmp.`).
    public static func temporaryPrefix(for url: URL) -> String { "." + url.lastPathComponent + ".tmp." }

    /// Deletes temporary files left by a writer killed before its rename; call only under the lock.
    public static func removeStaleTemporaries(for url: URL) {
        let directory = url.deletingLastPathComponent()
        let prefix = temporaryPrefix(for: url)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// Writes `data` to a synced temporary file, checks the original's digest, renames, syncs the directory.
    public static func replace(
        _ url: URL, with data: Data, expectedDigest: Data?, displayPath: String,
        beforeRename: (@Sendable (URL) throws -> Void)? = nil
    ) throws {
        let directory = url.deletingLastPathComponent()
        let temp = directory.appendingPathComponent(
            temporaryPrefix(for: url) + "\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        var mode: mode_t = 0o644
        var info = stat()
        if stat(url.path, &info) == 0 { mode = info.st_mode & 0o7777 }
        do {
            try writeSynced(data, to: temp, mode: mode)
            if let expectedDigest {
                let current = (try? Data(contentsOf: url)).map { Data(SHA256.hash(data: $0)) }
                guard current == expectedDigest else { throw LearningsError.changedDuringCommand(displayPath) }
            }
            try beforeRename?(temp)
            guard rename(temp.path, url.path) == 0 else {
                throw LearningsError.writeFailed("rename failed: \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temp.path)
            throw error
        }
        let dirFD = open(directory.path, O_RDONLY)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }

    private static func writeSynced(_ data: Data, to url: URL, mode: mode_t) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else {
            throw LearningsError.writeFailed("cannot create \(url.lastPathComponent): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        fchmod(fd, mode)
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw LearningsError.writeFailed("write failed: \(String(cString: strerror(errno)))") }
            offset += n
        }
        guard fsync(fd) == 0 else { throw LearningsError.writeFailed("fsync failed: \(String(cString: strerror(errno)))") }
    }
}
