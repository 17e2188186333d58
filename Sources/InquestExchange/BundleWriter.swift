import Foundation
import InquestCore
import InquestStore

/// Collects one investigation and everything around it from a store into an
/// ``InvestigationBundle`` (``BundleCodec`` turns it into the file's bytes).
public struct BundleWriter: Sendable {
    /// Who, where and when the bundle is written (injected so tests are deterministic).
    public struct Provenance: Sendable, Hashable {
        public var user: String
        public var host: String
        public var now: Timestamp

        public init(user: String, host: String, now: Timestamp) {
            self.user = user
            self.host = host
            self.now = now
        }

        /// The current OS user, host name and time.
        public static func current() -> Provenance {
            Provenance(user: CurrentUser.name, host: ProcessInfo.processInfo.hostName, now: .now())
        }
    }

    /// The default context: five minutes each side of every linked event.
    public static let defaultContext: Int64 = 5 * 60 * 1_000_000_000
    /// The default cap on context events (linked and note events are always included).
    public static let defaultMaxContextEvents = 10_000

    public var store: InquestStore
    /// Nanoseconds each side of every linked event whose events are carried as context.
    public var contextNanoseconds: Int64
    public var maxContextEvents: Int
    public var provenance: Provenance

    public init(
        store: InquestStore, contextNanoseconds: Int64 = BundleWriter.defaultContext,
        maxContextEvents: Int = BundleWriter.defaultMaxContextEvents, provenance: Provenance = .current()
    ) {
        self.store = store
        self.contextNanoseconds = contextNanoseconds
        self.maxContextEvents = maxContextEvents
        self.provenance = provenance
    }

    /// The bundle of investigation `id`; ``InvestigationBundle/manifest`` tells whether the
    /// context was capped.
    public func bundle(investigationID id: Int64) throws -> InvestigationBundle {
        do {
            return try collect(id)
        } catch let error as ExchangeError {
            throw error
        } catch {
            throw ExchangeError.store("\(error)")
        }
    }

    private func collect(_ id: Int64) throws -> InvestigationBundle {
        guard let investigation = try store.investigation(id: id) else {
            throw ExchangeError.investigationNotFound("#\(id)")
        }
        let links = try store.links(investigationID: id)
        let notes = try store.notes(investigationID: id)
        let cited = notes.flatMap { EventCitation.citedEventIDs(in: $0.body) }
        let evidenceIDs = Array(Set(links.map(\.eventID) + notes.compactMap(\.eventID) + cited)).sorted()
        let evidence = try store.events(ids: evidenceIDs)
        let linkedTimes = try store.events(ids: links.map(\.eventID)).map(\.timestamp)
        let (context, capped) = try contextEvents(around: linkedTimes, excluding: Set(evidenceIDs))
        let events = (evidence + context).sorted { ($0.timestamp, $0.id ?? 0) < ($1.timestamp, $1.id ?? 0) }
        let eventIDs = events.compactMap(\.id)
        let bundledNotes = try notes.map { note in
            BundledNote(originKey: try store.originKey(entity: "note", localID: note.id ?? 0), note: note)
        }
        let manifest = BundleManifest(
            createdAtNs: provenance.now.nanoseconds, createdBy: provenance.user, sourceHost: provenance.host,
            sourceDatabase: store.path, sourceStoreID: try store.storeID(), investigationID: id,
            investigationOriginKey: try store.originKey(entity: "investigation", localID: id),
            contextNs: contextNanoseconds, contextCapped: capped, maxContextEvents: maxContextEvents, sections: [:])
        return InvestigationBundle(
            manifest: manifest, investigation: investigation, notes: bundledNotes, links: links,
            stars: try store.stars(eventIDs: eventIDs), tags: try store.tagRecords(eventIDs: eventIDs),
            audit: try auditEntries(investigationID: id),
            events: events.map { EventRecord($0, eventID: $0.id ?? 0) })
    }

    /// The events within the context window of any linked event (merged ranges, time order),
    /// at most ``maxContextEvents``; the flag says whether the cap cut some off.
    private func contextEvents(around times: [Timestamp], excluding: Set<Int64>) throws -> ([Event], Bool) {
        guard contextNanoseconds > 0, maxContextEvents > 0 else { return ([], false) }
        var ranges: [(Int64, Int64)] = []
        for time in times.map(\.nanoseconds).sorted() {
            // Saturating: context around an event at the ends of the time range stays at the ends.
            let start = time.addingSaturating(-contextNanoseconds)
            let end = time.addingSaturating(contextNanoseconds)
            if let last = ranges.last, start <= last.1 {
                ranges[ranges.count - 1].1 = max(last.1, end)
            } else {
                ranges.append((start, end))
            }
        }
        var out: [Event] = []
        var seen = excluding
        for (start, end) in ranges {
            let remaining = maxContextEvents - out.count
            let batch = try store.events(
                from: Timestamp(nanoseconds: start), through: Timestamp(nanoseconds: end), limit: remaining + excluding.count + 1)
            for event in batch {
                guard let id = event.id, seen.insert(id).inserted else { continue }
                if out.count == maxContextEvents { return (out, true) }
                out.append(event)
            }
        }
        return (out, false)
    }

    /// The investigation's audit trail, oldest first, each entry with its origin key.
    private func auditEntries(investigationID: Int64) throws -> [BundledAuditEntry] {
        try store.auditTrail(investigationID: investigationID).map { entry in
            BundledAuditEntry(
                originKey: try store.originKey(entity: "audit", localID: entry.id), atNs: entry.at.nanoseconds,
                actor: entry.actor, entity: entry.entity.rawValue, action: entry.action.rawValue,
                investigationID: entry.investigationID, eventID: entry.eventID, noteID: entry.noteID, detail: entry.detail,
                before: entry.before, after: entry.after)
        }
    }
}
