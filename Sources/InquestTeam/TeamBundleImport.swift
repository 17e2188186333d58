import Foundation
import InquestCore
import InquestExchange

/// A bundle (or a JSON export, read as one) as the changes that put its investigation into the
/// team database: the investigation as it was created, its notes, links, and its events' stars
/// and tags, each at the time it was made there, the events with their raw records.
///
/// Each change's id is derived from the bundle's origin keys (a hash), so importing one file
/// twice, or two teammates importing it, applies it once (the database records change ids).
/// A bundle written from this same team database (its source is the team's identity) names an
/// investigation that is already here: its notes are not added again, its links, stars and tags
/// are (a link or star already there is left as it is). The authors in the team database are
/// the importer's role (the source's authors stay in the bundle); a note's citations of the
/// bundle's events become key citations (``TeamCitation``), their events shared with it.
public struct TeamBundleImport: Sendable {
    public var bundle: InvestigationBundle
    /// ``TeamDatabase/identity()`` of the database imported into.
    public var teamIdentity: String

    public init(bundle: InvestigationBundle, teamIdentity: String) {
        self.bundle = bundle
        self.teamIdentity = teamIdentity
    }

    /// Whether the bundle was written from this team database.
    public var isFromThisTeam: Bool { bundle.manifest.sourceStoreID == teamIdentity }

    /// The changes, in the order to send them (the investigation first).
    public func changes() -> [TeamChange] {
        let origin = bundle.manifest.investigationOriginKey
        let events = Dictionary(bundle.events.map { ($0.eventID, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [TeamChange] = []
        let reference: InvestigationReference
        if isFromThisTeam {
            reference = .id(bundle.manifest.investigationID)
        } else {
            let create = TeamChange(
                id: Self.changeID("create", origin), madeAt: bundle.investigation.createdAt, kind: .createInvestigation(bundle.investigation))
            changes.append(create)
            reference = .createdBy(changeID: create.id)
            for bundled in bundle.notes {
                let note = bundled.note
                let shared = TeamCitation.shared(note.body) { events[$0] }
                changes.append(TeamChange(
                    id: Self.changeID("note", bundled.originKey), madeAt: note.createdAt,
                    kind: .addNote(reference, event: note.eventID.flatMap { events[$0] }, body: shared.body), citedEvents: shared.cited))
            }
        }
        for link in bundle.links {
            guard let event = events[link.eventID] else { continue }
            changes.append(TeamChange(
                id: Self.changeID("link", origin, event.dedupeKey), madeAt: link.linkedAt,
                kind: .link(reference, event: event, reason: link.reason)))
        }
        for star in bundle.stars {
            guard let event = events[star.eventID] else { continue }
            changes.append(TeamChange(id: Self.changeID("star", origin, event.dedupeKey), madeAt: star.starredAt, kind: .star(event)))
        }
        for tag in bundle.tags {
            guard let event = events[tag.eventID] else { continue }
            changes.append(TeamChange(
                id: Self.changeID("tag", origin, event.dedupeKey, tag.tag), madeAt: tag.taggedAt, kind: .addTag(event, tag: tag.tag)))
        }
        return changes
    }

    /// A UUID that depends only on `parts` (the first 16 bytes of their SHA-256, marked as a
    /// name-based UUID, version 5 layout).
    static func changeID(_ parts: String...) -> UUID {
        var hasher = SHA256()
        hasher.update(Array(parts.joined(separator: "\u{1F}").utf8))
        var digest = Array(hasher.finalize().prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        return UUID(uuid: (
            digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
            digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]))
    }
}
