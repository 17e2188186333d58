import Foundation
import InquestCore

extension NotificationDelivery {
    /// The key a receiver sees (the webhook's `Idempotency-Key`, the local part of the mail's
    /// `Message-ID`): the SHA-256 of the queue's idempotency key in hex. The queue's key names
    /// the target, whose URL may hold a token, so it is never sent as it is.
    public var wireKey: String {
        Digest.hex(Digest.sha256(Data(idempotencyKey.utf8)))
    }
}
