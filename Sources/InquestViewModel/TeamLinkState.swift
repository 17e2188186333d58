/// The canvas's link to a team database (shown on the status line): whether it answers and how
/// many changes made here wait in the local outbox for it.
public struct TeamLinkState: Sendable, Hashable {
    public var isOnline: Bool
    /// Changes waiting in the outbox.
    public var pending: Int
    /// Why it is offline (for the log; the status line says only "team offline").
    public var reason: String?

    public init(isOnline: Bool, pending: Int, reason: String? = nil) {
        self.isOnline = isOnline
        self.pending = pending
        self.reason = reason
    }

    /// The status line's words: `team offline, 3 pending`, `team sending 3`, or `team` when all is sent.
    public var text: String {
        if !isOnline { return "team offline, \(pending) pending" }
        return pending > 0 ? "team sending \(pending)" : "team"
    }
}
