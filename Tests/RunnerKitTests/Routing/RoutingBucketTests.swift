import Testing

@testable import RunnerKit

@Suite("MD5 routing buckets")
struct RoutingBucketTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let key: String
        let hex: String
        let integer: UInt32
        let bucket: Int
        let flip: Int
        var testDescription: String { key }
    }

    static let unsalted: [Vector] = [
        Vector(key: "alexia", hex: "e49797d1", integer: 3_835_140_049, bucket: 49, flip: 50),
        Vector(key: "grace_bennett", hex: "a9ea0b0f", integer: 2_850_687_759, bucket: 59, flip: 60),
        Vector(key: "luna_free", hex: "4ffd418e", integer: 1_341_997_454, bucket: 54, flip: 55),
        Vector(key: "test1", hex: "5a105e8b", integer: 1_511_022_219, bucket: 19, flip: 20),
        Vector(key: "test2", hex: "ad023482", integer: 2_902_602_882, bucket: 82, flip: 83),
        Vector(key: "any_creator", hex: "9a0329e5", integer: 2_583_898_597, bucket: 97, flip: 98),
        Vector(key: "empty_vault", hex: "52da113d", integer: 1_390_022_973, bucket: 73, flip: 74),
        Vector(key: "struggling", hex: "855f434c", integer: 2_237_612_876, bucket: 76, flip: 77),
        Vector(key: "zo\u{00EB}", hex: "d29ef0d0", integer: 3_533_631_696, bucket: 96, flip: 97),
    ]

    @Test("every unsalted vector of operations.md §3.2 hashes to its digest prefix, bucket and flip point",
        arguments: unsalted)
    func unsaltedVector(_ vector: Vector) {
        let bucket = RoutingBucket(routingKey: vector.key)
        #expect(bucket.digestPrefixHex == vector.hex)
        #expect(bucket.digestPrefix == vector.integer)
        #expect(bucket.bucket == vector.bucket)
        #expect(bucket.flipPercentage == vector.flip)
        #expect(!bucket.isCandidate(atPercentage: vector.bucket))
        #expect(bucket.isCandidate(atPercentage: vector.flip))
    }

    static let salted: [(String, Int)] = [
        ("alexia", 86), ("grace_bennett", 28), ("luna_free", 55), ("test1", 56),
        ("test2", 15), ("any_creator", 19), ("empty_vault", 28), ("struggling", 50),
    ]

    @Test("the salted vectors hash <salt>:<key> with salt eros-v5", arguments: salted)
    func saltedVector(_ key: String, _ expected: Int) {
        #expect(RoutingBucket(routingKey: key, salt: "eros-v5").bucket == expected)
    }

    @Test("a decomposed ë is not normalised and hashes differently from the precomposed one")
    func noNormalisation() {
        #expect(RoutingBucket(routingKey: "zoe\u{0308}").digestPrefixHex != "d29ef0d0")
    }

    @Test("percentage 0 sends nobody and 100 sends everybody", arguments: unsalted)
    func extremes(_ vector: Vector) {
        let bucket = RoutingBucket(routingKey: vector.key)
        #expect(!bucket.isCandidate(atPercentage: 0))
        #expect(bucket.isCandidate(atPercentage: 100))
    }
}
