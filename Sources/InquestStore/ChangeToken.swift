/// A cheap value that differs whenever any process committed something the canvas shows.
///
/// It pairs a revision counter (the `meta` row `revision`, bumped in the same transaction by
/// every write method of ``InquestStore``) with the largest event id (which also catches rows
/// inserted by other tools). `PRAGMA data_version` was not used: it is per connection, does not
/// change for the connection's own commits, and a pool reads through several connections.
public struct ChangeToken: Sendable, Hashable {
    public var revision: Int64
    public var lastEventID: Int64

    public init(revision: Int64, lastEventID: Int64) {
        self.revision = revision
        self.lastEventID = lastEventID
    }
}
