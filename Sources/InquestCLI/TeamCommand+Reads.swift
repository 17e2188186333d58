import ArgumentParser
import Foundation
import InquestCore
import InquestReport
import InquestStore
import InquestTeam
import InquestText

extension TeamCommand {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a team investigation's audit trail (as `inquest log`).")
        @OptionGroup var team: TeamOptions
        @Argument(help: "The investigation's id in the team database.") var investigation: Int64

        func run() throws {
            let url = try team.requireURL()
            let id = investigation
            let trail = try BlockingAsync.run {
                return try await TeamDatabase.using(url: url) { database in
                    try await Migrate.failing { try await database.auditTrail(investigationID: id) }
                }
            }
            for line in AuditLogPrinter.table(trail) { print(line) }
        }
    }

    struct Evidence: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a team investigation's evidence as shared (also events this store does not have), and the local id where it has them.")
        @OptionGroup var team: TeamOptions
        @OptionGroup var store: StoreOptions
        @Argument(help: "The investigation's id in the team database.") var investigation: Int64

        func run() throws {
            let url = try team.requireURL()
            let local = try store.openForReading()
            let id = investigation
            let evidence = try BlockingAsync.run {
                try await TeamDatabase.using(url: url) { database in
                    try await Migrate.failing { try await database.evidence(investigationID: id) }
                }
            }
            if evidence.isEmpty { print("no evidence linked to team investigation #\(id)") }
            for item in evidence {
                let record = item.record
                let localID = DedupeKey(hex: record.dedupeKey).flatMap { try? local.eventID(dedupeKey: $0) }
                let here = localID.map { "#\($0)" } ?? "not here"
                let line = "\(Timestamp(nanoseconds: record.timestampNs).iso8601)  \(record.severity)  \(record.sourceName)  \(record.message)"
                print(TextSanitizer.singleLine(line) + "  [\(here); linked by \(TextSanitizer.singleLine(item.linkedBy))]")
            }
        }
    }

    struct Listen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print each change to the team database as it commits, one JSON object a line, until interrupted.")
        @OptionGroup var team: TeamOptions
        @Option(help: "Stop after this many changes.") var count: Int?

        func run() throws {
            let url = try team.requireURL()
            let limit = count
            try BlockingAsync.run {
                var seen = 0
                for await event in TeamListener.events(url: url) {
                    let line = Self.jsonLine(event)
                    print(line)
                    fflush(nil)
                    if case .changed = event { seen += 1 }
                    if let limit, seen >= limit { break }
                }
            }
        }

        static func jsonLine(_ event: TeamListenerEvent) -> String {
            var object: [String: Any]
            switch event {
            case .connected:
                object = ["event": "connected"]
            case .disconnected(let reason):
                object = ["event": "disconnected", "reason": reason]
            case .changed(let notice):
                object = [
                    "event": "changed", "audit_id": notice.auditID, "entity": notice.entity.rawValue,
                    "action": notice.action.rawValue, "actor": notice.actor,
                ]
                if let id = notice.investigationID { object["investigation_id"] = id }
                if let key = notice.eventKey { object["event_key"] = key }
            }
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
                return "{}"
            }
            return ReportJSON.escapingInvisibleControls(String(decoding: data, as: UTF8.self))
        }
    }
}
