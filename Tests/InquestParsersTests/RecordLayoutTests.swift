import Foundation
import InquestCore
import Testing
@testable import InquestParsers

/// Per-file layout learning: where the time and the level sit, settled by the file's records.
struct RecordLayoutTests {
    static func parse(_ lines: [String], _ format: LogFormat) -> ParseOutput {
        ParseHarness.parse(lines.joined(separator: "\n") + "\n", format)
    }

    @Test func singleLetterLevelsAreReadInTheirColumnWithIdsAndTag() throws {
        let output = Self.parse([
            "03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogs",
            "03-17 16:13:38.935  1702  3697 W ActivityManager: getRunningAppProcesses: caller 10113",
            "03-17 16:13:39.006  1702  2639 E PowerManagerService: release:lock=62617001",
            "03-17 16:13:39.010  1702  2639 I A user message starting with A",
        ], .plain)
        try #require(output.events.count == 4)
        #expect(output.events.map(\.severity) == [.debug, .warning, .error, .info])
        #expect(output.events[0].timestamp == ParseHarness.time("2026-03-17T16:13:38.811Z"))
        #expect(output.events[0].attributesJSON.contains(#""pid":1702"#))
        #expect(output.events[0].attributesJSON.contains(#""thread":2395"#))
        #expect(output.events[0].attributesJSON.contains(#""component":"WindowManager""#))
    }

    @Test func aLevelWordInTheMessageDoesNotSetTheLevel() throws {
        let output = Self.parse([
            "2024-01-05 10:00:00 Processed batch 7, error count 0",
            "2024-01-05 10:00:01 Copyright (C) 2000-2002 Example Corp",
            "2024-01-05 10:00:02 All done",
        ], .plain)
        #expect(output.events.map(\.severity) == [.info, .info, .info])
    }

    @Test func levelSlotsAreLearnedAfterTheTimeAndZoneNamesRead() throws {
        let output = Self.parse([
            "2017-07-31 13:36:42.585 CEST [4974] LOG:  database system was shut down",
            "2017-07-31 13:36:43.557 CEST [4983] postgres@postgres FATAL:  role \"x\" does not exist",
            "2017-07-31 13:36:44.227 EST [4983] postgres@postgres ERROR:  relation \"t\" does not exist",
            "2017-07-31 13:36:44.300 UTC [4983] postgres@postgres STATEMENT:  SELECT 1",
        ], .log4j)
        try #require(output.events.count == 4)
        #expect(output.events.map(\.severity) == [.info, .critical, .error, .info])
        #expect(output.events[0].timestamp == ParseHarness.time("2017-07-31T11:36:42.585Z"))
        #expect(output.events[2].timestamp == ParseHarness.time("2017-07-31T18:36:44.227Z"))
        #expect(output.events.allSatisfy { !$0.timeQuality.contains(.zoneAssumed) })
    }

    @Test func componentPrefixedLevelsAreRead() throws {
        let output = Self.parse([
            "[2017-04-04 11:43:09 +0200] information/ConfigItem: Committing config item(s).",
            "[2017-04-04 11:43:09 +0200] warning/PluginNotificationTask: Notification command failed.",
            "[2017-04-04 11:43:10 +0200] debug/GraphiteWriter: Reconnecting.",
        ], .log4j)
        #expect(output.events.map(\.severity) == [.info, .warning, .debug])
        #expect(output.events[1].attributesJSON.contains(#""component":"PluginNotificationTask""#))
    }

    @Test func windowsStyleLevelColumn() throws {
        let output = Self.parse([
            "2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack v6.1.7601.23505",
            "2016-09-28 04:30:31, Warning               CBS    Package state is corrupted",
            "2016-09-28 04:30:32, Error                 CSI    Failed to resolve package",
        ], .plain)
        #expect(output.events.map(\.severity) == [.info, .warning, .error])
    }

    @Test func anAmbiguousDateIsSettledByALaterRecord() throws {
        let output = Self.parse([
            "03/04/2024 10:00:00 INFO started",
            "25/04/2024 10:00:01 INFO still running",
        ], .plain)
        try #require(output.events.count == 2)
        #expect(output.events[0].timestamp == ParseHarness.time("2024-04-03T10:00:00Z"))
        #expect(output.events[1].timestamp == ParseHarness.time("2024-04-25T10:00:01Z"))
        let american = Self.parse(["03/04/2024 10:00:00 INFO a", "04/25/2024 10:00:01 INFO b"], .plain)
        #expect(american.events.first?.timestamp == ParseHarness.time("2024-03-04T10:00:00Z"))
    }

    @Test func aNumberInAMessageBodyIsNotTakenForTheTime() throws {
        let output = Self.parse([
            "2024-01-05 10:00:00 INFO job started",
            "2024-01-05 10:00:02 INFO job running",
            "job 1485893834 finished with code 3",
        ], .plain)
        try #require(output.events.count == 3)
        #expect(output.events[2].timestamp == output.events[1].timestamp)
        #expect(output.events[2].timeQuality.contains(.missing))
    }

    @Test func anEpochAtALearnedColumnIsTheTime() throws {
        let output = Self.parse([
            "134681 node-246 unix.hw state_change.unavailable 1077804742 1 Component State Change",
            "2568643 node-70 action start 1074119817 1 clusterAddMember  (command 1902)",
        ], .plain)
        #expect(output.events.map(\.timestamp) == [Timestamp(seconds: 1_077_804_742), Timestamp(seconds: 1_074_119_817)])
    }

    @Test func anEpochInsideAFieldValueIsTheTimeOfALogfmtRecord() throws {
        let output = Self.parse([
            "type=SYSCALL msg=audit(1485893834.891:18877199): arch=c000003e syscall=44 success=yes",
            "type=MAC_IPSEC_EVENT msg=audit(1485893835.000:18877201): op=SPD-delete res=1",
        ], .logfmt)
        try #require(output.events.count == 2)
        #expect(output.events[0].timestamp == Timestamp(seconds: 1_485_893_834, nanos: 891_000_000))
        #expect(output.events[1].timestamp == Timestamp(seconds: 1_485_893_835))
    }

    @Test func recordsBeforeTheFirstTimeTakeItAndAFileWithoutTimesIsUnknown() throws {
        let output = Self.parse(["starting up", "2024-01-05 10:00:00 INFO ready"], .plain)
        try #require(output.events.count == 2)
        #expect(output.events[0].timestamp == output.events[1].timestamp)
        #expect(output.events[0].timeQuality == .missing)
        let timeless = Self.parse(["no time here", "nor here"], .plain)
        #expect(timeless.events.allSatisfy { $0.timeQuality.contains(.unknown) })
    }

    @Test func w3cDirectivesAreNotEventsAndFieldsNameTheColumns() throws {
        let output = Self.parse([
            "#Software: Microsoft Internet Information Services 10.0",
            "#Version: 1.0",
            "#Date: 2018-01-01 08:09:10",
            "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip sc-status",
            "2018-01-01 08:09:10 127.0.0.1 GET / - 80 - 85.181.35.98 200",
            "2018-01-01 08:09:11 127.0.0.1 GET /api q=1 80 - 85.181.35.98 503",
        ], .log4j)
        #expect(output.headerLines == 4)
        try #require(output.events.count == 2)
        #expect(output.events.map(\.severity) == [.info, .error])
        #expect(output.events[1].message == "GET /api 503")
        #expect(output.events[1].timestamp == ParseHarness.time("2018-01-01T08:09:11Z"))
        #expect(output.events[1].attributesJSON.contains(#""c-ip":"85.181.35.98""#))
    }

    @Test func prettyPrintedJSONInsideALog4jRecordStaysInTheRecord() {
        let text = """
        [2018-07-04T21:51:30,411][INFO ][index.indexing.slowlog.index] [v_VJhjV] took[1ms], source[
        {
          "name":"lo0",
          "in":{
            "errors":0
          }
        }
        ]
        [2018-07-04T21:51:31,411][WARN ][index.indexing.slowlog.index] [v_VJhjV] took[1s], source[]
        """
        #expect(ParseHarness.detect(text) == .log4j)
        let output = ParseHarness.parse(text, .log4j)
        #expect(output.events.map(\.severity) == [.info, .warning])
    }
}
