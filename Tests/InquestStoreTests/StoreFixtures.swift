import Foundation
import InquestCore
@testable import InquestStore

/// Events, filters and temporary directories shared by the store tests.
enum StoreFixtures {
    /// A log event numbered `n`; its dedupe key depends on `source` and `n` only.
    static func event(
        _ n: Int, ts: Int64, severity: Severity = .info, service: String? = "api", message: String? = nil,
        source: String = "app.log", kind: SourceKind = .log, host: String? = "host-1"
    ) -> Event {
        let raw = Array("raw line \(n) of \(source)".utf8)
        return Event(
            timestamp: Timestamp(nanoseconds: ts), timestampText: "t\(n)", timeQuality: [.zoneAssumed], sourceKind: kind,
            sourceName: source, severity: severity, levelText: severity.name.uppercased(), service: service, host: host,
            message: message ?? "message \(n)", traceID: "trace-\(n)", attributesJSON: "{\"n\":\(n)}", raw: raw,
            dedupeKey: DedupeKey(source: source, raw: raw, offset: Int64(n)))
    }

    static func severityAtLeast(_ severity: Severity) -> FilterSQL {
        FilterSQL(whereClause: "event.severity >= ?", arguments: [.integer(Int64(severity.rawValue))], usesFullText: false)
    }

    static func text(_ query: String) -> FilterSQL {
        FilterSQL(
            whereClause: "event.id IN (SELECT rowid FROM fts.event_fts WHERE event_fts MATCH ?)", arguments: [.text(query)],
            usesFullText: true)
    }

    /// A new empty directory under the system temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("inquest-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The permission bits of a file or directory.
    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
