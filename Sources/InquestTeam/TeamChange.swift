import Foundation
import InquestCore

/// One change an investigator makes to the team's investigation layer, as a value: sent to the
/// team database at once, or kept in the local store's outbox while it is unreachable and sent
/// later (``TeamSync``). Its ``id`` is recorded by the database with the change, so sending it
/// twice applies it once; ``madeAt`` is when it was typed, which is the time the rows carry.
public struct TeamChange: Sendable, Hashable, Codable {
    public var id: UUID
    public var madeAt: Timestamp
    public var kind: Kind
    /// The events a note's body cites (``TeamCitation``), shared with the change so a teammate
    /// without those logs can read what the note points at.
    public var citedEvents: [EventRecord]

    public init(id: UUID = UUID(), madeAt: Timestamp = .now(), kind: Kind, citedEvents: [EventRecord] = []) {
        self.id = id
        self.madeAt = madeAt
        self.kind = kind
        self.citedEvents = citedEvents
    }

    /// What changed. Events travel as their ``EventRecord`` (with the raw record), so a teammate
    /// without those logs still sees the evidence; they are matched by dedupe key.
    public enum Kind: Sendable, Hashable, Codable {
        /// A new investigation (its `id` is ignored; the database assigns one).
        case createInvestigation(Investigation)
        /// The given fields of an investigation take the values in `values` (the others are
        /// left as they are, so two people editing different fields both keep theirs).
        case updateInvestigation(InvestigationReference, values: Investigation, fields: [InvestigationField])
        /// A note, optionally about an event.
        case addNote(InvestigationReference, event: EventRecord?, body: String)
        /// A note's new body.
        case editNote(noteID: Int64, body: String)
        case link(InvestigationReference, event: EventRecord, reason: String?)
        case unlink(InvestigationReference, eventKey: String)
        case star(EventRecord)
        case unstar(eventKey: String)
        case addTag(EventRecord, tag: String)
        case removeTag(eventKey: String, tag: String)
        /// A named filter kept with an investigation (replaces one of the same name).
        case saveView(InvestigationReference, name: String, filter: String)
    }
}

/// An investigation a change refers to: one the database has already numbered, or one created
/// by an earlier change that may still be waiting in the outbox (the database resolves it to
/// the id that change got).
public enum InvestigationReference: Sendable, Hashable, Codable {
    case id(Int64)
    case createdBy(changeID: UUID)
}

/// The fields of an investigation a change can set, named as the team database's columns.
public enum InvestigationField: String, Sendable, Hashable, Codable, CaseIterable {
    case title, summary, status, severity, owner
    case resolvedAt = "resolved_at"
    case windowStart = "window_start"
    case windowEnd = "window_end"
    case affectedServices = "affected_services"
    case rootCause = "root_cause"
    case impact, resolution

    /// The fields whose values differ between `before` and `after`.
    public static func changed(from before: Investigation, to after: Investigation) -> [InvestigationField] {
        allCases.filter { field in
            switch field {
            case .title: before.title != after.title
            case .summary: before.summary != after.summary
            case .status: before.status != after.status
            case .severity: before.severity != after.severity
            case .owner: before.owner != after.owner
            case .resolvedAt: before.resolvedAt != after.resolvedAt
            case .windowStart: before.windowStart != after.windowStart
            case .windowEnd: before.windowEnd != after.windowEnd
            case .affectedServices: before.affectedServices != after.affectedServices
            case .rootCause: before.rootCause != after.rootCause
            case .impact: before.impact != after.impact
            case .resolution: before.resolution != after.resolution
            }
        }
    }
}

extension TeamChange {
    /// The change as the outbox keeps it (JSON, snake_case keys).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = JSONKeySpelling.snakeCaseEncoding
        return try encoder.encode(self)
    }

    /// A change the outbox kept.
    public init(decoding data: Data) throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = JSONKeySpelling.snakeCaseDecoding
        self = try decoder.decode(TeamChange.self, from: data)
    }
}
