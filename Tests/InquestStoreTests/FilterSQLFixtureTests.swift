import Foundation
import GRDB
import InquestCore
@testable import InquestStore
import Testing

/// An in-memory store with the agreed schema and twenty handcrafted events, one a minute from
/// 2026-11-20T10:00Z (id 1) to 10:19Z (id 20), to run compiled filters against.
struct FilterSQLFixture {
    /// 2026-11-20T10:00:00Z, the time of event 1.
    static let base = Timestamp(nanoseconds: (1_795_132_800 + 36_000) * 1_000_000_000)
    /// The time of the last event (id 20).
    static let lastEventTime = at(minute: 19)
    static let allIDs: [Int64] = Array(1...20)

    static func at(minute: Int64) -> Timestamp {
        Timestamp(nanoseconds: base.nanoseconds + minute * 60 * 1_000_000_000)
    }

    /// Columns: source kind, source name, severity, service, host, message, trace, span, request, attributes.
    static let rows: [(SourceKind, String, Severity, String?, String?, String, String?, String?, String?, String)] = [
        (.log, "app.log", .info, "checkout", "web-1", "checkout started for cart 42", "t1", "s1", "r1",
         #"{"status":200,"latency_ms":120,"http.method":"GET"}"#),
        (.log, "app.log", .warning, "checkout", "web-1", "payment gateway slow response", "t1", "s2", "r1",
         #"{"status":200,"latency_ms":1500,"http":{"method":"POST"}}"#),
        (.log, "app.log", .error, "checkout", "web-2", "payment gateway timeout after 3000ms", "t2", nil, "r2",
         #"{"status":504,"latency_ms":3012}"#),
        (.log, "api.log", .error, "api-gateway", "api-1", "upstream timeout retry scheduled", "t2", nil, nil,
         #"{"status":"504","retry":true}"#),
        (.log, "api.log", .info, "API-Gateway", "api-2", "request served", nil, nil, nil, #"{"status":200,"cached":true}"#),
        (.metric, "prometheus", .warning, "cart", nil, "p99 latency anomaly on cart", nil, nil, nil, #"{"latency_ms":900.5}"#),
        (.trace, "otlp", .error, "payment", "api-3", "span error: card declined", "t3", "s9", nil, #"{"weird key":"x y"}"#),
        (.change, "git", .info, "payment", nil, "deploy payment v2.3.1 (commit abc123)", nil, nil, nil, #"{"author":"alice"}"#),
        (.ci, "github-actions", .error, nil, nil, "test_checkout_flow failed", nil, nil, nil, "{}"),
        (.alert, "alertmanager", .critical, "checkout", nil, "CheckoutErrorRate firing", nil, nil, nil, #"{"severity":"page"}"#),
        (.note, "notes", .info, nil, nil, "Investigator note: timeout correlates with deploy", nil, nil, nil, "{}"),
        (.log, "app.log", .debug, "cart", "web-3", "cache hit ratio 0.93", nil, nil, nil, #"{"ratio":0.93}"#),
        (.log, "db.log", .critical, "inventory", "db-1", "disk full on /var/lib/postgres", nil, nil, nil,
         #"{"path":"/var/lib/postgres"}"#),
        (.log, "app.log", .warning, "checkout", "web-1", "Connection reset by peer", nil, nil, nil, #"{"peer":"10.0.0.7"}"#),
        (.log, "app.log", .info, "checkout", "web-1", "connection established to payment gateway", nil, nil, nil, "{}"),
        (.log, "weird%name_.log", .info, "search", "api-4", "Café crème served", nil, nil, nil, "{}"),
        (.log, "app.log", .error, "checkout", "web-2", #"NEAR(timeout) "quoted" ^caret *star 100% done"#, nil, nil, nil, "{}"),
        (.log, "app.log", .info, "Checkout", "WEB-1", "timeout budget raised", nil, nil, nil, #"{"status":200}"#),
        (.log, "app.log", .warning, "shipping", "worker-1", "carrier API throttled; retrying", nil, nil, nil,
         #"{"latency_ms":"2500"}"#),
        (.log, "app.log", .info, "shipping", "worker-1", "'); DROP TABLE event; --", nil, nil, nil, "{}"),
    ]

    let database: DatabaseQueue

    init() throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in db.add(function: FilterSQLRegex.function) }
        database = try DatabaseQueue(configuration: configuration)
        try database.write { db in
            try Self.createSchema(db)
            for (index, row) in Self.rows.enumerated() {
                let id = Int64(index + 1)
                let (kind, sourceName, severity, service, host, message, trace, span, request, attributes) = row
                try db.execute(
                    sql: """
                        INSERT INTO event (id, ts, ts_text, time_quality, source_kind, source_name, severity,
                          service, host, message, trace_id, span_id, request_id, attributes, raw, dedupe_key)
                        VALUES (?, ?, '', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, x'', ?)
                        """,
                    arguments: [
                        id, Self.at(minute: id - 1).nanoseconds, kind.rawValue, sourceName, severity.rawValue,
                        service, host, message, trace, span, request, attributes, Data([UInt8(id)]),
                    ]
                )
            }
            try db.execute(sql: "INSERT INTO fts.event_fts(rowid, message, attributes) SELECT id, message, attributes FROM event")
            try db.execute(sql: "INSERT INTO star VALUES (3, 'ana', 0), (10, 'ana', 0)")
            try db.execute(sql: "INSERT INTO event_tag VALUES (3, 'root-cause', 'ana', 0), (4, 'Symptom', 'ana', 0), (13, 'unrelated', 'bo', 0)")
            try db.execute(sql: "INSERT INTO investigation (id, title) VALUES (1, 'checkout timeouts'), (2, 'disk')")
            try db.execute(sql: "INSERT INTO event_link VALUES (1, 3, 'ana', 0, NULL), (1, 4, 'ana', 0, NULL), (2, 13, 'bo', 0, 'noise')")
        }
    }

    private static func createSchema(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE event (
                  id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, ts_text TEXT NOT NULL, time_quality INTEGER NOT NULL,
                  source_kind TEXT NOT NULL, source_name TEXT NOT NULL, severity INTEGER NOT NULL, level_text TEXT,
                  service TEXT, host TEXT, message TEXT NOT NULL, trace_id TEXT, span_id TEXT, request_id TEXT,
                  attributes TEXT NOT NULL DEFAULT '{}', raw BLOB NOT NULL, dedupe_key BLOB NOT NULL UNIQUE);
                CREATE INDEX event_by_time ON event(ts, id);
                ATTACH DATABASE ':memory:' AS fts;
                CREATE VIRTUAL TABLE fts.event_fts USING fts5(message, attributes, content='', tokenize='unicode61', columnsize=0);
                CREATE TABLE star (event_id INTEGER PRIMARY KEY REFERENCES event(id) ON DELETE CASCADE,
                  starred_by TEXT NOT NULL, starred_at INTEGER NOT NULL);
                CREATE TABLE event_tag (event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE, tag TEXT NOT NULL,
                  tagged_by TEXT NOT NULL, tagged_at INTEGER NOT NULL, PRIMARY KEY (event_id, tag));
                CREATE TABLE investigation (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
                CREATE TABLE event_link (investigation_id INTEGER NOT NULL REFERENCES investigation(id) ON DELETE CASCADE,
                  event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE, linked_by TEXT NOT NULL,
                  linked_at INTEGER NOT NULL, reason TEXT, PRIMARY KEY (investigation_id, event_id));
                """
        )
    }

    /// The ids, in time order, of the events a compiled filter selects.
    func ids(_ sql: FilterSQL) throws -> [Int64] {
        try database.read { db in
            try Int64.fetchAll(
                db,
                sql: "SELECT id FROM event WHERE \(sql.whereClause) ORDER BY ts, id",
                arguments: Self.arguments(sql)
            )
        }
    }

    /// The ids selected by filter text, with `now` at the last event.
    func ids(_ text: String, now: Timestamp = lastEventTime) throws -> [Int64] {
        try ids(FilterSQLCompiler.compile(try Filter.parse(text), now: now))
    }

    static func arguments(_ sql: FilterSQL) -> StatementArguments {
        StatementArguments(
            sql.arguments.map { argument -> (any DatabaseValueConvertible)? in
                switch argument {
                case .integer(let value): value
                case .real(let value): value
                case .text(let value): value
                }
            }
        )
    }

    /// All ids except the given ones.
    static func allExcept(_ excluded: Set<Int64>) -> [Int64] { allIDs.filter { !excluded.contains($0) } }
}

@Suite struct FilterSQLFixtureTests {
    @Test func fixtureIndexesEveryEventForFullText() throws {
        let fixture = try FilterSQLFixture()
        let count = try fixture.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM fts.event_fts WHERE event_fts MATCH 'served'")
        }
        #expect(count == 2)
        #expect(try fixture.ids("") == FilterSQLFixture.allIDs)
    }
}
