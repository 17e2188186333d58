import Foundation
import InquestCore
import InquestStore
import Testing
@testable import InquestExchange

/// Stores with an investigation to bundle, events, and temporary files for the exchange tests.
enum ExchangeFixtures {
    static let minute: Int64 = 60_000_000_000
    static let base: Int64 = 1_790_000_000_000_000_000

    /// A log event numbered `n` at `base + n minutes`; its dedupe key depends on `source` and `n` only.
    static func event(_ n: Int, source: String = "app.log", message: String? = nil, raw: [UInt8]? = nil) -> Event {
        let bytes = raw ?? Array("raw line \(n) of \(source)\r\n\u{1}".utf8) + [0xFF, 0x00]
        return Event(
            timestamp: Timestamp(nanoseconds: base + Int64(n) * minute), timestampText: "t\(n)", timeQuality: [.zoneAssumed],
            sourceKind: n % 2 == 0 ? .log : .trace, sourceName: source, severity: n % 3 == 0 ? .error : .info,
            levelText: n % 3 == 0 ? "ERR" : nil, service: "svc-\(n % 4)", host: n % 2 == 0 ? "host-1" : nil,
            message: message ?? "message \(n)", traceID: "trace-\(n)", spanID: n % 2 == 0 ? "span-\(n)" : nil,
            requestID: nil, attributesJSON: "{\"n\":\(n)}", raw: bytes,
            dedupeKey: DedupeKey(source: source, raw: bytes, offset: Int64(n)))
    }

    /// The store a bundle is written from: events 0..<count (one per minute), an investigation
    /// with events 10 and 20 linked, 10 starred and tagged, two notes (one about event 20).
    static func sourceStore(count: Int = 40) throws -> (InquestStore, Int64) {
        let store = try InquestStore.inMemory()
        try store.append(EventBatch(events: (0..<count).map { event($0) }))
        let ids = try store.events(from: Timestamp(nanoseconds: 0), through: Timestamp(nanoseconds: .max), limit: 1000).compactMap(\.id)
        let investigation = try store.createInvestigation(
            Investigation(
                title: "Checkout 502s", summary: "summary", status: .resolved, severity: .sev2, owner: "alice",
                createdAt: Timestamp(nanoseconds: base), resolvedAt: Timestamp(nanoseconds: base + 50 * minute),
                windowStart: Timestamp(nanoseconds: base), windowEnd: Timestamp(nanoseconds: base + 40 * minute),
                affectedServices: ["checkout", "payment"], rootCause: "pool", impact: "502s", resolution: "rollback"))
        let id = try #require(investigation.id)
        try store.link(eventID: ids[10], toInvestigation: id, reason: "first error", by: "alice", at: Timestamp(nanoseconds: base + 1))
        try store.link(eventID: ids[20], toInvestigation: id, reason: nil, by: "bob", at: Timestamp(nanoseconds: base + 2))
        try store.star(eventID: ids[10], by: "alice", at: Timestamp(nanoseconds: base + 3))
        try store.addTag("root-cause", eventID: ids[10], by: "alice", at: Timestamp(nanoseconds: base + 4))
        try store.addTag("symptom", eventID: ids[20], by: "bob", at: Timestamp(nanoseconds: base + 5))
        try store.addNote(investigationID: id, body: "First note", author: "alice", at: Timestamp(nanoseconds: base + 6))
        try store.addNote(investigationID: id, eventID: ids[20], body: "About [[event:\(ids[20])]]", author: "bob", at: Timestamp(nanoseconds: base + 7))
        return (store, id)
    }

    static let provenance = BundleWriter.Provenance(user: "alice", host: "laptop", now: Timestamp(nanoseconds: base + 99 * minute))

    /// The bundle file bytes of investigation `id` with a context of `contextMinutes` each side.
    static func bundleData(_ store: InquestStore, _ id: Int64, contextMinutes: Int64 = 2, maxContext: Int = 1000) throws -> Data {
        let writer = BundleWriter(store: store, contextNanoseconds: contextMinutes * minute, maxContextEvents: maxContext, provenance: provenance)
        return try BundleCodec.encode(try writer.bundle(investigationID: id))
    }

    static let importer = BundleImporter(importer: "carol", now: Timestamp(nanoseconds: base + 200 * minute))

    /// Everything an investigation consists of in `store`, with ids replaced by what they denote
    /// (events by dedupe key), so two stores' copies compare equal.
    static func portableView(_ store: InquestStore, _ id: Int64) throws -> PortableInvestigation {
        var investigation = try #require(try store.investigation(id: id))
        investigation.id = nil
        func key(_ eventID: Int64?) throws -> String? {
            guard let eventID else { return nil }
            return try #require(try store.events(ids: [eventID]).first).dedupeKey.hex
        }
        let links = try store.links(investigationID: id).map { "\(try key($0.eventID) ?? "")|\($0.linkedBy)|\($0.linkedAt)|\($0.reason ?? "-")" }
        func portableBody(_ body: String) throws -> String {
            try EventCitation.pieces(of: body).map { piece in
                switch piece {
                case let .text(text): text
                case let .citation(eventID, _): "[[event:\(try key(eventID) ?? "?")]]"
                }
            }.joined()
        }
        let notes = try store.notes(investigationID: id).map {
            "\($0.author)|\(try portableBody($0.body))|\($0.createdAt)|\($0.editedAt)|\(try key($0.eventID) ?? "-")"
        }
        let linkedIDs = try store.links(investigationID: id).map(\.eventID)
        let events = try store.events(ids: linkedIDs).map { event -> Event in
            var copy = event
            copy.id = nil
            return copy
        }
        let stars = try store.stars(eventIDs: linkedIDs).map { "\(try key($0.eventID) ?? "")|\($0.starredBy)|\($0.starredAt)" }.sorted()
        let tags = try store.tagRecords(eventIDs: linkedIDs).map { "\(try key($0.eventID) ?? "")|\($0.tag)|\($0.taggedBy)|\($0.taggedAt)" }.sorted()
        return PortableInvestigation(investigation: investigation, links: links, notes: notes, events: events, stars: stars, tags: tags)
    }

    /// A new path under the temporary directory.
    static func temporaryPath(_ name: String) -> String {
        (NSTemporaryDirectory() as NSString).appendingPathComponent("inquest-exchange-\(UUID().uuidString)-\(name)")
    }
}

/// An investigation as seen from outside any one store (see ``ExchangeFixtures/portableView(_:_:)``).
struct PortableInvestigation: Equatable {
    var investigation: Investigation
    var links: [String]
    var notes: [String]
    var events: [Event]
    var stars: [String]
    var tags: [String]
}
