import Foundation
import GRDB
import InquestCore
import Testing
@testable import InquestStore

/// A series' stored extent (migration `v25-series-extent`) must always equal what its samples say.
@Suite struct SeriesExtentTests {
    static func point(_ name: String, _ seconds: Int64, _ value: Double, labels: [String: String] = [:]) -> MetricPoint {
        MetricPoint(name: name, labels: labels, timestamp: Timestamp(nanoseconds: seconds * 1_000_000_000), value: value)
    }

    /// The extent of every series computed from its samples (the listing over a range covering all).
    static func fromSamples(_ store: InquestStore) throws -> [MetricSeriesInfo] {
        try store.seriesList(range: Timestamp(nanoseconds: .min)..<Timestamp(nanoseconds: .max))
    }

    @Test func batchesOutOfOrderWithRepeatsAndGapsKeepTheExtentExact() throws {
        // Given samples of two series over three batches: out of order, a repeated time, gaps (NaN)
        let store = try InquestStore.inMemory()
        _ = try store.append(EventBatch(samples: [
            Self.point("cpu", 100, 0.5), Self.point("cpu", 40, 0.9), Self.point("mem", 10, .nan),
        ]))
        _ = try store.append(EventBatch(samples: [
            Self.point("cpu", 40, 7.0), Self.point("cpu", 300, -2.0), Self.point("mem", 20, .nan),
        ]))
        _ = try store.append(EventBatch(samples: [Self.point("mem", 5, 3.25), Self.point("cpu", 200, .nan)]))

        // When the series are listed from their own rows
        let listed = try store.seriesList()

        // Then each extent is the samples' own: the repeated time counted once with its first value
        #expect(listed == (try Self.fromSamples(store)))
        let cpu = try #require(listed.first { $0.name == "cpu" })
        #expect(cpu.sampleCount == 4)
        #expect(cpu.first == Timestamp(nanoseconds: 40_000_000_000))
        #expect(cpu.last == Timestamp(nanoseconds: 300_000_000_000))
        #expect(cpu.minimum == -2.0 && cpu.maximum == 0.9)
        let mem = try #require(listed.first { $0.name == "mem" })
        #expect(mem.sampleCount == 3 && mem.minimum == 3.25 && mem.maximum == 3.25)
        #expect(try store.series(id: cpu.id) == cpu)
    }

    @Test func aSeriesOfGapsAloneHasNoValueExtent() throws {
        let store = try InquestStore.inMemory()
        _ = try store.append(EventBatch(samples: [Self.point("up", 1, .nan), Self.point("up", 2, .nan)]))
        let up = try #require(try store.seriesList().first)
        #expect(up.sampleCount == 2 && up.minimum == nil && up.maximum == nil)
        #expect(up.first == Timestamp(nanoseconds: 1_000_000_000))
    }

    @Test func theMigrationFillsTheExtentOfStoredSeries() throws {
        // Given a file at v22 whose series already hold samples
        let path = try MigrationUpgradeTests.oldStore(upTo: "v22-attribute-counts", events: 0) { _ in (0, 0, "") } then: { db in
            try db.execute(sql: "INSERT INTO metric_series (id, name, labels) VALUES (1, 'lat', '{}'), (2, 'empty', '{}')")
            for (ts, value) in [(30, 2.5), (10, nil), (20, 9.0)] as [(Int64, Double?)] {
                try db.execute(sql: "INSERT INTO metric_sample (series_id, ts, value) VALUES (1, ?, ?)", arguments: [ts, value])
            }
        }

        // When the store opens it, then the listing reads the extent the migration computed
        let store = try InquestStore.open(path: path)
        let listed = try store.seriesList()
        let lat = try #require(listed.first { $0.name == "lat" })
        #expect(lat.sampleCount == 3 && lat.first == Timestamp(nanoseconds: 10) && lat.last == Timestamp(nanoseconds: 30))
        #expect(lat.minimum == 2.5 && lat.maximum == 9.0)
        let empty = try #require(listed.first { $0.name == "empty" })
        #expect(empty.sampleCount == 0 && empty.first == nil && empty.minimum == nil)

        // And later batches keep adding to it
        _ = try store.append(EventBatch(samples: [MetricPoint(name: "lat", labels: [:], timestamp: Timestamp(nanoseconds: 5), value: 1)]))
        #expect(try store.seriesList().first { $0.name == "lat" }?.sampleCount == 4)
        #expect(try store.seriesList() .filter { $0.sampleCount > 0 } == (try Self.fromSamples(store)))
    }
}
