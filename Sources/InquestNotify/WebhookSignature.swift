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
        "sha256=" + Digest.hex(mac(body: body, timestamp: timestamp, secret: secret))
    }

    /// Whether `signature` is this body's under `secret` and `timestamp` lies within `tolerance`
    /// seconds of `now` (constant-time comparison of the MACs).
    public static func verify(
        body: Data, timestamp: Int64, signature: String, secret: String, now: Int64, tolerance: Int64 = 300
    ) -> Bool {
        guard abs(now - timestamp) <= tolerance, signature.hasPrefix("sha256=") else { return false }
        guard let given = Digest.bytes(hex: signature.dropFirst("sha256=".count)), given.count == 32 else { return false }
        return Digest.constantTimeEqual(given, mac(body: body, timestamp: timestamp, secret: secret))
    }

    private static func mac(body: Data, timestamp: Int64, secret: String) -> [UInt8] {
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        return Digest.hmacSHA256(key: Data(secret.utf8), message: message)
    }
}
