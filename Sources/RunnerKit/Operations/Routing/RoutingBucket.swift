import Crypto
import Foundation

/// The MD5 bucketing of operations.md §3.2: the same buckets as EROS v1.0 with the empty salt.
public struct RoutingBucket: Sendable, Hashable {
    /// The routing key that was hashed (a page name, or the input as given).
    public let routingKey: String
    /// The salt in force; empty means EROS v1.0-compatible buckets.
    public let salt: String
    /// The first 4 digest bytes as an unsigned big-endian integer.
    public let digestPrefix: UInt32
    /// `digestPrefix` mod 100, so 0 to 99.
    public var bucket: Int { Int(digestPrefix % 100) }
    /// The smallest percentage that routes this key to the candidate (bucket + 1).
    public var flipPercentage: Int { bucket + 1 }
    /// The first 4 digest bytes as 8 lowercase hex digits.
    public var digestPrefixHex: String { String(format: "%08x", digestPrefix) }

    /// Hashes `routingKey` (prefixed by `<salt>:` when the salt is non-empty) with real MD5.
    public init(routingKey: String, salt: String = "") {
        self.routingKey = routingKey
        self.salt = salt
        let input = salt.isEmpty ? routingKey : "\(salt):\(routingKey)"
        let digest = Array(Insecure.MD5.hash(data: Data(input.utf8)))
        self.digestPrefix = digest.prefix(4).reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
    }

    /// Whether a creator in this bucket goes to the candidate at `percentage`.
    public func isCandidate(atPercentage percentage: Int) -> Bool { bucket < percentage }
}
