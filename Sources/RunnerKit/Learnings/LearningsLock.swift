import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock on `LEARNINGS.md.lock` next to the file (flock).
public final class LearningsLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// Takes the lock, polling until `timeout`; refuses with `LearningsError.locked` after it.
    public static func acquire(for url: URL, displayPath: String, timeout: Duration) throws -> LearningsLock {
        let path = url.path + ".lock"
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else {
            throw LearningsError.writeFailed("cannot open lock file \(path): \(String(cString: strerror(errno)))")
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if clock.now >= deadline {
                close(fd)
                throw LearningsError.locked(displayPath)
            }
            usleep(50_000)
        }
        return LearningsLock(descriptor: fd)
    }

    /// Releases the lock (the lock file stays; it is empty and harmless).
    public func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
