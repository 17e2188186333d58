import Foundation
import GRDB
import InquestCore
@testable import InquestStore
import Testing

/// A window of a full-text filter read in id order (``IDOrderedMatchesWindow``) is exactly the
/// window the time index gives, whatever the order the events were stored in.
@Suite struct IDOrderedMatchesWindowTests {
    static let second: Int64 = 1_000_000_000
    static let start: Int64 = 1_795_000_000 * second

    /// `count` events of one source at about one a second, each time jittered by up to ±`jitter`
    /// seconds (so some are stored out of order); words of several frequencies in the messages.
    static func events(_ count: Int, source: String, from start: Int64 = start, jitter: Int64 = 3, seed: UInt64 = 7) -> [Event] {
        var random = seed
        func next() -> UInt64 {
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return random >> 33
        }
        return (0..<count).map { n in
            var words = ["event"]
            if n % 3 == 0 { words.append("alpha") }
            if n % 97 == 0 { words.append("beta") }
            if n % 4_001 == 7 { words.append("gamma") }
            let offset = Int64(next() % UInt64(2 * jitter + 1)) - jitter
            return StoreFixtures.event(
                n, ts: start + Int64(n) * second + offset * second, severity: n % 5 == 0 ? .error : .info,
                service: n % 2 == 0 ? "api" : "db", message: words.joined(separator: " ") + " \(n)", source: source)
        }
    }

    static let filters = ["alpha", "beta", "gamma", "alpha severity>=error", "beta -service:db", "\"event\" alpha", "nothing-matches"]

    func anchors(_ store: InquestStore) throws -> [WindowAnchor] {
        let all = try store.window(.everything, anchor: .oldest, limit: 1)
        let last = try store.window(.everything, anchor: .newest, limit: 1)
        var anchors: [WindowAnchor] = [.newest, .oldest]
        for summary in all + last {
            let cursor = EventCursor(timestamp: summary.timestamp, id: summary.id)
            anchors += [.before(cursor), .after(cursor)]
        }
        for fraction in [0.1, 0.5, 0.93] {
            let time = Timestamp(nanoseconds: Self.start + Int64(Double(12_000) * fraction) * Self.second)
            anchors.append(.atOrAfter(time))
            let middle = try store.window(.everything, anchor: .atOrAfter(time), limit: 1)
            if let first = middle.first {
                let cursor = EventCursor(timestamp: first.timestamp, id: first.id)
                anchors += [.before(cursor), .after(cursor)]
            }
        }
        return anchors
    }

    /// Compares every filter and anchor with the planned window; returns how many windows were
    /// proved in id order.
    func compareAll(_ store: InquestStore) throws -> Int {
        _ = try store.indexFullText()
        var proved = 0
        for text in Self.filters {
            let filter = FilterSQLCompiler.compile(try Filter.parse(text), now: Timestamp(nanoseconds: Self.start))
            for anchor in try anchors(store) {
                for limit in [1, 100] {
                    let (fast, planned) = try store.writer.read { db in
                        (try IDOrderedMatchesWindow(filter: filter, anchor: anchor, limit: limit).read(db),
                         try InquestStore.plannedWindow(filter, anchor: anchor, limit: limit, db))
                    }
                    if let fast {
                        proved += 1
                        #expect(fast.map(\.id) == planned.map(\.id), "\(text) \(anchor) \(limit)")
                    }
                    #expect(try store.window(filter, anchor: anchor, limit: limit).map(\.id) == planned.map(\.id), "\(text) \(anchor)")
                }
            }
        }
        return proved
    }

    @Test func aFileStoredInOrderIsReadInIDOrderAndMatchesTheTimeIndex() throws {
        let store = try InquestStore.inMemory()
        for batch in Self.events(12_000, source: "app.log").chunked(1_000) {
            _ = try store.append(EventBatch(events: batch))
        }
        let proved = try compareAll(store)
        #expect(proved > 50, "most windows of an in-order file are proved in id order")
    }

    @Test func filesStoredOneAfterAnotherOverTheSameHoursStillGiveTheRightWindow() throws {
        // Two sources covering the same 12,000 seconds, stored one after the other: ids do not
        // follow time across them, so the proof must fail rather than miss the second's events.
        let store = try InquestStore.inMemory()
        for source in ["a.log", "b.log"] {
            for batch in Self.events(6_000, source: source, jitter: 0).chunked(2_000) {
                _ = try store.append(EventBatch(events: batch))
            }
        }
        _ = try compareAll(store)
    }

    @Test func duplicatesAndAStoreThatPredatesTheBlockTableAreCoveredToo() throws {
        // Given a store whose first events were stored before the id-block table existed (it is
        // emptied and refilled the way the migration fills it), then batches with duplicates
        let store = try InquestStore.inMemory()
        let events = Self.events(12_000, source: "app.log", jitter: 20)
        _ = try store.append(EventBatch(events: Array(events[0..<5_000])))
        try store.writer.write { db in
            try db.execute(sql: "DELETE FROM event_id_block")
            try IDBlockTimes.add(db, idsFrom: Int64.min, through: Int64.max)
        }
        _ = try store.append(EventBatch(events: Array(events[4_000..<9_000])))  // 1,000 duplicates
        _ = try store.append(EventBatch(events: Array(events[8_500..<12_000])))
        #expect(try store.count(.everything) == 12_000)
        // Then the table agrees with the events, and every window with the time index
        let (table, truth) = try store.writer.read { db in
            (try Row.fetchAll(db, sql: "SELECT block, min_ts, max_ts FROM event_id_block ORDER BY block").map { [$0[0], $0[1], $0[2]] as [Int64] },
             try Row.fetchAll(db, sql: "SELECT id >> 12, min(ts), max(ts) FROM event GROUP BY 1 ORDER BY 1").map { [$0[0], $0[1], $0[2]] as [Int64] })
        }
        #expect(table == truth)
        #expect(try compareAll(store) > 0)
    }

    @Test func rowsWrittenByPlainSQLBeyondTheTableAreNotTrusted() throws {
        let store = try InquestStore.inMemory()
        _ = try store.append(EventBatch(events: Self.events(1_000, source: "app.log")))
        _ = try store.indexFullText()
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO event (id, ts, ts_text, time_quality, source_kind, source_name, severity, message, attributes, raw, dedupe_key) VALUES (9000, 0, '', 0, 'log', 'x', 1, 'alpha', '{}', x'', x'01')")
        }
        let filter = FilterSQLCompiler.compile(try Filter.parse("alpha"), now: Timestamp(nanoseconds: Self.start))
        let fast = try store.writer.read { db in try IDOrderedMatchesWindow(filter: filter, anchor: .newest, limit: 10).read(db) }
        #expect(fast == nil)
    }
}

extension Array {
    fileprivate func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min(count, $0 + size)]) }
    }
}
