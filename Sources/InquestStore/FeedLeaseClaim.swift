import InquestCore

/// The outcome of asking for (or renewing) a feed's lease.
public enum FeedLeaseClaim: Sendable, Hashable {
    /// This owner holds the lease until `expiresAt`.
    case acquired(expiresAt: Timestamp)
    /// Another owner holds it until `expiresAt` (wait, and ask again after that).
    case heldBy(owner: String, expiresAt: Timestamp)
}
