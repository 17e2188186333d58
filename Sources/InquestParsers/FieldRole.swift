/// Which ``InquestCore/Event`` field a structured key (JSON, logfmt, syslog `k=v`) fills.
///
/// Keys are matched case-insensitively; nested JSON objects are flattened with dots first
/// (`{"log":{"level":"info"}}` → `log.level`). When several keys of one role appear, the
/// lower rank wins (ties: the first one); the others stay in the attributes.
///
/// | role | keys (rank) |
/// |---|---|
/// | time | `ts` `time` `timestamp` `@timestamp` `@t` `t` `date` `datetime` `eventtime` `logtime` `timemillis` `time_local` |
/// | level | `level` `lvl` `severity` `log.level` `levelname` `loglevel` `level_name` `@l` `severity_text` `severitytext` |
/// | message | `msg` `message` `@m` (0), `text` `body` (1), `log` `event` (2), `@mt` (3) |
/// | service | `service` `service.name` `service_name` `servicename` `app` `application` `app_name` |
/// | host | `host` `hostname` `host.name` `host.hostname` `node` `node.name` |
/// | traceID | `trace_id` `traceid` `trace.id` `dd.trace_id` `trace` |
/// | spanID | `span_id` `spanid` `span.id` `dd.span_id` |
/// | requestID | `request_id` `requestid` `req_id` `reqid` `x-request-id` `http.request.id` `request.id` |
///
/// `logger` and `component` are deliberately not the service: they name a class or module inside
/// one service (`o.e.n.Node`), so they stay attributes. Only scalar values take a role; an object
/// under a role key (`"host":{"name":…}`) is flattened instead.
enum FieldRole: UInt8 {
    case time, level, message, service, host, traceID, spanID, requestID

    static let count = 8

    /// (key, role, rank) — the table above.
    static let keys: [(String, FieldRole, UInt8)] = [
        ("ts", .time, 0), ("time", .time, 0), ("timestamp", .time, 0), ("@timestamp", .time, 0), ("@t", .time, 0),
        ("t", .time, 1), ("date", .time, 1), ("datetime", .time, 0), ("eventtime", .time, 0), ("logtime", .time, 0),
        ("timemillis", .time, 0), ("time_local", .time, 1),
        ("level", .level, 0), ("lvl", .level, 0), ("severity", .level, 0), ("log.level", .level, 0),
        ("levelname", .level, 0), ("loglevel", .level, 0), ("level_name", .level, 0), ("@l", .level, 0),
        ("severity_text", .level, 0), ("severitytext", .level, 0),
        ("msg", .message, 0), ("message", .message, 0), ("@m", .message, 0), ("text", .message, 1),
        ("body", .message, 1), ("log", .message, 2), ("event", .message, 2), ("@mt", .message, 3),
        ("service", .service, 0), ("service.name", .service, 0), ("service_name", .service, 0),
        ("servicename", .service, 0), ("app", .service, 1), ("application", .service, 1), ("app_name", .service, 1),
        ("host", .host, 0), ("hostname", .host, 0), ("host.name", .host, 0), ("host.hostname", .host, 0),
        ("node", .host, 1), ("node.name", .host, 1),
        ("trace_id", .traceID, 0), ("traceid", .traceID, 0), ("trace.id", .traceID, 0), ("dd.trace_id", .traceID, 0),
        ("trace", .traceID, 1),
        ("span_id", .spanID, 0), ("spanid", .spanID, 0), ("span.id", .spanID, 0), ("dd.span_id", .spanID, 0),
        ("request_id", .requestID, 0), ("requestid", .requestID, 0), ("req_id", .requestID, 0),
        ("reqid", .requestID, 0), ("x-request-id", .requestID, 0), ("http.request.id", .requestID, 0),
        ("request.id", .requestID, 0),
    ]
}
