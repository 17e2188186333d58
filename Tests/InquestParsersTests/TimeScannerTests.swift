import Foundation
import InquestCore
import Testing
@testable import InquestParsers

struct TimeScannerTests {
    static func resolve(_ text: String, epoch: Bool = false, zone: TimeZone = ParseHarness.utc,
                        year: Int = 2026, month: Int = 11) -> (Timestamp, TimeQuality, Int)? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b -> (Timestamp, TimeQuality, Int)? in
            guard let (time, end) = TimeScanner.scan(b, at: 0, end: b.count, epoch: epoch) else { return nil }
            var resolver = TimeResolver(options: ParseHarness.options(year: year, month: month, zone: zone))
            guard let (timestamp, quality) = resolver.resolve(time) else { return nil }
            return (timestamp, quality, end)
        }
    }

    static let shapes: [(String, String, TimeQuality)] = [
        ("2026-11-20T10:15:03Z", "2026-11-20T10:15:03Z", []),
        ("2026-11-20t10:15:03.123456789z", "2026-11-20T10:15:03.123456789Z", []),
        ("2026-11-20 10:15:03,5", "2026-11-20T10:15:03.5Z", .zoneAssumed),
        ("2026/11/20 10:15", "2026-11-20T10:15:00Z", .zoneAssumed),
        ("2026-11-20T10:15:03 UTC", "2026-11-20T10:15:03Z", []),
        ("2026-11-20T23:30:00-02:30", "2026-11-21T02:00:00Z", []),
        ("2005-06-03-15.42.50.675872", "2005-06-03T15:42:50.675872Z", .zoneAssumed),
        ("17/May/2015:10:05:03 +0000", "2015-05-17T10:05:03Z", []),
        ("Sun Dec 04 04:47:44 2005", "2005-12-04T04:47:44Z", .zoneAssumed),
        ("Nov  2 10:15:03", "2026-11-02T10:15:03Z", [.zoneAssumed, .yearAssumed]),
        ("Dec 24 2025 10:15:03", "2025-12-24T10:15:03Z", .zoneAssumed),
        ("081109 203615", "2008-11-09T20:36:15Z", .zoneAssumed),
        ("17/06/09 20:10:40", "2017-06-09T20:10:40Z", .zoneAssumed),
    ]

    @Test(arguments: shapes)
    func readsTheCommonShapes(text: String, expected: String, quality: TimeQuality) throws {
        let (timestamp, gotQuality, _) = try #require(Self.resolve(text))
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let whole = String(expected.prefix(19)) + "Z"
        let base = try #require(formatter.date(from: whole))
        var nanos: Int64 = 0
        if let dot = expected.firstIndex(of: ".") {
            let digits = expected[expected.index(after: dot)...].dropLast()
            nanos = Int64(digits.padding(toLength: 9, withPad: "0", startingAt: 0)) ?? 0
        }
        #expect(timestamp == Timestamp(seconds: Int64(base.timeIntervalSince1970), nanos: nanos))
        #expect(gotQuality == quality)
    }

    @Test(arguments: ["2026-13-20T10:15:03Z", "2026-11-20", "Foo 20 10:15:03", "20261120", "10:15:03", "2026-11-20T25:99:00Z", ""])
    func rejectsWhatIsNotATime(text: String) {
        #expect(Self.resolve(text) == nil)
    }

    @Test func epochDigitsChooseTheUnit() throws {
        #expect(Self.resolve("1763633703", epoch: true)?.0 == Timestamp(seconds: 1_763_633_703))
        #expect(Self.resolve("1763633703250", epoch: true)?.0 == Timestamp(seconds: 1_763_633_703, nanos: 250_000_000))
        #expect(Self.resolve("1763633703250000", epoch: true)?.0 == Timestamp(seconds: 1_763_633_703, nanos: 250_000_000))
        #expect(Self.resolve("1763633703250000001", epoch: true)?.0 == Timestamp(seconds: 1_763_633_703, nanos: 250_000_001))
        #expect(Self.resolve("1763633703", epoch: false) == nil)
    }

    @Test func zoneOffsetsFollowDaylightSavingTime() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        #expect(Self.resolve("2026-03-29 01:30:00", zone: zone)?.0 == ParseHarness.time("2026-03-29T00:30:00Z"))
        #expect(Self.resolve("2026-03-29 03:30:00", zone: zone)?.0 == ParseHarness.time("2026-03-29T01:30:00Z"))
        #expect(Self.resolve("2026-10-25 12:00:00", zone: zone)?.0 == ParseHarness.time("2026-10-25T11:00:00Z"))
    }

    @Test func yearRolloverUsesTheReferenceMonth() {
        #expect(Self.resolve("Dec 31 10:00:00", year: 2027, month: 2)?.0 == ParseHarness.time("2026-12-31T10:00:00Z"))
        #expect(Self.resolve("Feb 28 10:00:00", year: 2027, month: 2)?.0 == ParseHarness.time("2027-02-28T10:00:00Z"))
    }
}
