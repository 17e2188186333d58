import Foundation
import InquestCore
import InquestReport
import GRDB
@testable import InquestStore

/// A fixed investigation in an in-memory store, with every time, user and zone injected, so its
/// documents and renderings are the same on every machine.
enum ReportFixtures {
    /// 2026-11-20T10:00:00Z.
    static let base: Int64 = 1_795_168_800 * 1_000_000_000
    static let minute: Int64 = 60_000_000_000
    static let zone = TimeZone(identifier: "Europe/Berlin") ?? TimeZone(secondsFromGMT: 3600) ?? .gmt
    static let exportTime = Timestamp(nanoseconds: base + 600 * minute)

    static func time(_ minutes: Int64, seconds: Int64 = 0) -> Timestamp {
        Timestamp(nanoseconds: base + minutes * minute + seconds * 1_000_000_000)
    }

    static func event(
        _ n: Int, at time: Timestamp, kind: SourceKind = .log, source: String = "checkout.log", severity: Severity = .info,
        service: String? = "checkout", message: String, attributes: String = "{}", raw: [UInt8]? = nil
    ) -> Event {
        let bytes = raw ?? Array("\(time.iso8601) \(severity.name.uppercased()) \(message)".utf8)
        return Event(
            timestamp: time, timestampText: time.iso8601, sourceKind: kind, sourceName: source, severity: severity,
            levelText: severity.name.uppercased(), service: service, host: "web-\(n % 3 + 1)", message: message,
            attributesJSON: attributes, raw: bytes, dedupeKey: DedupeKey(source: source, raw: bytes, offset: Int64(n)))
    }

    /// The demo-like investigation: a deploy, errors, a metric anomaly, a rollback; links, a star,
    /// tags and notes citing events. Returns the store and the investigation id.
    static func demoStore() throws -> (InquestStore, Int64) {
        let store = try InquestStore.inMemory(audit: AuditIdentity(actor: "ingest", clock: { ReportFixtures.time(0) }))
        // The audit trail records who and when from the store's identity: set both per step.
        func by(_ actor: String, at minute: Int64, _ change: () throws -> Void) rethrows {
            store.audit.actor = actor
            store.audit.setClock { ReportFixtures.time(minute) }
            try change()
        }
        var events: [Event] = []
        for minute in 0..<60 where minute % 3 == 0 {
            events.append(event(events.count, at: time(Int64(minute), seconds: 5), message: "GET /cart 200 in 41ms"))
        }
        events.append(event(100, at: time(14), kind: .change, source: "git", service: "checkout",
                            message: "deploy checkout v2.14.0 (a1b2c3d): pool size 50 -> 5"))
        events.append(event(101, at: time(16, seconds: 12), severity: .error,
                            message: "payment call failed: connection pool exhausted (waited 5000ms)"))
        events.append(event(102, at: time(17), severity: .error, message: "payment call failed: connection pool exhausted (waited 5000ms)"))
        events.append(event(103, at: time(17, seconds: 30), kind: .metric, source: "latency.csv", severity: .warning,
                            service: "checkout_p99_ms", message: "anomaly: checkout_p99_ms rose to 4810 (baseline 180), for 12 min",
                            attributes: #"{"baseline":180,"peak_score":9.4,"peak_value":4810,"series":"checkout_p99_ms"}"#))
        events.append(event(104, at: time(19), kind: .alert, source: "alertmanager", severity: .critical,
                            message: "CheckoutErrorRateHigh firing: 23% of requests failing"))
        events.append(event(105, at: time(31), kind: .change, source: "git", message: "rollback checkout to v2.13.2"))
        events.append(event(106, at: time(33), kind: .ci, source: "junit.xml", severity: .error,
                            message: "PoolSizeTest.testMinimumPool failed: expected >= 20, got 5",
                            raw: Array("<testcase name=\"testMinimumPool\">\u{FF}".utf8) + [0xFF, 0xFE]))
        _ = try store.append(EventBatch(events: events))
        let all = try store.window(.everything, anchor: .oldest, limit: 1000)
        func id(_ prefix: String) -> Int64 { all.first { $0.message.hasPrefix(prefix) }?.id ?? -1 }
        let deploy = id("deploy checkout"), firstError = id("payment call failed"), anomaly = id("anomaly:")
        let alert = id("CheckoutErrorRateHigh"), rollback = id("rollback"), ci = id("PoolSizeTest")

        var iid: Int64 = -1
        try by("alice", at: 20) {
            iid = try store.createInvestigation(Investigation(
                title: "Checkout errors after v2.14.0 deploy", summary: "Checkout failed for 23% of requests for 15 minutes.",
                status: .investigating, severity: .sev2, owner: "alice", createdAt: time(20), updatedAt: time(45),
                windowStart: time(10), windowEnd: time(40), affectedServices: ["checkout", "payments"],
                rootCause: "v2.14.0 lowered the payment connection pool from 50 to 5.",
                impact: "23% of checkout requests failed between 10:16 and 10:31 UTC.",
                resolution: "Rolled back to v2.13.2; a CI test now guards the pool size.")).id ?? -1
            try store.link(eventID: deploy, toInvestigation: iid, reason: "the change that started it", by: "alice", at: time(21))
            try store.link(eventID: firstError, toInvestigation: iid, reason: "first failure", by: "alice", at: time(21))
        }
        try by("bob", at: 22) {
            try store.link(eventID: anomaly, toInvestigation: iid, by: "bob", at: time(22))
            try store.star(eventID: alert, by: "bob", at: time(22))
        }
        try by("alice", at: 23) {
            try store.addTag("root-cause", eventID: deploy, by: "alice", at: time(23))
            try store.addTag("symptom", eventID: firstError, by: "alice", at: time(23))
        }
        try by("alice", at: 24) {
            try store.addNote(investigationID: iid, body: "Errors start 2 minutes after the deploy [[event:\(deploy)]]; "
                              + "first failure [[event:\(firstError)]].", author: "alice", at: time(24))
        }
        try by("bob", at: 25) {
            let note = try store.addNote(investigationID: iid, eventID: anomaly, body: "p99 latency peaks with the pool waits.",
                                         author: "bob", at: time(25))
            try store.editNote(id: note.id ?? -1, body: "p99 latency peaks with the pool waits (see [[event:\(firstError)]]).",
                               at: time(25))
        }
        try by("alice", at: 32) { try store.link(eventID: rollback, toInvestigation: iid, reason: "mitigation", by: "alice", at: time(32)) }
        try by("bob", at: 34) { try store.link(eventID: ci, toInvestigation: iid, reason: "regression test", by: "bob", at: time(34)) }
        try by("alice", at: 39) {
            try store.addNote(investigationID: iid, body: "Rolled back [[event:\(rollback)]]; alert cleared. Guard added [[event:\(ci)]].",
                              author: "alice", at: time(39))
        }
        try by("carol", at: 40) { try store.resolveForTest(iid, at: time(40), updatedAt: time(45)) }
        return (store, iid)
    }

    static func builder(_ store: InquestStore) -> InvestigationDocumentBuilder {
        InvestigationDocumentBuilder(
            store: store, clock: ReportClock(timeZone: zone), exportedBy: "tester", now: exportTime,
            generator: "inquest (test)", densityBuckets: 30)
    }

    static func demoDocument() throws -> InvestigationDocument {
        let (store, id) = try demoStore()
        return try builder(store).build(investigationID: id)
    }
}

extension InquestStore {
    /// Marks the investigation resolved with fixed times, in SQL: ``updateInvestigation`` stamps
    /// the wall clock into `updated_at`, which golden files cannot hold. The audit trigger still
    /// records the change (status, resolved_at) with the identity's actor and clock.
    func resolveForTest(_ id: Int64, at resolvedAt: Timestamp, updatedAt: Timestamp) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE investigation SET status = 'resolved', resolved_at = ?, updated_at = ? WHERE id = ?",
                arguments: [resolvedAt.nanoseconds, updatedAt.nanoseconds, id])
        }
    }
}
