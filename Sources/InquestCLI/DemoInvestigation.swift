import Foundation
import InquestCore
import InquestStore

/// The demo's worked example: a finished investigation of the demo incident, described in
/// `examples/demo-investigation.json` (fields, evidence found by filters, notes citing it) and
/// created through the store API, so its audit trail is filled like a user's would be.
struct DemoInvestigation: Decodable {
    struct Evidence: Decodable {
        /// The name notes cite it by (`{name}`).
        var name: String
        /// The first event matching this filter is the evidence.
        var filter: String
        var reason: String?
        var star: Bool?
        var tags: [String]
    }

    struct NoteSpec: Decodable {
        var at: String
        var author: String
        /// The evidence the note is about, if any.
        var about: String?
        /// Markdown; `{name}` becomes a citation of that evidence's event.
        var body: String
    }

    var title: String
    var summary: String
    var status: Investigation.Status
    var severity: Investigation.IncidentSeverity
    var owner: String
    var createdAt: String
    var resolvedAt: String
    var windowStart: String
    var windowEnd: String
    var affectedServices: [String]
    var rootCause: String
    var impact: String
    var resolution: String
    var evidence: [Evidence]
    var notes: [NoteSpec]

    /// How a note cites an event (the report's citation syntax).
    static func citation(_ eventID: Int64) -> String { "[[event:\(eventID)]]" }

    static func load(from file: URL) throws -> DemoInvestigation {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(DemoInvestigation.self, from: Data(contentsOf: file))
        } catch {
            throw CLIFailure("cannot read \(file.path): \(error)")
        }
    }

    /// Creates the investigation unless one with its title exists; returns its id and whether it was created.
    func ensure(in store: InquestStore) throws -> (id: Int64, created: Bool) {
        if let existing = try store.investigations().first(where: { $0.investigation.title == title })?.investigation.id {
            return (existing, false)
        }
        var eventIDs: [String: Int64] = [:]
        for item in evidence {
            eventIDs[item.name] = try firstEvent(matching: item.filter, in: store)
        }
        let created = try store.createInvestigation(
            Investigation(
                title: title, summary: summary, status: status, severity: severity, owner: owner,
                createdAt: try time(createdAt), resolvedAt: try time(resolvedAt), windowStart: try time(windowStart),
                windowEnd: try time(windowEnd), affectedServices: affectedServices, rootCause: rootCause, impact: impact,
                resolution: resolution))
        guard let id = created.id else { throw CLIFailure("the demo investigation was not stored") }
        let linkTime = try time(createdAt)
        for item in evidence {
            guard let eventID = eventIDs[item.name] else { continue }
            try store.link(eventID: eventID, toInvestigation: id, reason: item.reason, by: owner, at: linkTime)
            if item.star == true { try store.star(eventID: eventID, by: owner, at: linkTime) }
            for tag in item.tags { try store.addTag(tag, eventID: eventID, by: owner, at: linkTime) }
        }
        for spec in notes {
            var body = spec.body
            for (name, eventID) in eventIDs { body = body.replacingOccurrences(of: "{\(name)}", with: Self.citation(eventID)) }
            try store.addNote(
                investigationID: id, eventID: spec.about.flatMap { eventIDs[$0] }, body: body, author: spec.author,
                at: try time(spec.at))
        }
        return (id, true)
    }

    private func firstEvent(matching filter: String, in store: InquestStore) throws -> Int64 {
        let parsed: Filter
        do {
            parsed = try Filter.parse(filter)
        } catch {
            throw CLIFailure("demo evidence filter \(filter.debugDescription): \(error)")
        }
        let sql = FilterSQLCompiler.compile(parsed, now: try time(resolvedAt))
        guard let row = try store.window(sql, anchor: .oldest, limit: 1).first else {
            throw CLIFailure("no demo event matches \(filter.debugDescription); regenerate examples/incident/")
        }
        return row.id
    }

    private func time(_ text: String) throws -> Timestamp {
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw CLIFailure("examples/demo-investigation.json: \(text.debugDescription) is not an ISO 8601 time")
        }
        return Timestamp(date: date)
    }
}
