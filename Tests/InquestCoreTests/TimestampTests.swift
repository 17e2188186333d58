import Testing
@testable import InquestCore

@Suite struct TimestampTests {
    @Test func formatsUTCWithMicroseconds() {
        let ts = Timestamp(seconds: 1_795_169_703, nanos: 123_456_000)
        #expect(ts.iso8601 == "2026-11-20T10:15:03.123456Z")
    }

    @Test func civilDateRoundTrips() {
        for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let (y, m, d) = TimestampFormatter.civil(fromDays: days)
            #expect(TimestampFormatter.days(year: y, month: m, day: d) == days)
        }
    }

    @Test func severityClassifiesCommonLevelWords() {
        #expect(Severity(levelText: "WARN") == .warning)
        #expect(Severity(levelText: "Err") == .error)
        #expect(Severity(levelText: "FATAL") == .critical)
        #expect(Severity(levelText: "notice") == .info)
        #expect(Severity(levelText: "banana") == nil)
        #expect(Severity(syslogSeverity: 3) == .error)
    }

    @Test func dedupeKeyDependsOnSourceBytesAndOffset() {
        let a = DedupeKey(source: "a.log", raw: Array("hello".utf8), offset: 0)
        #expect(a == DedupeKey(source: "a.log", raw: Array("hello".utf8), offset: 0))
        #expect(a != DedupeKey(source: "b.log", raw: Array("hello".utf8), offset: 0))
        #expect(a != DedupeKey(source: "a.log", raw: Array("hellp".utf8), offset: 0))
        #expect(a != DedupeKey(source: "a.log", raw: Array("hello".utf8), offset: 1))
        #expect(DedupeKey(bytes: a.bytes) == a)
    }
}
