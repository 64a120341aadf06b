import Crypto
import Foundation

/// SHA-256 helpers for the hashes of data-model.md §4.1 and the sample dataset.
public enum HashText {
    /// Lowercase hex SHA-256 of the UTF-8 bytes of `text`.
    public static func sha256Hex(_ text: String) -> String {
        hex(sha256(text))
    }

    /// SHA-256 over the UTF-8 bytes of a text, hashed in place (no intermediate copy).
    public static func sha256(_ text: String) -> SHA256.Digest {
        var text = text
        return text.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
    }

    /// Lowercase hex of bytes (a digest), two characters a byte.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The first 16 lowercase hex characters of the SHA-256 of `text`.
    public static func hex16(_ text: String) -> String {
        String(sha256Hex(text).prefix(16))
    }

    /// `sha256:` followed by hex16 of `text`.
    public static func prefixed(_ text: String) -> String {
        "sha256:" + hex16(text)
    }
}
