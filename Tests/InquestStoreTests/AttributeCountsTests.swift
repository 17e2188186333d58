import GRDB
import InquestCore
import Testing
@testable import InquestStore

/// The attribute count tables (`AttributeCounts`) and the breakdowns by an attribute key that read them.
@Suite struct AttributeCountsTests {
    static let second = MinuteCountsTests.second
    static let minute = MinuteCountsTests.minute
    static let base = MinuteCountsTests.base

    /// The attributes of event `n`: a low-cardinality `status`, a `user` with hundreds of values
    /// per bucket, booleans, a dotted key written flat or nested, escaped and plain strings, a
    /// value that is sometimes a fraction, nulls; one text that SQLite reads and the scanner
    /// does not (an escaped key).
    static func attributes(_ n: Int) -> String {
        var members = ["\"status\":\(n % 9 == 0 ? 500 + n % 4 : 200)"]
        members.append("\"user\":\"user-\(n % 700)\"")
        if n % 3 == 0 { members.append("\"ok\":\(n % 2 == 0 ? "true" : "false")") }
        if n % 4 == 0 { members.append("\"http.method\":\"\(["GET", "POST"][n % 2])\"") }
        if n % 4 == 1 { members.append("\"http\":{\"method\":\"PUT\",\"path\":\"/a\\\"b\"}") }
        if n % 5 == 0 { members.append("\"note\":\(n % 10 == 0 ? "\"a\\u00e9\"" : "\"plain\"")") }
        if n % 6 == 0 { members.append("\"ratio\":\(n % 600 == 0 ? "0.5" : "\(n % 3)")") }
        if n % 7 == 0 { members.append("\"status_text\":null") }
        if n == 2_900 { members.append("\"st\\u0061ge\":1") }
        return n % 13 == 0 ? "{ " + members.joined(separator: " , ") + " }" : "{" + members.joined(separator: ",") + "}"
    }

    /// 3,000 events over 60 minutes (services, severities and times as `MinuteCountsTests`),
    /// appended in two batches, then a third in the bucket of minutes 20–30 that repeats 30
    /// stored events beside 20 new ones (a batch with duplicates marks its buckets).
    static func store() throws -> InquestStore {
        let store = try InquestStore.inMemory()
        let services: [String?] = ["api", "web", "cache", "Api", "db", nil]
        func event(_ n: Int, ts: Int64) -> Event {
            var event = StoreFixtures.event(
                n, ts: ts, severity: Severity.allCases[(n / 3) % Severity.allCases.count], service: services[n % services.count])
            event.attributesJSON = attributes(n)
            return event
        }
        let events = (0..<3_000).map { n in event(n, ts: base + Int64((n * 7_919) % 3_600) * second + Int64(n % 997) * 1_000_003) }
        try store.append(EventBatch(events: EncodedEvents(Array(events[0..<1_400]))))
        try store.append(EventBatch(events: EncodedEvents(Array(events[1_400...]))))
        let bucket = (base + 20 * minute)..<(base + 30 * minute)
        let repeated = events.filter { bucket.contains($0.timestamp.nanoseconds) }.prefix(30)
        let new = (3_000..<3_020).map { n in event(n, ts: bucket.lowerBound + Int64(n - 3_000) * 10 * second) }
        try store.append(EventBatch(events: EncodedEvents(Array(repeated) + new)))
        return store
    }

    static let filters = ["", "service:api", "severity>=error", "-service:*", "service:a* level:warn", "NOT service:web OR severity<info"]
    static let dimensionSets: [[BreakdownDimension]] = [
        [.attribute("status")], [.service, .attribute("status")], [.attribute("status"), .severity], [.attribute("user")],
        [.attribute("ok")], [.attribute("http.method")], [.attribute("note")], [.attribute("ratio"), .service],
        [.attribute("status_text")], [.attribute("absent")],
    ]

    @Test(arguments: filters)
    func breakdownsFromTheCountsEqualTheRowScan(filter text: String) throws {
        let store = try Self.store()
        let filter = FilterSQLCompiler.compile(try Filter.parse(text), now: .now())
        for dimensions in Self.dimensionSets {
            #expect(AttributeCounts.answeringKey(filter, by: dimensions) != nil)
            for window in MinuteCountsTests.windows {
                let fast = try store.breakdown(filter, by: dimensions, in: window)
                let rows = try store.breakdown(filter, by: dimensions, in: window, reading: .rows)
                #expect(fast == rows, "\(text) by \(dimensions.map(\.name)) in \(window)")
                let compared = try store.comparison(filter, by: dimensions, in: window)
                #expect(compared == (try store.comparison(filter, by: dimensions, in: window, reading: .rows)))
            }
        }
    }

    /// Which buckets of the store's hour each key reads from the counts per service and severity.
    static func countedBuckets(_ store: InquestStore, _ key: String) throws -> [Range<Int64>] {
        try parts(store, key).compactMap { part in
            guard case .counts(let range) = part else { return nil }
            return range
        }
    }

    /// Which buckets of the store's hour a breakdown by the key alone reads from its per-value counts.
    static func valueBuckets(_ store: InquestStore, _ key: String) throws -> [Range<Int64>] {
        try parts(store, key).compactMap { part in
            guard case .values(let range) = part else { return nil }
            return range
        }
    }

    static func parts(_ store: InquestStore, _ key: String) throws -> [AttributeCounts.Part] {
        let minutes = MinuteCounts.bucketMinute(of: base)..<(MinuteCounts.bucketMinute(of: base) + 60)
        return try store.writer.read { db in try AttributeCounts.parts(db, key: key, minutes: minutes, valuesAnswer: true) }
    }

    @Test func lowCardinalityKeysReadTheCountsAndTheRestReadRows() throws {
        let store = try Self.store()
        let first = MinuteCounts.bucketMinute(of: Self.base)
        // The batch with duplicates marked its bucket (minutes 20–30), and event 2,900's text
        // (an escaped key) its own (minutes 10–20).
        #expect(try Self.countedBuckets(store, "status") == [first..<(first + 10), (first + 30)..<(first + 60)])
        let clean = try InquestStore.inMemory()
        var events: [Event] = []
        for n in 0..<1_200 {
            var event = StoreFixtures.event(n, ts: Self.base + Int64(n) * 3 * Self.second, service: ["api", "web", nil][n % 3])
            event.attributesJSON = Self.attributes(n)
            events.append(event)
        }
        try clean.append(EventBatch(events: EncodedEvents(Array(events[0..<500]))))
        try clean.append(EventBatch(events: EncodedEvents(Array(events[500...]))))
        #expect(try Self.countedBuckets(clean, "status") == [first..<(first + 60)])
        #expect(try Self.countedBuckets(clean, "ok") == [first..<(first + 60)])
        // 700 users: each bucket of 200 events holds more than 64, nearly one a event, so only
        // the last bucket (still being written) keeps its per-value counts.
        #expect(try Self.countedBuckets(clean, "user").isEmpty)
        #expect(try Self.valueBuckets(clean, "user") == [(first + 50)..<(first + 60)])
        // An object under `http` in every bucket: `http.method` is read from the rows.
        #expect(try Self.countedBuckets(clean, "http.method").isEmpty)
        #expect(try Self.countedBuckets(clean, "note").isEmpty)
        let window = Timestamp(nanoseconds: Self.base + 5 * Self.minute + 1)..<Timestamp(nanoseconds: Self.base + 57 * Self.minute)
        for dimensions in Self.dimensionSets {
            for text in Self.filters {
                let filter = FilterSQLCompiler.compile(try Filter.parse(text), now: .now())
                #expect(try clean.breakdown(filter, by: dimensions, in: window) == clean.breakdown(filter, by: dimensions, in: window, reading: .rows))
            }
        }
        let status = try clean.breakdown(.everything, by: [.attribute("status")], in: window)
        #expect(status.total.events == 52 * 20 - 1)
    }

    @Test func valuesSpreadOverBatchesAreCappedPerBucket() throws {
        let store = try InquestStore.inMemory()
        // 100 distinct codes in one bucket, 10 per batch.
        for batch in 0..<10 {
            let events = (0..<50).map { i -> Event in
                let n = batch * 50 + i
                var event = StoreFixtures.event(n, ts: Self.base + Int64(n) * Self.second)
                event.attributesJSON = "{\"code\":\(batch * 10 + i % 10),\"zone\":\"z\(i % 3)\"}"
                return event
            }
            try store.append(EventBatch(events: EncodedEvents(events)))
            // The hour's unmarked buckets (the other five hold no events).
            let first = MinuteCounts.bucketMinute(of: Self.base)
            let counted = try Self.countedBuckets(store, "code")
            #expect(counted == [(batch >= 6 ? first + 10 : first)..<(first + 60)], "batch \(batch)")
            // Past the cap, its events per value are kept instead.
            #expect(try Self.valueBuckets(store, "code") == (batch >= 6 ? [first..<(first + 10)] : []), "batch \(batch)")
        }
        let valueRows = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT count(*), sum(count) FROM \(AttributeCounts.valueTable) WHERE attr_key = 'code'")
        }
        #expect((valueRows?[0] as Int?) == 100 && (valueRows?[1] as Int?) == 500)
        let overflowRows = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM \(AttributeCounts.countTable) WHERE attr_key = 'code'")
        }
        #expect(overflowRows == 0)
        #expect(try Self.countedBuckets(store, "zone").count == 1)
        let window = Timestamp(nanoseconds: Self.base)..<Timestamp(nanoseconds: Self.base + 10 * Self.minute)
        for key in ["code", "zone"] {
            let fast = try store.breakdown(.everything, by: [.attribute(key)], in: window)
            #expect(fast == (try store.breakdown(.everything, by: [.attribute(key)], in: window, reading: .rows)))
        }
    }

    @Test func tooManyKeysInABucketMarkEveryKey() throws {
        let store = try InquestStore.inMemory()
        let events = (0..<(AttributeCounts.keyCap + 1)).map { n -> Event in
            var event = StoreFixtures.event(n, ts: Self.base + Int64(n) * Self.second)
            event.attributesJSON = "{\"key\(n)\":1,\"status\":200}"
            return event
        }
        try store.append(EventBatch(events: EncodedEvents(Array(events.prefix(AttributeCounts.keyCap - 1)))))
        #expect(try Self.countedBuckets(store, "status").count == 1)
        try store.append(EventBatch(events: EncodedEvents(Array(events.suffix(2)))))
        let first = MinuteCounts.bucketMinute(of: Self.base)
        #expect(try Self.countedBuckets(store, "status") == [(first + 10)..<(first + 60)])
    }

    @Test func deletesAndUpdatesMarkTheirBuckets() throws {
        let store = try InquestStore.inMemory()
        let events = (0..<600).map { n -> Event in
            var event = StoreFixtures.event(n, ts: Self.base + Int64(n) * 6 * Self.second)
            event.attributesJSON = "{\"status\":\(n % 5 == 0 ? 500 : 200)}"
            return event
        }
        try store.append(EventBatch(events: EncodedEvents(events)))
        #expect(try Self.countedBuckets(store, "status").count == 1)
        try store.writer.write { db in
            try db.execute(sql: "DELETE FROM event WHERE id = 3")
            try db.execute(sql: "UPDATE event SET attributes = '{\"status\":404}' WHERE id = 350")
        }
        let first = MinuteCounts.bucketMinute(of: Self.base)
        #expect(try Self.countedBuckets(store, "status") == [(first + 10)..<(first + 30), (first + 40)..<(first + 60)])
        let window = Timestamp(nanoseconds: Self.base)..<Timestamp(nanoseconds: Self.base + 60 * Self.minute)
        let fast = try store.breakdown(.everything, by: [.attribute("status")], in: window)
        #expect(fast == (try store.breakdown(.everything, by: [.attribute("status")], in: window, reading: .rows)))
        #expect(fast.total.events == 599)
    }

    @Test func theMigrationMarksTheBucketsOfStoredEvents() throws {
        let path = try MigrationUpgradeTests.oldStore(upTo: "v21-notifications", events: 300) { n in
            (Self.base + Int64(n) * 7 * Self.second, Severity.info.rawValue, "old event")
        }
        let store = try InquestStore.open(path: path)
        let first = MinuteCounts.bucketMinute(of: Self.base)
        #expect(try Self.countedBuckets(store, "n") == [(first + 40)..<(first + 60)])
        let marked = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(AttributeCounts.bucketTable) WHERE attr_key = x''") }
        #expect(marked == 4)
    }

    static let scannerTexts = [
        #"{"a":1,"b":-42,"c":"x y","d":true,"e":false,"f":null}"#, #" { "a" : 0 , "b":"" } "#,
        #"{"a":123456789012345678,"b":1234567890123456789,"c":1.5,"d":1e3,"e":-0,"f":"\u00e9","g":{"h":[1,"]"]},"i":[]}"#,
        #"{"a":"é ü","b":"\"q\""}"#, "{}",
    ]
    static let unreadableTexts = [#"{"a":1,}"#, #"{a:1}"#, #"{"\u0061":1}"#, #"{"a":1} x"#, #"{"a":[1}"#, #"{"a":01}"#, #"["a"]"#, #"{"a":tru}"#, ""]

    @Test(arguments: scannerTexts)
    func theScannerKeepsOnlyValuesJSONExtractReturnsAlike(text: String) throws {
        let store = try InquestStore.inMemory()
        var members: [(String, AttributeJSONScanner.Value)] = []
        let bytes = Array(text.utf8)
        let read = bytes.withUnsafeBufferPointer { buffer in
            AttributeJSONScanner.scan(buffer) { offset, length, value in
                members.append((String(decoding: bytes[offset..<(offset + length)], as: UTF8.self), value))
            }
        }
        #expect(read)
        for (key, value) in members {
            let extracted = try store.writer.read { db in
                try DatabaseValue.fetchOne(db, sql: "SELECT json_extract(?, ?)", arguments: [text, "$.\"\(key)\""])
            }
            switch value {
            case .integer(let number): #expect(extracted == number.databaseValue, "\(key) in \(text)")
            case .text(let offset, let length):
                #expect(extracted == String(decoding: bytes[offset..<(offset + length)], as: UTF8.self).databaseValue, "\(key) in \(text)")
            case .null: #expect(extracted == .null)
            case .uncertain: continue
            }
        }
        let certain = members.filter { $0.1 != .uncertain }.map(\.0)
        switch text {
        case Self.scannerTexts[0]: #expect(certain == ["a", "b", "c", "d", "e", "f"])
        case Self.scannerTexts[2]: #expect(certain == ["a"] && members.count == 8)
        case Self.scannerTexts[3]: #expect(certain == ["a"])
        default: break
        }
    }

    @Test(arguments: unreadableTexts)
    func textsTheScannerCannotReadAreRefused(text: String) {
        let read = Array(text.utf8).withUnsafeBufferPointer { AttributeJSONScanner.scan($0) { _, _, _ in } }
        #expect(!read)
    }

    @Test func filtersAndDimensionsOutsideTheCountsReadTheRows() throws {
        func key(_ text: String, _ dimensions: [BreakdownDimension]) throws -> String? {
            AttributeCounts.answeringKey(FilterSQLCompiler.compile(try Filter.parse(text), now: .now()), by: dimensions)
        }
        #expect(try key("", [.attribute("status")]) == "status")
        #expect(try key("service:api severity>=warn", [.severity, .attribute("status"), .service]) == "status")
        #expect(try key("host:web-1", [.attribute("status")]) == nil)
        #expect(try key("template:3", [.attribute("status")]) == nil)
        #expect(try key("status:500", [.attribute("status")]) == nil)
        #expect(try key("timeout", [.attribute("status")]) == nil)
        #expect(try key("", [.attribute("status"), .attribute("user")]) == nil)
        #expect(try key("", [.attribute("status"), .template]) == nil)
        #expect(try key("", [.attribute("a\"b")]) == nil)
        #expect(try key("", [.attribute("")]) == nil)
        #expect(AttributeCounts.markingKeys(of: "http.method") == ["http.method", "http"])
        #expect(AttributeCounts.markingKeys(of: "a..b") == ["a..b"])
    }
}
