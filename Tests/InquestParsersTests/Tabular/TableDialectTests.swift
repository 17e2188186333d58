import Testing
@testable import InquestParsers

struct TableDialectTests {
    @Test(arguments: [
        (TableFixtures.kibana, UInt8(ascii: ","), 6),
        (TableFixtures.cloudWatch, UInt8(ascii: ","), 3),
        (TableFixtures.tsv, UInt8(ascii: "\t"), 5),
        (TableFixtures.semicolon, UInt8(ascii: ";"), 4),
        (TableFixtures.spans, UInt8(ascii: "|"), 8),
    ])
    func detectsTheDelimiterAndHeader(text: String, delimiter: UInt8, columns: Int) throws {
        let dialect = try #require(TableDialect.detect(Array(text.utf8)))
        #expect(dialect.delimiter == delimiter)
        #expect(dialect.header.count == columns)
    }

    @Test(arguments: [
        "{\"level\":\"info\",\"msg\":\"a, b\"}\n{\"level\":\"info\",\"msg\":\"c, d\"}\n",
        "level=info msg=\"a, b\" user=1\nlevel=warn msg=\"c, d\" user=2\n",
        "<13>Jan 29 08:42:22 host app[1]: a, b\n<13>Jan 29 08:42:23 host app[1]: c, d\n",
        "2023-01-29 08:42:22,383 INFO [main] a.b.C - started, ok\n2023-01-29 08:42:23,001 WARN [main] a.b.C - slow, 3 s\n",
        "127.0.0.1 - - [29/Jan/2023:08:42:22 +0000] \"GET / HTTP/1.1\" 200 12\n",
        "starting server\nlistening on :8080, pid 12\nready\n",
        "timestamp,value\n",
    ])
    func leavesLogsAlone(text: String) {
        #expect(TableDialect.detect(Array(text.utf8)) == nil)
    }

    @Test(arguments: [
        ("ts-travel-service-64469b5b48-25zj6", "ts-travel-service"),
        ("ts-station-food-service-dc4d75dd-fw6ft", "ts-station-food-service"),
        ("fluentd-x2x9z", "fluentd"),
        ("mysql-0", "mysql"),
        ("checkout", "checkout"),
        ("web-frontend", "web-frontend"),
        ("api-v2-beta", "api-v2-beta"),
    ])
    func podNamesBecomeTheirWorkload(pod: String, workload: String) {
        #expect(KubernetesPodName.workload(of: pod) == workload)
    }

    @Test(arguments: [
        ("TimeUnixNano", ColumnRole.time), ("@timestamp", .time), ("_time", .time), ("log.level", .level),
        ("@message", .message), ("Log", .message), ("PodName", .pod), ("kubernetes.pod_name", .pod),
        ("TraceID", .trace), ("span_id", .span), ("ParentID", .parent), ("OperationName", .operation),
        ("StartTimeUnixNano", .start), ("EndTimeUnixNano", .end), ("duration_ms", .duration),
    ])
    func columnNamesSuggestRoles(name: String, role: ColumnRole) {
        #expect(ColumnRole.guess(name) == role)
    }

    @Test func otherNamesAreAttributes() {
        #expect(ColumnRole.guess("@logStream") == nil)
        #expect(ColumnRole.guess("@log") == nil)
        #expect(ColumnRole.guess("Container") == nil)
    }
}
