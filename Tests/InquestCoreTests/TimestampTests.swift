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

    @Test func dedupeKeysNeverChangeBetweenVersions() {
        // Stored keys must match the keys a later build computes, or re-ingesting a file would
        // store it twice: this pins the hash.
        let key = DedupeKey(source: "a.log", raw: Array("hello".utf8), offset: 7)
        #expect(key.hex == "7a56355300000000000723ca35b76b18")
        let viaSourceHash = Array("hello".utf8).withUnsafeBytes {
            DedupeKey(sourceHash: DedupeKey.sourceHash("a.log"), raw: $0, offset: 7)
        }
        #expect(viaSourceHash == key)
    }
}

@Suite struct DedupeKeyOrderTests {
    @Test func keysOfOneSourceIncreaseWithTheOffset() {
        let keys = [0, 1, 65_535, 65_536, 1 << 40].map { DedupeKey(source: "/var/log/app.log", raw: Array("x\($0)".utf8), offset: Int64($0)) }
        for (a, b) in zip(keys, keys.dropFirst()) {
            #expect(a.bytes.lexicographicallyPrecedes(b.bytes))
        }
    }

    @Test func sameOffsetDifferentContentIsADifferentKey() {
        let a = DedupeKey(source: "s", raw: Array("rewritten".utf8), offset: 10)
        let b = DedupeKey(source: "s", raw: Array("original!".utf8), offset: 10)
        #expect(a != b)
    }
}
