import GRDB
import InquestCore
import Testing
@testable import InquestStore

/// The per-minute count tables (`MinuteCounts`) and the breakdowns that read them.
@Suite struct MinuteCountsTests {
    static let second: Int64 = 1_000_000_000
    static let minute: Int64 = 60 * second
    /// A bucket boundary (ten minutes).
    static let base: Int64 = 29_916_670 * minute

    /// 3,000 events over 60 minutes: 5 services and one without, 3 hosts and one without, every
    /// severity, templates 1–4 (4 absorbed into 1) and none, two source kinds, three files; appended in
    /// batches that overlap, so some appends store only part of their batch.
    static func store() throws -> InquestStore {
        let store = try InquestStore.inMemory()
        let services: [String?] = ["api", "web", "cache", "Api", "db", nil]
        let hosts: [String?] = ["web-1", "web-2", nil, "Web-1"]
        var events: [Event] = []
        var templates: [Int64] = []
        for n in 0..<3_000 {
            let ts = base + Int64((n * 7_919) % 3_600) * second + Int64(n % 997) * 1_000_003
            events.append(StoreFixtures.event(
                n, ts: ts, severity: Severity.allCases[(n / 3) % Severity.allCases.count], service: services[n % services.count],
                source: ["app.log", "db.log", "edge/app.log", "app.log"][n % 4], kind: n % 11 == 0 ? .metric : .log,
                host: hosts[(n / 7) % hosts.count]))
            templates.append(Int64(n % 5))
        }
        func batch(_ range: Range<Int>, withTemplates: Bool) -> EventBatch {
            var encoded = EncodedEvents(Array(events[range]))
            if withTemplates { encoded.assignTemplates(Array(templates[range])) }
            var batch = EventBatch(events: encoded)
            batch.templates = (1...4).map { id in
                LogTemplate(id: Int64(id), tokens: ["step", "\(id)", "<*>"], count: 0, mergedInto: id == 4 ? 1 : nil)
            }
            return batch
        }
        try store.append(batch(0..<1_200, withTemplates: true))
        try store.append(batch(1_000..<2_500, withTemplates: true))
        try store.append(batch(2_500..<3_000, withTemplates: false))
        return store
    }

    /// Each table's rows, and a count of the stored events by the same keys.
    static func tableAndCount(_ store: InquestStore) throws -> (table: [[String]], counted: [[String]]) {
        try store.writer.read { db in
            var table: [[String]] = []
            var counted: [[String]] = []
            for counts in MinuteCounts.all {
                let columns = counts.keys.map { "quote(\($0.eventColumn))" }.joined(separator: ", ")
                let order = (1...(counts.keys.count + 1)).map(String.init).joined(separator: ", ")
                let width = counts.keys.count + 2
                func strings(_ rows: [Row]) -> [[String]] {
                    rows.map { row in [counts.table] + (0..<width).map { String(describing: row[$0] as DatabaseValue) } }
                }
                table += strings(try Row.fetchAll(db, sql: "SELECT minute, \(columns), count FROM \(counts.table) ORDER BY \(order)"))
                counted += strings(try Row.fetchAll(db, sql: """
                    SELECT \(MinuteCounts.bucketExpression(of: "ts")), \(columns), count(*) FROM event GROUP BY \(order) ORDER BY \(order)
                    """))
            }
            return (table, counted)
        }
    }

    @Test func appendsKeepTheCountsEqualToTheStoredEvents() throws {
        let store = try Self.store()
        let (table, counted) = try Self.tableAndCount(store)
        #expect(table == counted)
        #expect(table.count > 100)
        #expect(try store.count(.everything) == 3_000)
    }

    @Test func deletesAndUpdatesOfEventsKeepTheCountsExact() throws {
        let store = try Self.store()
        try store.writer.write { db in
            try db.execute(sql: "DELETE FROM event WHERE id % 7 = 0")
            try db.execute(sql: "UPDATE event SET service = 'moved', template_id = 2 WHERE id % 5 = 1")
            try db.execute(sql: "UPDATE event SET ts = ts + 90000000000, severity = 1 WHERE id % 13 = 2")
            try db.execute(sql: "UPDATE event SET host = NULL, source_kind = 'git' WHERE id % 17 = 3")
            try db.execute(sql: "UPDATE event SET source_name = 'moved.log' WHERE id % 19 = 4")
            try db.execute(sql: "DELETE FROM event WHERE service IS NULL AND id % 2 = 0")
        }
        let (table, counted) = try Self.tableAndCount(store)
        #expect(table == counted)
        // A group whose last event was deleted leaves no row with a zero count.
        for counts in MinuteCounts.all {
            let empty = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(counts.table) WHERE count <= 0") }
            #expect(empty == 0, "\(counts.table)")
        }
    }

    static let filters = [
        "", "service:api", "service:a*", "-service:*", "service:*", "severity>=error", "level:warn",
        "template:1", "template:2", "source:metric", "NOT service:web", "service:web OR severity>=critical",
        "(service:cache OR service:db) severity<info", "host:web-1", "host:web*", "-host:*", "host:web-2 service:api",
        "source:db.log", "source:*app.log", "source:edge/app.log severity>=warn",
    ]
    static let dimensionSets: [[BreakdownDimension]] = [
        [.service], [.severity], [.template], [.source], [.service, .template], [.template, .severity, .source],
        [.host], [.host, .service, .severity, .source], [.sourceName], [.sourceName, .service, .severity],
    ]

    /// Windows with ragged ends, one without a whole bucket, one starting on a bucket edge, one
    /// on minute edges, and the whole store.
    static let windows: [Range<Timestamp>] = [
        (base + 17 * second + 3)..<(base + 35 * minute + 31 * second),
        (base + 61 * second)..<(base + 9 * minute),
        base..<(base + 27 * minute),
        (base + 3 * minute)..<(base + 44 * minute),
        (base - minute)..<(base + 61 * minute),
        (base + 2 * minute + 1)..<(base + 59 * minute - 1),
    ].map { Timestamp(nanoseconds: $0.lowerBound)..<Timestamp(nanoseconds: $0.upperBound) }

    @Test(arguments: filters)
    func breakdownsFromTheCountsEqualTheRowScan(filter text: String) throws {
        let store = try Self.store()
        let filter = FilterSQLCompiler.compile(try Filter.parse(text), now: .now())
        #expect(MinuteCounts.answering(filter, by: [.service]) != nil, "\(text) should be answered by the counts")
        for dimensions in Self.dimensionSets {
            for window in Self.windows {
                let fast = try store.breakdown(filter, by: dimensions, in: window)
                let rows = try store.breakdown(filter, by: dimensions, in: window, reading: .rows)
                #expect(fast == rows, "\(text) by \(dimensions.map(\.name)) in \(window)")
                let compared = try store.comparison(filter, by: dimensions, in: window)
                let comparedRows = try store.comparison(filter, by: dimensions, in: window, reading: .rows)
                #expect(compared == comparedRows, "compare \(text) by \(dimensions.map(\.name)) in \(window)")
            }
        }
    }

    @Test func aRaggedWindowCountsExactlyTheEventsInsideIt() throws {
        let store = try Self.store()
        let window = Self.windows[0]
        let events = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE ts >= ? AND ts < ?",
                             arguments: [window.lowerBound.nanoseconds, window.upperBound.nanoseconds])
        }
        let breakdown = try store.breakdown(.everything, by: [.severity], in: window)
        #expect(breakdown.total.events == events)
        #expect(MinuteCounts.parts(of: window).count == 3)
    }

    @Test func filtersAndDimensionsOutsideTheCountsReadTheRows() throws {
        func compiled(_ text: String) throws -> FilterSQL { FilterSQLCompiler.compile(try Filter.parse(text), now: .now()) }
        func table(_ text: String, _ dimensions: [BreakdownDimension]) throws -> String? {
            MinuteCounts.answering(try compiled(text), by: dimensions)?.table
        }
        #expect(try table("timeout", [.service]) == nil)
        #expect(try table("status:504", [.service]) == nil)
        #expect(try table("since:1h", [.service]) == nil)
        #expect(try table("source:app.log", [.service]) == MinuteCounts.byFile.table)
        #expect(try table("source:app.log", [.host]) == nil)
        #expect(try table("source:app.log", [.template]) == nil)
        #expect(try table("host:web-1", [.template]) == nil)
        #expect(try table("template:3", [.host]) == nil)
        #expect(try table("", [.host, .template]) == nil)
        #expect(try table("", [.sourceName]) == MinuteCounts.byFile.table)
        #expect(try table("service:api severity>=warn", [.sourceName, .source]) == MinuteCounts.byFile.table)
        #expect(try table("", [.sourceName, .host]) == nil)
        #expect(try table("", [.sourceName, .template]) == nil)
        #expect(try table("", [.attribute("status")]) == nil)
        #expect(MinuteCounts.answering(StoreFixtures.severityAtLeast(.error), by: [.service]) == nil)
        #expect(MinuteCounts.answering(.everything, by: [.service, .severity, .template, .source])?.table == MinuteCounts.byTemplate.table)
        #expect(try table("host:web-1", [.service]) == MinuteCounts.byHost.table)
        #expect(try table("service:api level:error", [.host, .source]) == MinuteCounts.byHost.table)
    }

    @Test func windowsAreCutAtBucketEdges() {
        let b = 10 * Self.minute
        func window(_ lower: Int64, _ upper: Int64) -> Range<Timestamp> { Timestamp(nanoseconds: lower)..<Timestamp(nanoseconds: upper) }
        #expect(MinuteCounts.parts(of: window(0, 3 * b)) == [.minutes(0..<30)])
        #expect(MinuteCounts.parts(of: window(1, 3 * b)) == [.rows(window(1, b)), .minutes(10..<30)])
        #expect(MinuteCounts.parts(of: window(1, b + 5)) == [.rows(window(1, b + 5))])
        #expect(MinuteCounts.parts(of: window(-b - 1, b + 1)) == [.rows(window(-b - 1, -b)), .minutes(-10..<10), .rows(window(b, b + 1))])
        #expect(MinuteCounts.parts(of: window(.min, .max)).count == 3)
    }

    @Test func bucketsAreTheFloorOfTheTimeInSwiftAndInSQL() throws {
        let store = try InquestStore.inMemory()
        for nanoseconds: Int64 in [0, 1, -1, 599_999_999_999, 600_000_000_000, -600_000_000_000, -600_000_000_001, Self.base + 7] {
            let sql = try store.writer.read { db in
                try Int64.fetchOne(db, sql: "SELECT \(MinuteCounts.bucketExpression(of: "?"))".replacingOccurrences(of: "?", with: String(nanoseconds)))
            }
            #expect(sql == MinuteCounts.bucketMinute(of: nanoseconds), "\(nanoseconds)")
            #expect(MinuteCounts.bucketMinute(of: nanoseconds) % 10 == 0)
            #expect(MinuteCounts.bucketMinute(of: nanoseconds) * Self.minute <= nanoseconds)
        }
    }

    @Test func theMigrationFillsTheCountsForEventsStoredBefore() throws {
        // Given a file at v17 that already holds events
        let path = try MigrationUpgradeTests.oldStore(upTo: "v17-span-by-start", events: 300) { n in
            (Self.base + Int64(n) * 7 * Self.second, n % 4 == 0 ? Severity.error.rawValue : Severity.info.rawValue, "old event")
        }

        // When the store opens it
        let store = try InquestStore.open(path: path)

        // Then the counts hold every old event, and the breakdown from them equals the rows
        let (table, counted) = try Self.tableAndCount(store)
        #expect(table == counted)
        let window = Timestamp(nanoseconds: Self.base + 30 * Self.second)..<Timestamp(nanoseconds: Self.base + 30 * Self.minute)
        let fast = try store.breakdown(.everything, by: [.severity], in: window)
        #expect(fast == (try store.breakdown(.everything, by: [.severity], in: window, reading: .rows)))
        #expect(fast.total.events == (0..<300).filter { (30..<1_800).contains($0 * 7) }.count)
    }

    @Test func theFileCountsMigrationFillsThemForEventsStoredBefore() throws {
        // Given a file at v23 that already holds events (counted by service and host, not by file)
        let path = try MigrationUpgradeTests.oldStore(upTo: "v23-attribute-value-counts", events: 300) { n in
            (Self.base + Int64(n) * 7 * Self.second, n % 4 == 0 ? Severity.error.rawValue : Severity.info.rawValue, "old event")
        }

        // When the store opens it and more events of two other files arrive
        let store = try InquestStore.open(path: path)
        try store.append(EventBatch(events: (0..<200).map { n in
            StoreFixtures.event(1_000 + n, ts: Self.base + Int64(n) * 9 * Self.second, source: n % 2 == 0 ? "a.log" : "b.log")
        }))

        // Then the file counts hold every event, and a breakdown by file from them equals the rows
        let files = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT sum(count) FROM \(MinuteCounts.byFile.table) WHERE source_name = 'old.log'")
        }
        #expect(files == 300)
        let window = Timestamp(nanoseconds: Self.base + 30 * Self.second)..<Timestamp(nanoseconds: Self.base + 30 * Self.minute)
        let fast = try store.breakdown(.everything, by: [.sourceName], in: window)
        #expect(fast == (try store.breakdown(.everything, by: [.sourceName], in: window, reading: .rows)))
        #expect(fast.groupCount == 3)
    }
}
