import ArgumentParser
import Foundation
import InquestCore
import InquestTeam

extension Investigation.Status: ExpressibleByArgument {}
extension Investigation.IncidentSeverity: ExpressibleByArgument {}

extension TeamCommand {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a team investigation; prints its id.")
        @OptionGroup var team: TeamOptions
        @OptionGroup var store: StoreOptions
        @Argument(help: "The title.") var title: String
        @Option(help: "SEV1 … SEV4.") var severity: Investigation.IncidentSeverity = .sev3
        @Option(help: "A one-paragraph summary.") var summary: String = ""

        func run() throws {
            let session = try TeamSession(team: team, store: store)
            let change = TeamChange(kind: .createInvestigation(Investigation(title: title, summary: summary, severity: severity)))
            try BlockingAsync.run { try await session.submit(change, describing: "created investigation") }
        }
    }

    struct AddNote: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to a team investigation (optionally about a local event).")
        @OptionGroup var team: TeamOptions
        @OptionGroup var store: StoreOptions
        @Argument(help: "The investigation's id in the team database.") var investigation: Int64
        @Argument(help: "The note (markdown); [[event:ID]] cites a local event, whose record is shared.") var body: String
        @Option(help: "A local event id the note is about (its record is shared).") var event: Int64?

        func run() throws {
            let session = try TeamSession(team: team, store: store)
            let record = try event.map { try session.record(ofEvent: $0) }
            let change = TeamChange.addNote(.id(investigation), event: record, body: body) { try? session.record(ofEvent: $0) }
            try BlockingAsync.run { try await session.submit(change, describing: "added note") }
        }
    }

    struct SetFields: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a team investigation's status, severity, owner or title.")
        @OptionGroup var team: TeamOptions
        @OptionGroup var store: StoreOptions
        @Argument(help: "The investigation's id in the team database.") var investigation: Int64
        @Option(help: "open, investigating or resolved.") var status: Investigation.Status?
        @Option(help: "SEV1 … SEV4.") var severity: Investigation.IncidentSeverity?
        @Option(help: "The owner.") var owner: String?
        @Option(help: "The title.") var title: String?

        func run() throws {
            let session = try TeamSession(team: team, store: store)
            // Only the fields given change: the others keep what teammates set.
            var values = Investigation(title: title ?? "-")
            var fields: [InvestigationField] = []
            if let title { values.title = title; fields.append(.title) }
            if let status { values.status = status; fields.append(.status) }
            if let severity { values.severity = severity; fields.append(.severity) }
            if let owner { values.owner = owner; fields.append(.owner) }
            guard !fields.isEmpty else { throw CLIFailure("nothing to change: give --status, --severity, --owner or --title") }
            let change = TeamChange(kind: .updateInvestigation(.id(investigation), values: values, fields: fields))
            let what = "set \(fields.map(\.rawValue).joined(separator: ", ")) of investigation #\(investigation)"
            try BlockingAsync.run { try await session.submit(change, describing: what) }
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Link a local event to a team investigation as evidence (its record is shared).")
        @OptionGroup var team: TeamOptions
        @OptionGroup var store: StoreOptions
        @Argument(help: "The investigation's id in the team database.") var investigation: Int64
        @Argument(help: "The local event id.") var event: Int64
        @Option(help: "Why it is evidence.") var reason: String?

        func run() throws {
            let session = try TeamSession(team: team, store: store)
            let change = TeamChange(kind: .link(.id(investigation), event: try session.record(ofEvent: event), reason: reason))
            try BlockingAsync.run { try await session.submit(change, describing: "linked event #\(event) to investigation #\(investigation)") }
        }
    }
}
