import Foundation
import InquestTestSupport
import InquestCore
import InquestParsers
import Testing

@Suite struct OTLPLogParserTests {
    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
    func readsTheOTLPExampleLogRecordWithServiceSeverityTraceAndAttributes() throws {
        let data = try SharedCorpus.requireData("otlp/opentelemetry-proto/examples/logs.json")
        let events = try OTLPLogParser.parse(data, sourceName: "otlp", sourceIdentity: "test")
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.sourceKind == .log && event.service == "my.service")
        #expect(event.message == "Example log record")
        #expect(event.severity == .info && event.levelText == "Information")
        #expect(event.timestamp == Timestamp(nanoseconds: 1_544_712_660_300_000_000))
        #expect(event.traceID == "5b8efff798038103d269b633813fc60c" && event.spanID == "eee19b7ec3c1b174")
        #expect(event.attributesJSON.contains(#""int.attribute":10"#))
        #expect(event.attributesJSON.contains(#""array.attribute":["many","values"]"#))
    }

    @Test(arguments: [(Int64(3), Severity.debug), (7, .debug), (9, .info), (13, .warning), (17, .error), (21, .critical)])
    func severityNumbersMapToSeverities(number: Int64, severity: Severity) throws {
        let json = #"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"5","severityNumber":\#(number),"body":{"stringValue":"x"}}]}]}]}"#
        #expect(try OTLPLogParser.parse(Data(json.utf8), sourceName: "s", sourceIdentity: "i").first?.severity == severity)
    }

    @Test func aRecordWithoutAnyTimeIsAnErrorNamingTheField() {
        let json = #"{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"x"}}]}]}]}"#
        #expect(throws: ParseError.missingField(path: "resourceLogs[0].scopeLogs[0].logRecords[0].timeUnixNano")) {
            try OTLPLogParser.parse(Data(json.utf8), sourceName: "s", sourceIdentity: "i")
        }
    }

    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
    func theSameRecordGetsTheSameDedupeKey() throws {
        let data = try SharedCorpus.requireData("otlp/opentelemetry-proto/examples/logs.json")
        let first = try OTLPLogParser.parse(data, sourceName: "otlp", sourceIdentity: "r")
        let second = try OTLPLogParser.parse(data, sourceName: "otlp", sourceIdentity: "r")
        #expect(first.map(\.dedupeKey) == second.map(\.dedupeKey))
    }
}
