/// Why a record could not be parsed. Columns are 1-based byte columns in the record's first line
/// (for a multi-line JSON record, in the record's bytes joined with `\n`).
public enum LogParseError: Error, Sendable, Hashable {
    /// A JSON record did not start with `{`.
    case jsonNotAnObject(column: Int)
    /// A JSON record broke the grammar: `expected` describes what should have been at `column`.
    case jsonSyntax(column: Int, expected: String)
    /// A JSON string opened at `column` has no closing quote.
    case jsonUnterminatedString(column: Int)
    /// A JSON object was still open at the end of the stream (or after `lines` lines).
    case jsonUnterminatedObject(lines: Int)
    /// Text followed the record's closing `}` at `column`.
    case jsonTrailingText(column: Int)
    /// A logfmt line had no `key=value` pair.
    case logfmtNoPairs
    /// A syslog line broke RFC 3164/5424 at `column`: `expected` says what was missing.
    case syslogSyntax(column: Int, expected: String)
    /// An access-log line broke the common/combined format at `column`.
    case accessSyntax(column: Int, expected: String)

    /// A sentence for users: what, where, and what to do.
    public var message: String {
        switch self {
        case .jsonNotAnObject(let column):
            "not a JSON object: expected '{' at column \(column); pick another --format if the file is not JSON lines"
        case .jsonSyntax(let column, let expected):
            "invalid JSON at column \(column): expected \(expected); fix the record or ingest with --format plain"
        case .jsonUnterminatedString(let column):
            "invalid JSON: the string starting at column \(column) never closes; the record may be truncated"
        case .jsonUnterminatedObject(let lines):
            "invalid JSON: the object is still open after \(lines) line(s); the record may be truncated"
        case .jsonTrailingText(let column):
            "invalid JSON: unexpected text after the closing '}' at column \(column); put one object per line"
        case .logfmtNoPairs:
            "not logfmt: no key=value pair in the line; pick another --format"
        case .syslogSyntax(let column, let expected):
            "not syslog (RFC 3164/5424) at column \(column): expected \(expected); pick another --format"
        case .accessSyntax(let column, let expected):
            "not an access-log line at column \(column): expected \(expected); pick another --format"
        }
    }
}
