/// What a column of a table (a CSV/TSV export with a header) holds, guessed from its name
/// (``guess(_:)``) or named with `inquest ingest --columns role=Header,…` (raw values are the
/// role names that option takes). Columns without a role become attributes.
///
/// Names are compared lower-cased without `_`, `-`, `.` and spaces (`Trace_ID`, `trace.id` and
/// `traceId` are one name):
///
/// | role | names |
/// |---|---|
/// | time | `timestamp` `@timestamp` `time` `date` `datetime` `ts` `_time` `eventtime` `logtime`, any name ending in `unixnano` |
/// | level | `level` `severity` `loglevel` `log.level` `levelname` `lvl` `severitytext` `priority` |
/// | message | `message` `@message` `msg` `log` `content` `body` `text` `_raw` `line` |
/// | service | `service` `service.name` `servicename` `app` `application` `appname`, and pod names (below) |
/// | pod | `pod` `podname` `pod_name` `kubernetes.pod.name` `k8s.pod.name` (the service becomes the pod's deployment, the pod the host) |
/// | host | `host` `hostname` `host.name` `node` `nodename` `instance` |
/// | trace / span / parent | `traceid` `trace`, `spanid`, `parentid` `parentspanid` `parent` |
/// | operation | `operationname` `operation` `spanname` |
/// | start / end / duration | `starttime` `start`, names starting with `start` and ending in `unixnano`/`time`; the same with `end`; `duration`, `durationms`, `durationus`, `durationns`, `elapsed` |
public enum ColumnRole: String, CaseIterable, Sendable, Hashable {
    case time
    case level
    case message
    case service
    /// A Kubernetes pod name: its deployment is the service, the pod itself the host.
    case pod
    case host
    case trace
    case span
    case parent
    case operation
    case start
    case end
    case duration

    /// The role a column name suggests, or nil for an attribute.
    public static func guess(_ name: String) -> ColumnRole? {
        let key = normalized(name)
        if let role = exact[key] { return role }
        if key.hasPrefix("start") && (key.hasSuffix("unixnano") || key.hasSuffix("time") || key.hasSuffix("timestamp")) {
            return .start
        }
        if key.hasPrefix("end") && (key.hasSuffix("unixnano") || key.hasSuffix("time") || key.hasSuffix("timestamp")) {
            return .end
        }
        if key.hasPrefix("duration") { return .duration }
        if key.hasSuffix("unixnano") { return .time }
        return nil
    }

    /// The name lower-cased without `_`, `-`, `.` and spaces (a leading `_` and `@` are kept:
    /// Splunk's `_time`, CloudWatch's `@message`).
    public static func normalized(_ name: String) -> String {
        var result = ""
        for (offset, scalar) in name.lowercased().unicodeScalars.enumerated() {
            if scalar == "_" && offset == 0 { result.unicodeScalars.append(scalar); continue }
            if scalar == "_" || scalar == "-" || scalar == "." || scalar == " " { continue }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    private static let exact: [String: ColumnRole] = {
        var table: [String: ColumnRole] = [:]
        let names: [(ColumnRole, [String])] = [
            (.time, ["timestamp", "@timestamp", "time", "date", "datetime", "ts", "_time", "eventtime", "logtime",
                     "timegenerated", "eventtimestamp"]),
            (.level, ["level", "severity", "loglevel", "levelname", "lvl", "severitytext", "priority", "@level"]),
            (.message, ["message", "@message", "msg", "log", "content", "body", "text", "_raw", "line", "logmessage"]),
            (.service, ["service", "servicename", "app", "application", "appname", "@service"]),
            (.pod, ["pod", "podname", "kubernetespodname", "k8spodname"]),
            (.host, ["host", "hostname", "node", "nodename", "instance", "@host"]),
            (.trace, ["traceid", "trace"]),
            (.span, ["spanid", "span"]),
            (.parent, ["parentid", "parentspanid", "parent", "parentspan"]),
            (.operation, ["operationname", "operation", "spanname"]),
            (.start, ["start", "starttime"]),
            (.end, ["end", "endtime"]),
            (.duration, ["duration", "elapsed"]),
        ]
        for (role, keys) in names {
            for key in keys { table[key] = role }
        }
        return table
    }()
}
