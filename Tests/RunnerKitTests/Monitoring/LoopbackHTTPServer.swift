import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tiny HTTP server on 127.0.0.1 for webhook tests: answers every request with one status, or
/// accepts and never answers. Bounded: it serves at most `limit` connections and stops on `stop()`.
final class LoopbackHTTPServer: @unchecked Sendable {
    enum Behavior: Sendable {
        case status(Int)
        case hang
    }

    let port: UInt16
    private let listener: Int32
    private let behavior: Behavior
    private let limit: Int
    // Guarded by `lock`: accepted connection count, request bodies, hung sockets.
    private let lock = NSLock()
    private var accepted = 0
    private var bodies: [String] = []
    private var hung: [Int32] = []

    init(_ behavior: Behavior, limit: Int = 10) throws {
        self.behavior = behavior
        self.limit = limit
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Connections accepted so far.
    var requestCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return accepted
    }

    /// The request bodies received (status behaviour only).
    var receivedBodies: [String] {
        lock.lock()
        defer { lock.unlock() }
        return bodies
    }

    /// The URL of the hook.
    var url: String { "http://127.0.0.1:\(port)/hook" }

    /// Stops accepting and closes every connection.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        lock.lock()
        let open = hung
        hung = []
        lock.unlock()
        for fd in open { close(fd) }
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            lock.lock()
            accepted += 1
            let over = accepted > limit
            lock.unlock()
            if over {
                close(connection)
                continue
            }
            switch behavior {
            case .hang:
                lock.lock()
                hung.append(connection)
                lock.unlock()
            case .status(let code):
                let body = readRequest(connection)
                lock.lock()
                bodies.append(body)
                lock.unlock()
                let response = "HTTP/1.1 \(code) Test\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                _ = response.withCString { send(connection, $0, strlen($0), 0) }
                close(connection)
            }
        }
    }

    /// Reads headers and a Content-Length body; returns the body text.
    private func readRequest(_ fd: Int32) -> String {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.count < 1_000_000 {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
            let text = String(decoding: data, as: UTF8.self)
            guard let end = text.range(of: "\r\n\r\n") else { continue }
            let headers = text[..<end.lowerBound].lowercased()
            let length = headers.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            let body = String(text[end.upperBound...])
            if body.utf8.count >= length { return body }
        }
        return ""
    }
}
