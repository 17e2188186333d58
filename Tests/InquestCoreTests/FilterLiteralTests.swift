import Testing
@testable import InquestCore

@Suite struct FilterLiteralTests {
    /// 2026-11-20T00:00:00Z in seconds.
    static let november20: Int64 = 1_795_132_800

    static let times: [(String, Int64)] = [
        ("2026-11-20", november20 * 1_000_000_000),
        ("2026-11-20T10:15:03Z", (november20 + 36_903) * 1_000_000_000),
        ("2026-11-20t10:15:03z", (november20 + 36_903) * 1_000_000_000),
        ("2026-11-20 10:15", (november20 + 36_900) * 1_000_000_000),
        ("2026-11-20T10:15:03.123456789Z", (november20 + 36_903) * 1_000_000_000 + 123_456_789),
        ("2026-11-20T10:15:03.1234567891Z", (november20 + 36_903) * 1_000_000_000 + 123_456_789),
        ("2026-11-20T10:15:03,5Z", (november20 + 36_903) * 1_000_000_000 + 500_000_000),
        ("2026-11-20T10:15:03+01:00", (november20 + 36_903 - 3_600) * 1_000_000_000),
        ("2026-11-20T10:15:03-0530", (november20 + 36_903 + 19_800) * 1_000_000_000),
        ("2026-11-20T10:15:03+02", (november20 + 36_903 - 7_200) * 1_000_000_000),
        ("2024-02-29", 1_709_164_800 * 1_000_000_000),
        ("1970-01-01T00:00Z", 0),
    ]

    @Test(arguments: times)
    func parsesTimes(text: String, nanoseconds: Int64) {
        #expect(FilterLiteral.timestamp(text) == Timestamp(nanoseconds: nanoseconds))
    }

    @Test(arguments: [
        "", "2026", "2026-11", "2026-1-20", "2026-11-20T", "2026-11-20T10", "2026-11-20T10:5",
        "2026-11-31", "2025-02-29", "2026-00-10", "2026-11-20T24:00", "2026-11-20T10:60",
        "2026-11-20T10:00:61", "2026-11-20T10:00:00.", "2026-11-20T10:00+24:00", "2026-11-20T10:00Zjunk",
        "9999-12-31T00:00Z", "20261120",
    ])
    func rejectsMalformedTimes(text: String) {
        #expect(FilterLiteral.timestamp(text) == nil)
    }

    @Test func parsesDurations() {
        let second: Int64 = 1_000_000_000
        #expect(FilterLiteral.duration("15m") == 900 * second)
        #expect(FilterLiteral.duration("1H30M") == 5_400 * second)
        #expect(FilterLiteral.duration("1w2d3h4m5s") == (604_800 + 172_800 + 10_800 + 240 + 5) * second)
        #expect(FilterLiteral.duration("0s") == 0)
        for bad in ["", "15", "m", "15x", "1.5h", "-5m", "5m5", "99999999999999999999s"] {
            #expect(FilterLiteral.duration(bad) == nil, "\(bad)")
        }
    }

    @Test func parsesPlainNumbersOnly() {
        #expect(FilterLiteral.number("504") == 504)
        #expect(FilterLiteral.number("-1.5") == -1.5)
        #expect(FilterLiteral.number(".5") == 0.5)
        #expect(FilterLiteral.number("2e3") == 2000)
        for bad in ["", "-", ".", "0x1F", "inf", "nan", "1e", "1.2.3", "5ms", "1e999"] {
            #expect(FilterLiteral.number(bad) == nil, "\(bad)")
        }
    }

    @Test func relativePointsResolveAgainstNow() {
        let now = Timestamp(nanoseconds: 10_000)
        #expect(FilterTimePoint.ago(nanoseconds: 3_000).resolved(now: now) == Timestamp(nanoseconds: 7_000))
        #expect(FilterTimePoint.absolute(Timestamp(nanoseconds: 5)).resolved(now: now) == Timestamp(nanoseconds: 5))
        #expect(FilterTimePoint.ago(nanoseconds: Int64.max).resolved(now: Timestamp(nanoseconds: -10)).nanoseconds == Int64.min)
    }
}
