import Crypto
import Foundation

/// The webhook's signature: `X-Inquest-Signature: sha256=HEX`, the HMAC-SHA256 under the
/// subscription's secret of the `X-Inquest-Timestamp` value (Unix seconds), a dot and the raw
/// body. Signing the timestamp with the body lets a receiver refuse a replayed request: it
/// recomputes the HMAC and rejects a timestamp more than a few minutes old.
public enum WebhookSignature {
    /// The header carrying the signature.
    public static let signatureHeader = "X-Inquest-Signature"
    /// The header carrying the signed timestamp.
    public static let timestampHeader = "X-Inquest-Timestamp"

    /// `sha256=` and the lowercase hex HMAC of `timestamp.body`.
    public static func sign(body: Data, timestamp: Int64, secret: String) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `signature` is this body's under `secret` and `timestamp` lies within `tolerance`
    /// seconds of `now` (constant-time comparison of the MACs).
    public static func verify(
        body: Data, timestamp: Int64, signature: String, secret: String, now: Int64, tolerance: Int64 = 300
    ) -> Bool {
        guard abs(now - timestamp) <= tolerance, signature.hasPrefix("sha256=") else { return false }
        let hex = signature.dropFirst("sha256=".count)
        guard hex.count == 64 else { return false }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return false }
            bytes.append(byte)
            index = next
        }
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: message, using: SymmetricKey(data: Data(secret.utf8)))
    }

}
