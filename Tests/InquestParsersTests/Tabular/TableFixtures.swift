import InquestCore
@testable import InquestParsers

/// Small tables in the shapes other exporters write, and a helper that detects and parses them
/// as `inquest ingest` does.
enum TableFixtures {
    /// Kibana's Discover "CSV report" (ISO times): `@timestamp`, ECS `log.level`, `message`, nested fields flattened.
    static let kibana = """
    "@timestamp","log.level","message","service.name","host.name","trace.id"
    "2023-01-29T08:42:22.383Z","ERROR","payment failed: card declined, retry later","checkout","web-1","4bf92f3577b34da6a3ce929d0e0e4736"
    "2023-01-29T08:42:23.001Z","info","order 42 placed","checkout","web-2",
    """

    /// CloudWatch Logs Insights "Export results → CSV": `@timestamp` (milliseconds, space), `@message` (a JSON text log), `@logStream`.
    static let cloudWatch = """
    @timestamp,@message,@logStream
    2023-01-29 08:42:22.383,"{""level"":""warn"",""msg"":""cold start took 812 ms""}",2023/01/29/[$LATEST]abc123
    2023-01-29 08:42:23.500,START RequestId: 8f2a Version: $LATEST,2023/01/29/[$LATEST]abc123
    2023-01-29 08:42:24.100,"ERROR Task timed out after 3.00 seconds
    at handler (index.js:12)",2023/01/29/[$LATEST]abc123
    """

    /// A TSV from a database client: epoch milliseconds, `severity`, `msg`, `app`.
    static let tsv = "ts\tseverity\tmsg\tapp\tlatency_ms\n"
        + "1674981742383\tWARNING\tslow query on orders\tbilling\t1203\n"
        + "1674981743000\tINFO\tquery ok\tbilling\t12\n"

    /// A spreadsheet's semicolon CSV (a European locale writes `;` because `,` is the decimal mark).
    static let semicolon = """
    Datum;Level;Message;Host
    2023-01-29 08:42:22;error;Verbindung abgelehnt; Server nicht erreichbar;db-2
    2023-01-29 08:42:25;info;"Verbindung ok; 3 Versuche";db-2
    2023-01-29 08:42:26;info;Abfrage ok;db-2
    2023-01-29 08:42:27;warnung;Abfrage langsam;db-2
    2023-01-29 08:42:28;info;Abfrage ok;db-3
    """

    /// Spans as rows, pipe-separated, with a duration in milliseconds and a pod name.
    static let spans = """
    trace_id|span_id|parent_span_id|pod|operation|start_time|duration_ms|status_code
    0AF7651916CD43DD8448EB211C80319C|B7AD6B7169203331||api-gateway-7d4b9c8f6d-x2x9z|GET /orders|2023-01-29T08:42:22.000Z|120.5|OK
    0af7651916cd43dd8448eb211c80319c|00f067aa0ba902b7|b7ad6b7169203331|orders-6c9f8b7d5-qwz4t|SELECT orders|2023-01-29T08:42:22.010Z|100|ERROR
    """

    /// A wide metric table: a Go `time.Time` text column next to a clean epoch column.
    static let series = """
    Time,TimeStamp,PodName,CpuUsage(m),MemoryUsage(Mi)
    2023-01-29 08:41:09.104907624 +0000 UTC m=+0.181069486,1674981669,cart-5f55b6cf68-77cfw,3.5,340.9
    2023-01-29 08:42:09.083565364 +0000 UTC m=+60.159727226,1674981729,cart-5f55b6cf68-77cfw,4.0,341.0
    """

    static func parse(_ text: String, columns: [ColumnRole: String] = [:]) -> TableParser.Output {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { buffer in
            TableParser.parse(
                buffer, dialect: TableDialect.detect(sample: buffer), columns: columns,
                options: LogParseOptions(sourceName: "t.csv", sourceIdentity: "/t.csv"), defaultSeries: "t")
        }
    }
}
