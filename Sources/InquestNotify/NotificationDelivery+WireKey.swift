import Crypto
import Foundation
import InquestCore

extension NotificationDelivery {
    /// The key a receiver sees (the webhook's `Idempotency-Key`, the local part of the mail's
    /// `Message-ID`): the SHA-256 of the queue's idempotency key in hex. The queue's key names
    /// the target, whose URL may hold a token, so it is never sent as it is.
    public var wireKey: String {
        SHA256.hash(data: Data(idempotencyKey.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
