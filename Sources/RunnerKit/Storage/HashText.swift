import Crypto
import Foundation

/// SHA-256 helpers for the hashes of data-model.md §4.1 and the sample dataset.
public enum HashText {
    /// Lowercase hex SHA-256 of the UTF-8 bytes of `text`.
    public static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
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
