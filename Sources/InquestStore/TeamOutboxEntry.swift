import Foundation
import InquestCore

/// A change for a team database kept in the local store until the team database takes it
/// (see ``InquestStore/enqueueTeamChange(changeID:team:payload:at:)``). The store does not read
/// the payload: the team layer wrote it and replays it.
public struct TeamOutboxEntry: Sendable, Hashable {
    /// The position in the outbox: changes are sent in this order.
    public var seq: Int64
    /// The change's own id (a UUID string), recorded by the team database with the change.
    public var changeID: String
    /// Which team database the change is for (its URL without a password).
    public var team: String
    /// The change as the team layer encoded it.
    public var payload: Data
    public var createdAt: Timestamp
    /// How many times sending it failed.
    public var attempts: Int
    /// Why the last attempt failed.
    public var lastError: String?

    public init(
        seq: Int64, changeID: String, team: String, payload: Data, createdAt: Timestamp, attempts: Int = 0,
        lastError: String? = nil
    ) {
        self.seq = seq
        self.changeID = changeID
        self.team = team
        self.payload = payload
        self.createdAt = createdAt
        self.attempts = attempts
        self.lastError = lastError
    }
}
