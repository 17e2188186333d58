import Foundation
import InquestCore
import InquestIngest
import InquestParsers
import InquestStore
import InquestTestSupport
import Testing

@Suite struct TableIngestTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-tables-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func aDirectoryOfTablesIsStoredAsEventsSpansAndSeriesWithoutFlags() throws {
        // Given a directory holding a log table, a span table and a metric table (in subdirectories)
        _ = try write("logs/export.csv", """
            @timestamp,level,message,app
            2023-01-29T08:42:22Z,error,"disk full, giving up",billing
            2023-01-29T08:42:23Z,info,retrying,billing
            2023-01-29T08:42:24Z,info,"broken row",billing,extra
            2023-01-29T08:42:25Z,info,ok,billing
            2023-01-29T08:42:26Z,info,ok again,billing
            2023-01-29T08:42:27Z,info,done,billing
            """)
        _ = try write("traces/spans.tsv", "TraceID\tSpanID\tParentID\tServiceName\tOperationName\tStartTimeUnixNano\tEndTimeUnixNano\n"
            + "aa11\tbb22\t\tbilling\tcharge\t1674981742000000000\t1674981742500000000\n"
            + "aa11\tcc33\tbb22\tbank\tauthorize\t1674981742100000000\t1674981742400000000\n")
        _ = try write("metrics/cpu.csv", "ts;host;cpu;mem\n1674981742;a;0.5;10\n1674981802;a;0.7;11\n")
        let store = try InquestStore.inMemory()

        // When the directory is ingested with no options
        let summary = try FileIngestor(store: store, options: IngestOptions(indexFullText: false)).ingest(paths: [directory.path])

        // Then every row is an event, a span or samples, the bad row a dead letter, the header nothing
        #expect(summary.files.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["export.csv", "cpu.csv", "spans.tsv"])
        let logs = try #require(summary.files.first)
        #expect(logs.format == "table (logs)")
        #expect(logs.stored == 5)
        #expect(logs.deadLettered == 1)
        #expect(logs.failureReasons.first?.firstLocation.hasSuffix("export.csv:4") == true)
        #expect(summary.files[1].samplesStored == 4)
        #expect(summary.files[2].spansStored == 2)
        let billing = FilterSQLCompiler.compile(try Filter.parse("service:billing source:log"), now: Timestamp(nanoseconds: 0))
        #expect(try store.count(billing) == 5)
        // and the spans' trace is one trace event, under its root's service
        let trace = FilterSQLCompiler.compile(try Filter.parse("service:billing source:trace"), now: Timestamp(nanoseconds: 0))
        #expect(try store.count(trace) == 1)
        let header = FilterSQLCompiler.compile(try Filter.parse("message"), now: Timestamp(nanoseconds: 0))
        #expect(try store.count(header) == 0)

        // And ingesting it again stores nothing new
        let again = try FileIngestor(store: store, options: IngestOptions(indexFullText: false)).ingest(paths: [directory.path])
        #expect(again.stored == 0)
        #expect(again.samplesStored == 0)
        #expect(again.spansStored == 0)
    }

    @Test func columnsOptionNamesRolesAndRejectsUnknownRoles() throws {
        let columns = try IngestOptions.columns(named: "time=Timestamp, service=PodName")
        #expect(columns == [.time: "Timestamp", .service: "PodName"])
        #expect(throws: IngestError.self) { try IngestOptions.columns(named: "colour=Red") }
        #expect(throws: IngestError.self) { try IngestOptions.columns(named: "time") }
    }

    /// Row counts from Python's csv module (header excluded): 172,722 log rows in 84 files (one of them,
    /// 10_06_log.csv line 631, is two rows spliced into 10 fields, so Python reads it as 10 fields too), 328,848 span
    /// rows in 84 files (321,068 distinct trace and span ids: 7,780 rows repeat a span of another
    /// minute's file, identical), and 47 metric files whose 879 series hold 807,801 distinct samples.
    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
    func storesTheNezhaDayRowForRow() throws {
        let day = try SharedCorpus.path("nezha/rca_data/2023-01-29")
        let store = try InquestStore.inMemory()
        let summary = try FileIngestor(store: store, options: IngestOptions(indexFullText: false))
            .ingest(paths: ["log", "trace", "metric"].map { day + "/" + $0 })

        #expect(summary.deadLettered == 1)
        #expect(summary.files.flatMap(\.failureReasons).map(\.firstLocation) == [day + "/log/10_06_log.csv:631"])
        #expect(summary.files.count == 84 + 84 + 47)
        let logFiles = summary.files.filter { $0.path.contains("/log/") }
        #expect(logFiles.allSatisfy { $0.format == "table (logs)" })
        #expect(logFiles.reduce(0) { $0 + $1.stored } == 172_721)
        #expect(summary.spansStored == 321_068)
        #expect(summary.files.filter { $0.path.contains("/metric/") }.allSatisfy { $0.format == "table (series)" })
        #expect(summary.samplesStored == 807_801)
        let travel = FilterSQLCompiler.compile(try Filter.parse("service:ts-travel-service source:log"), now: Timestamp(nanoseconds: 0))
        #expect(try store.count(travel) > 0)
    }
}
