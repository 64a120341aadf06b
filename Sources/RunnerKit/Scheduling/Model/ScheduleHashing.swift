import Crypto
import Foundation

/// The hashes of the schedule domain: `H16`, the vault/AVOID hashes, jitter seeds, schedule_hash.
public enum ScheduleHashing {
    /// `"sha256:"` + the first 16 lowercase hex characters of SHA-256 over the UTF-8 bytes.
    public static func h16(_ text: String) -> String {
        HashText.prefixed(text)
    }

    /// The full lowercase hex SHA-256 digest.
    public static func hex(_ text: String) -> String {
        HashText.sha256Hex(text)
    }

    /// The first 8 hex characters of SHA-256 read as an unsigned integer.
    public static func first32(_ text: String) -> UInt32 {
        HashText.sha256(text).withUnsafeBytes { raw in
            UInt32(raw[0]) << 24 | UInt32(raw[1]) << 16 | UInt32(raw[2]) << 8 | UInt32(raw[3])
        }
    }

    /// H16 of names sorted by code point and joined with `|` (vault and AVOID hashes).
    public static func namesHash(_ names: [String]) -> String {
        h16(names.sorted(by: codePointLess).joined(separator: "|"))
    }

    /// Code-point (binary) order of strings, the order every sorted name list uses.
    public static func codePointLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// Renders a price the way Python prints a float: always with a fractional digit.
    public static func pythonFloat(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e16 {
            return String(Int(value)) + ".0"
        }
        return "\(value)"
    }
}
