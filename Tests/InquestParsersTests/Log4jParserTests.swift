import Foundation
import InquestCore
import Testing
@testable import InquestParsers

struct Log4jParserTests {
    @Test func foldsStackTracesIntoTheRecordBefore() throws {
        let output = ParseHarness.parse(Log4jFixtures.stackTrace, .log4j)
        #expect(output.failures.isEmpty)
        #expect(output.physicalLines == 8)
        try #require(output.events.count == 2)
        let first = output.events[0]
        #expect(first.severity == .error)
        #expect(first.levelText == "ERROR")
        #expect(first.timestamp == ParseHarness.time("2026-11-20T10:15:03.123Z"))
        #expect(first.timeQuality == .zoneAssumed)
        #expect(first.message.hasPrefix("支付失败：timeout 😀\njava.lang.IllegalStateException: boom\n\tat com.example"))
        #expect(first.message.hasSuffix("\t... 2 more"))
        #expect(first.attributesJSON == #"{"thread":"main","logger":"c.e.PaymentService"}"#)
        #expect(first.raw.split(separator: 0x0A, omittingEmptySubsequences: false).count == 6)
        #expect(!first.raw.contains(0x0D))
        #expect(output.events[1].message == "recovered")
        #expect(output.events[1].timestamp == ParseHarness.time("2026-11-20T10:15:04.5Z"))
    }

    @Test func recordSplitAtEveryBytePositionParsesIdentically() {
        let bytes = Array(Log4jFixtures.stackTrace.utf8)
        let whole = ParseHarness.parse(bytes, .log4j)
        for split in 1..<bytes.count {
            let parts = ParseHarness.parse(bytes, .log4j, splits: [split])
            #expect(parts.events == whole.events, "split at \(split)")
        }
        #expect(ParseHarness.parse(bytes, .log4j, splits: Array(1..<bytes.count)).events == whole.events)
    }

    @Test(arguments: [
        ("[2016-12-19 20:51:20,700] WARN [Fetcher-0], Error in fetch x (kafka.server.ReplicaFetcherThread)",
         "2016-12-19T20:51:20.7Z", Severity.warning, "Error in fetch x", #"{"thread":"Fetcher-0","logger":"kafka.server.ReplicaFetcherThread"}"#),
        ("2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 3200",
         "2015-07-29T17:41:44.747Z", .info, "Notification time out: 3200", #"{"thread":"QuorumPeer[myid=1]/0:0:0:0:2181:FastLeaderElection@774"}"#),
        ("2026-11-20T10:15:03+01:00 DEBUG app.module: hello", "2026-11-20T09:15:03Z", .debug, "hello", #"{"logger":"app.module"}"#),
        ("17/06/09 20:10:40 INFO spark.SecurityManager: Changing view acls to: yarn,curi",
         "2017-06-09T20:10:40Z", .info, "Changing view acls to: yarn,curi", #"{"logger":"spark.SecurityManager"}"#),
        ("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 terminating",
         "2008-11-09T20:36:15Z", .info, "PacketResponder 1 terminating", #"{"thread":148,"logger":"dfs.DataNode$PacketResponder"}"#),
        ("[Sun Dec 04 04:47:44 2005] [error] mod_jk child in error state 6", "2005-12-04T04:47:44Z", .error, "mod_jk child in error state 6", "{}"),
        ("E1120 10:15:03.123456    1234 file.go:42] glog failure", "2026-11-20T10:15:03.123456Z", .error, "glog failure", #"{"thread":1234,"source":"file.go:42"}"#),
        ("2026-11-20 10:15:03 no level at all", "2026-11-20T10:15:03Z", .info, "no level at all", "{}"),
    ])
    func readsHeaderShapes(line: String, time: String, severity: Severity, message: String, attributes: String) throws {
        let event = try #require(ParseHarness.parse(line, .log4j).events.first)
        let expected = try #require(ParseHarness.time(time))
        #expect(abs(event.timestamp.nanoseconds - expected.nanoseconds) < 1_000_000, "the reference parser keeps milliseconds")
        #expect(event.severity == severity)
        #expect(event.message == message)
        #expect(event.attributesJSON == attributes)
    }

    @Test func leadingLinesWithoutAHeaderBecomeTheirOwnRecord() throws {
        let output = ParseHarness.parse("orphan line\n  continued\n2026-11-20 10:15:03 WARN ok\n", .log4j)
        try #require(output.events.count == 2)
        #expect(output.events[0].message == "orphan line\n  continued")
        #expect(output.events[0].timeQuality == .missing)
        #expect(output.events[1].severity == .warning)
    }
}
