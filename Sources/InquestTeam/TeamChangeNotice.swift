import Foundation
import InquestCore

/// What the team database announces on the `inquest_team` channel when a change commits (the
/// audit trigger sends it): which audit entry, about what. Readers reload what it names.
public struct TeamChangeNotice: Sendable, Hashable, Decodable {
    public var auditID: Int64
    /// When the change was written (the audit entry's time, in the database's clock).
    public var at: Timestamp
    public var entity: AuditEntry.Entity
    public var action: AuditEntry.Action
    /// Nil for stars and tags (they belong to events).
    public var investigationID: Int64?
    public var eventKey: String?
    /// The database role that made the change.
    public var actor: String

    public init(
        auditID: Int64, at: Timestamp, entity: AuditEntry.Entity, action: AuditEntry.Action, investigationID: Int64?, eventKey: String?,
        actor: String
    ) {
        self.auditID = auditID
        self.at = at
        self.entity = entity
        self.action = action
        self.investigationID = investigationID
        self.eventKey = eventKey
        self.actor = actor
    }

    private enum CodingKeys: String, CodingKey {
        case auditID, at, entity, action, investigationID, eventKey, actor
    }

    /// Reads the trigger's payload, whose `at` is a number of nanoseconds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        auditID = try container.decode(Int64.self, forKey: .auditID)
        at = Timestamp(nanoseconds: try container.decode(Int64.self, forKey: .at))
        entity = try container.decode(AuditEntry.Entity.self, forKey: .entity)
        action = try container.decode(AuditEntry.Action.self, forKey: .action)
        investigationID = try container.decodeIfPresent(Int64.self, forKey: .investigationID)
        eventKey = try container.decodeIfPresent(String.self, forKey: .eventKey)
        actor = try container.decode(String.self, forKey: .actor)
    }

    /// The notice in a notification's payload, or nil when the payload is not one.
    public init?(payload: String) {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = JSONKeySpelling.snakeCaseDecoding
        guard let notice = try? decoder.decode(TeamChangeNotice.self, from: Data(payload.utf8)) else { return nil }
        self = notice
    }
}

/// What a ``TeamListener`` reports.
public enum TeamListenerEvent: Sendable, Hashable {
    /// Listening (again): changes made while it was not are not announced, so reload.
    case connected
    /// The connection broke or could not be made (why); it retries.
    case disconnected(String)
    case changed(TeamChangeNotice)
}
