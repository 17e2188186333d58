import InquestCore
import Testing
@testable import InquestParsers

struct TableParserTests {
    @Test func readsAKibanaExportAsLogEvents() throws {
        let output = TableFixtures.parse(TableFixtures.kibana)

        #expect(output.layout?.shape == .logs)
        #expect(output.failures.isEmpty)
        try #require(output.events.count == 2)
        let first = output.events[0]
        #expect(first.timestamp == Timestamp(seconds: 1_674_981_742, nanos: 383_000_000))
        #expect(first.severity == .error)
        #expect(first.message == "payment failed: card declined, retry later")
        #expect(first.service == "checkout")
        #expect(first.host == "web-1")
        #expect(first.traceID == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(output.events[1].severity == .info)
        #expect(output.events[1].traceID == nil)
        #expect(!output.events.contains { $0.message.contains("@timestamp") })
    }

    @Test func readsACloudWatchInsightsExportWithJSONAndMultiLineMessages() throws {
        let output = TableFixtures.parse(TableFixtures.cloudWatch)

        #expect(output.failures.isEmpty)
        try #require(output.events.count == 3)
        #expect(output.events[0].severity == .warning)
        #expect(output.events[0].message == "cold start took 812 ms")
        #expect(output.events[0].timestamp == Timestamp(seconds: 1_674_981_742, nanos: 383_000_000))
        #expect(output.events[1].severity == .info)
        #expect(output.events[2].severity == .error)
        #expect(output.events[2].message.hasSuffix("at handler (index.js:12)"))
        #expect(output.events[0].attributesJSON.contains("\"@logStream\":\"2023/01/29/[$LATEST]abc123\""))
    }

    @Test func readsATSVWithEpochMillisecondsAndNumericAttributes() throws {
        let output = TableFixtures.parse(TableFixtures.tsv)

        #expect(output.layout?.shape == .logs)
        try #require(output.events.count == 2)
        #expect(output.events[0].timestamp == Timestamp(seconds: 1_674_981_742, nanos: 383_000_000))
        #expect(output.events[0].severity == .warning)
        #expect(output.events[0].service == "billing")
        #expect(output.events[0].attributesJSON == "{\"latency_ms\":1203}")
    }

    @Test func readsASemicolonSpreadsheetAndDeadLettersARowWithAnExtraField() throws {
        let output = TableFixtures.parse(TableFixtures.semicolon)

        #expect(output.rows == 5)
        #expect(output.events.count == 4)
        try #require(output.failures.count == 1)
        #expect(output.failures[0].line == 2)
        #expect(output.failures[0].error == .tableFieldCount(line: 2, expected: 4, found: 5))
        #expect(output.events[0].message == "Verbindung ok; 3 Versuche")
        #expect(output.events[0].host == "db-2")
    }

    @Test func readsSpanRowsWithPodsAndMillisecondDurations() throws {
        let output = TableFixtures.parse(TableFixtures.spans)

        #expect(output.layout?.shape == .spans)
        #expect(output.events.isEmpty)
        try #require(output.spans.count == 2)
        let root = output.spans[0]
        #expect(root.traceID == "0af7651916cd43dd8448eb211c80319c")
        #expect(root.spanID == "b7ad6b7169203331")
        #expect(root.parentSpanID == nil)
        #expect(root.service == "api-gateway")
        #expect(root.host == "api-gateway-7d4b9c8f6d-x2x9z")
        #expect(root.operation == "GET /orders")
        #expect(root.duration == 120_500_000)
        #expect(root.status == .ok)
        #expect(output.spans[1].parentSpanID == "b7ad6b7169203331")
        #expect(output.spans[1].service == "orders")
        #expect(output.spans[1].status == .error)
    }

    @Test func readsAMetricTableFromItsCleanestTimeColumn() throws {
        let output = TableFixtures.parse(TableFixtures.series)

        #expect(output.layout?.shape == .series)
        #expect(output.failures.isEmpty)
        #expect(output.samples.count == 4)
        #expect(Set(output.samples.map(\.series)) == ["CpuUsage(m)", "MemoryUsage(Mi)"])
        #expect(output.samples[0].timestamp == Timestamp(seconds: 1_674_981_669))
        #expect(output.samples[0].labels == ["PodName": "cart-5f55b6cf68-77cfw"])
    }

    @Test func columnOverridesWinOverGuesses() throws {
        let text = "when,who,what\n2023-01-29T08:42:22Z,pay-7d4b9c8f6d-x2x9z,charged card\n"
        let output = TableFixtures.parse(text, columns: [.time: "when", .pod: "WHO", .message: "what"])

        try #require(output.events.count == 1)
        #expect(output.events[0].timestamp == Timestamp(seconds: 1_674_981_742))
        #expect(output.events[0].service == "pay")
        #expect(output.events[0].message == "charged card")
    }

    @Test func aContainerRuntimeCellIsUnwrappedAndTheRowTimeWins() throws {
        let text = """
        TimeUnixNano,PodName,Log
        1674981742383150913,ts-travel-service-64469b5b48-25zj6,"{""log"":""16:42:22.382 ERROR t.s.Impl#532 boom\\n"",""stream"":""stderr"",""time"":""2023-01-29T08:00:00Z""}"
        """
        let output = TableFixtures.parse(text)

        try #require(output.events.count == 1)
        let event = output.events[0]
        #expect(event.timestamp == Timestamp(nanoseconds: 1_674_981_742_383_150_913))
        #expect(event.severity == .error)
        #expect(event.message == "16:42:22.382 ERROR t.s.Impl#532 boom")
        #expect(event.service == "ts-travel-service")
        #expect(event.host == "ts-travel-service-64469b5b48-25zj6")
        #expect(event.attributesJSON.contains("\"stream\":\"stderr\""))
    }

    @Test func aSentinelTimeFallsBackToTheRowsOtherTimeColumn() throws {
        let text = """
        Timestamp,TimeUnixNano,Log
        2023-01-29T09:20:29.295Z,1674984029295000000,first
        2023-01-29T09:20:30.100Z,-6795364578871345152,second
        2023-01-29T09:20:31.000Z,1674984031000000000,third
        2023-01-29T09:20:32.000Z,1674984032000000000,fourth
        """
        let output = TableFixtures.parse(text)

        try #require(output.events.count == 4)
        #expect(output.events[0].timestampText == "1674984029295000000")
        #expect(output.events[1].timestamp == Timestamp(seconds: 1_674_984_030, nanos: 100_000_000))
        #expect(output.events[1].timeQuality == [])
    }

    @Test func aRunawayQuoteIsDeadLetteredAloneAndTheRowsAfterItAreRead() throws {
        let rows = (1...30).map { "2023-01-29T08:42:\(String(format: "%02d", $0))Z,info,row \($0)" }
        var lines = ["time,level,message"] + rows
        lines[3] = "2023-01-29T08:42:03Z,info,\"an opening quote that never closes"
        let output = TableFixtures.parse(lines.joined(separator: "\n") + "\n")

        try #require(output.failures.count == 1)
        #expect(output.failures[0].line == 4)
        if case .tableOpenQuote(4, _, _, true) = output.failures[0].error {} else {
            Issue.record("expected an open quote at line 4, got \(output.failures[0].error)")
        }
        #expect(output.events.count == 29)
        #expect(output.events.last?.message == "row 30")
    }

    @Test func aQuoteOpenLongerThanTheLimitEndsAtItsLine() throws {
        var text = "time,message\n2023-01-29T08:42:00Z,\"open\n"
        for index in 0..<(DelimitedRecordReader.maximumRecordLines + 5) { text += "2023-01-29T08:42:01Z,line \(index)\n" }
        let output = TableFixtures.parse(text)

        try #require(output.failures.count == 1)
        if case .tableOpenQuote(2, _, _, false) = output.failures[0].error {} else {
            Issue.record("expected a quote still open at line 2, got \(output.failures[0].error)")
        }
        #expect(output.events.count == DelimitedRecordReader.maximumRecordLines + 5)
    }
}
