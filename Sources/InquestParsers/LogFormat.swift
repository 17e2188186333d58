/// The log formats the parsers understand. Raw values are the names `--format` accepts.
public enum LogFormat: String, CaseIterable, Sendable {
    /// JSON lines: one object per record; an object whose braces do not close on its line
    /// is joined with the following lines until it does.
    case json
    /// `key=value key="quoted \" value"` pairs.
    case logfmt
    /// RFC 3164 (`<PRI>Mmm dd hh:mm:ss host tag[pid]: msg`, PRI optional) and RFC 5424
    /// (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG`), told apart per line.
    case syslog
    /// Apache/Nginx common and combined access log format.
    case access
    /// log4j/logback/python-logging/glog style text lines; lines that do not start with a
    /// timestamp (stack traces) are folded into the preceding record.
    case log4j
    /// Anything else: one event per line, time and level found where possible.
    case plain
}
