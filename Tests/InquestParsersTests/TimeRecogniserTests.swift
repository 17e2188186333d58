import Foundation
import InquestCore
import Testing
@testable import InquestParsers

/// The recogniser reads dates in any common order and separators, clocks with any fraction,
/// 12-hour clocks and zone names (year-less times take 2026, the harness's assumed year).
struct TimeRecogniserTests {
    static let shapes: [(String, String)] = [
        ("20171223-22:15:29:606|Step_LSC|30002312|x", "2017-12-23T22:15:29.606Z"),
        ("20171223-22:15:35:97|Step_LSC", "2017-12-23T22:15:35.097Z"),
        ("03-17 16:13:38.811  1702  2395 D", "2026-03-17T16:13:38.811Z"),
        ("10.30 16:49:06] chrome.exe", "2026-10-30T16:49:06Z"),
        ("2017-07-31 13:36:43 EST [1]", "2017-07-31T18:36:43Z"),
        ("2017-07-31 13:36:43.557 CEST [1]", "2017-07-31T11:36:43.557Z"),
        ("2024-01-15 3:04:05 PM x", "2024-01-15T15:04:05Z"),
        ("01/15/2024 12:04:05 AM", "2024-01-15T00:04:05Z"),
        ("15.01.2024 10:00:00", "2024-01-15T10:00:00Z"),
        ("Mon, 15 Jan 2024 10:00:00 GMT", "2024-01-15T10:00:00Z"),
        ("Sat Jun 25 19:30:00 CEST 2005", "2005-06-25T17:30:00Z"),
        ("30 May 12:23:52.442 * Saving", "2026-05-30T12:23:52.442Z"),
        ("January 5, 2024 3:04:05 PM", "2024-01-05T15:04:05Z"),
        ("20240115103000 x", "2024-01-15T10:30:00Z"),
        ("2024-01-15T10:30:00 UTC+08:00", "2024-01-15T02:30:00Z"),
        ("2017/4/9:06:40:11.355", "2017-04-09T06:40:11.355Z"),
        ("15-Jan-2024 10:30:00", "2024-01-15T10:30:00Z"),
        ("2024-Jan-15 10:30:00", "2024-01-15T10:30:00Z"),
    ]

    @Test(arguments: shapes)
    func readsTheShape(text: String, expected: String) throws {
        let (timestamp, _, _) = try #require(TimeScannerTests.resolve(text))
        #expect(timestamp == ParseHarness.time(expected))
    }

    @Test(arguments: ["10.11.10.1 \"GET", "1.2.3 10:00", "node-246 1", "30002312|x", "2005.11.09 dn228"])
    func rejectsLookAlikes(text: String) {
        #expect(TimeScannerTests.resolve(text) == nil)
    }

    @Test func evidenceSettlesTheDateOrder() {
        func evidence(_ text: String) -> DateOrder? {
            Array(text.utf8).withUnsafeBufferPointer { TimeScanner.orderEvidence($0, at: 0, end: $0.count) }
        }
        #expect(evidence("25/04/2024 10:00") == .dayFirst)
        #expect(evidence("04/25/2024 10:00") == .monthFirst)
        #expect(evidence("03/04/2024 10:00") == nil)
        #expect(evidence("17/06/09 20:10:40") == nil)
    }
}
