/// Everything the parsers refuse, located: log records, metric text, trace documents, CI reports
/// and git history. One closed set for the module; each case says where the problem is (a byte
/// column in a record, a 1-based line, a JSON field path or an XML element path), and
/// ``description`` says what is wrong, where and what to do. Callers prefix the file name.
public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
    // MARK: Log records (columns are 1-based byte columns in the record's first line; for a
    // multi-line JSON record, in the record's bytes joined with `\n`)

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
    /// An object or array opened at `column` nests deeper than `limit` levels (see
    /// ``JSONRecordParser/maximumDepth``); the record is kept as a dead letter.
    case jsonTooDeep(column: Int, limit: Int)
    /// A logfmt line had no `key=value` pair.
    case logfmtNoPairs
    /// A syslog line broke RFC 3164/5424 at `column`: `expected` says what was missing.
    case syslogSyntax(column: Int, expected: String)
    /// An access-log line broke the common/combined format at `column`.
    case accessSyntax(column: Int, expected: String)
    /// A line longer than `maximumBytes` is not parsed: it is kept in pieces of that size, and
    /// this is piece number `piece` (from 1).
    case lineTooLong(maximumBytes: Int, piece: Int)
    /// A record's attributes nest objects/arrays `depth` levels, deeper than `maximum`
    /// (``AttributesNesting/maximumDepth``): stored, they would break every attribute filter.
    case attributesTooDeep(depth: Int, maximum: Int)

    // MARK: Metrics (Prometheus text, CSV series; 1-based line and byte column)

    /// A Prometheus sample line does not have the shape `name{labels} value [timestamp]`.
    case malformedSample(line: Int, column: Int, expected: String)
    /// A label set is malformed (bad name, missing quote, unknown escape, missing `=`).
    case invalidLabel(line: Int, column: Int, reason: String)
    /// A value is not a number, `NaN`, `+Inf` or `-Inf`.
    case invalidValue(line: Int, column: Int, text: String)
    /// A timestamp cannot be read as ISO 8601, `YYYY-MM-DD HH:MM:SS` or epoch s/ms/µs/ns.
    case invalidTimestamp(line: Int, column: Int, text: String)
    /// A `# TYPE` line names an unknown metric type.
    case unknownType(line: Int, text: String)
    /// Text follows the OpenMetrics `# EOF` marker.
    case contentAfterEOF(line: Int)
    /// A CSV row has fewer fields than the header.
    case missingFields(line: Int, expected: Int, found: Int)
    /// A CSV file has no column holding numbers, so there is no series to read.
    case noValueColumn(line: Int)

    // MARK: Tables (CSV, TSV and other delimited exports with a header; 1-based line)

    /// A quoted field opened on `line` was still open after `maximumLines` lines or
    /// `maximumBytes` bytes (or at the end of the input, `atEnd`): the line is kept alone and
    /// reading resumes at the next one.
    case tableOpenQuote(line: Int, maximumLines: Int, maximumBytes: Int, atEnd: Bool)
    /// A row has another number of fields than the header.
    case tableFieldCount(line: Int, expected: Int, found: Int)
    /// A row's cell that a span needs (its ids or start time) is empty or unreadable.
    case tableSpanCell(line: Int, column: String, text: String)

    // MARK: Traces (OTLP/JSON, Jaeger, Zipkin v2; JSON paths such as
    // `resourceSpans[0].scopeSpans[1].spans[3].startTimeUnixNano`)

    /// The bytes are not JSON at all (truncated file, log text, binary protobuf).
    case invalidJSON(reason: String)
    /// A required field is absent (a trace document's, or a CI payload's such as `workflow_run.conclusion`).
    case missingField(path: String)
    /// A field holds the wrong JSON type (e.g. a number where an array belongs).
    case wrongType(path: String, expected: String, found: String)
    /// A field that must be an integer (timestamp, duration) holds text that is not one.
    case notANumber(path: String, text: String)
    /// A trace or span id is neither hex nor base64 of the expected length.
    case invalidID(path: String, text: String)
    /// The document is JSON but not in the shape the chosen format expects.
    case unrecognizedLayout(format: String, expected: String)

    // MARK: CI and git (JUnit XML, GitHub Actions JSON, `git log` text, tags.tsv)

    /// The XML is not well-formed (truncated, bad entity, mismatched tag) at `line`:`column`.
    case malformedXML(line: Int, column: Int, path: String, reason: String)
    /// The report is not valid UTF-8 at `line`:`column` (Foundation's XML parser cannot take it).
    case invalidUTF8(line: Int, column: Int)
    /// The XML is well-formed but has no `<testsuites>`, `<testsuite>` or `<testcase>` element.
    case notJUnit(rootElement: String)
    /// The input is not valid JSON (truncated, wrong encoding) or its top level is not an object.
    case malformedJSON(reason: String)
    /// A JSON payload is none of the shapes the GitHub Actions parser knows.
    case unknownPayload(keys: [String])
    /// A `git log` record line does not have the expected shape at 1-based `line`.
    case malformedGitRecord(line: Int, expected: String, found: String)
    /// A date in a git record or tag line cannot be read as ISO 8601 with an offset.
    case invalidDate(line: Int, field: String, text: String)
    /// A tags.tsv line has fewer than the seven tab-separated fields.
    case malformedTagLine(line: Int, fields: Int)

    /// The 1-based line of the problem, for the cases that know it (metrics, XML, git).
    public var line: Int? {
        switch self {
        case .malformedSample(let line, _, _), .invalidLabel(let line, _, _), .invalidValue(let line, _, _),
            .invalidTimestamp(let line, _, _), .unknownType(let line, _), .contentAfterEOF(let line),
            .missingFields(let line, _, _), .noValueColumn(let line), .malformedXML(let line, _, _, _),
            .invalidUTF8(let line, _), .malformedGitRecord(let line, _, _), .invalidDate(let line, _, _),
            .malformedTagLine(let line, _), .tableOpenQuote(let line, _, _, _), .tableFieldCount(let line, _, _),
            .tableSpanCell(let line, _, _):
            line
        default:
            nil
        }
    }

    /// The 1-based byte column of the problem, when it is known.
    public var column: Int? {
        switch self {
        case .jsonNotAnObject(let column), .jsonSyntax(let column, _), .jsonUnterminatedString(let column),
            .jsonTrailingText(let column), .jsonTooDeep(let column, _), .syslogSyntax(let column, _), .accessSyntax(let column, _),
            .malformedSample(_, let column, _), .invalidLabel(_, let column, _), .invalidValue(_, let column, _),
            .invalidTimestamp(_, let column, _), .malformedXML(_, let column, _, _), .invalidUTF8(_, let column):
            column
        default:
            nil
        }
    }

    /// The JSON field path of the problem, for the trace and CI payload cases that have one.
    public var path: String? {
        switch self {
        case .missingField(let path), .wrongType(let path, _, _), .notANumber(let path, _), .invalidID(let path, _):
            path
        default:
            nil
        }
    }

    /// What is wrong and what to do, without the line of a metric problem (for
    /// `file:line:column: reason` output); the whole ``description`` for the other cases.
    public var reason: String {
        switch self {
        case .malformedSample(_, _, let expected):
            "malformed sample, expected \(expected); write `name{label=\"v\"} value [timestamp]`"
        case .invalidLabel(_, _, let reason):
            "invalid label set: \(reason); labels look like {name=\"value\",other=\"x\"}"
        case .invalidValue(_, _, let text):
            "value '\(text)' is not a number; use a decimal, NaN, +Inf or -Inf (or leave the cell empty for a gap)"
        case .invalidTimestamp(_, _, let text):
            "timestamp '\(text)' is not ISO 8601, 'YYYY-MM-DD HH:MM:SS' or epoch seconds/milliseconds; fix or remove the row"
        case .unknownType(_, let text):
            "unknown metric type '\(text)'; use counter, gauge, histogram, summary, gaugehistogram, stateset, info or unknown"
        case .contentAfterEOF:
            "content after '# EOF'; OpenMetrics text must end at '# EOF', remove what follows"
        case .missingFields(_, let expected, let found):
            "\(found) field(s) where the header has \(expected); add the missing fields (leave a cell empty for a gap)"
        case .noValueColumn:
            "no column holds numbers; a series file needs `timestamp,value[,series]` or numeric columns"
        default:
            description
        }
    }

    /// What is wrong, where and what to do (callers prefix the file name, and for a log record its line).
    public var description: String {
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
        case .jsonTooDeep(let column, let limit):
            "invalid JSON: the value at column \(column) nests deeper than \(limit) levels of objects and arrays; "
                + "flatten the record"
        case .logfmtNoPairs:
            "not logfmt: no key=value pair in the line; pick another --format"
        case .syslogSyntax(let column, let expected):
            "not syslog (RFC 3164/5424) at column \(column): expected \(expected); pick another --format"
        case .accessSyntax(let column, let expected):
            "not an access-log line at column \(column): expected \(expected); pick another --format"
        case .lineTooLong(let maximumBytes, let piece):
            "line longer than \(maximumBytes >> 20) MiB, not parsed: kept in pieces of \(maximumBytes >> 20) MiB (this is piece \(piece))"
        case .attributesTooDeep(let depth, let maximum):
            "fields nested \(depth) levels deep, more than the \(maximum) stored; flatten the record or ingest with --format plain"
        case .malformedSample, .invalidLabel, .invalidValue, .invalidTimestamp, .unknownType, .contentAfterEOF,
            .missingFields, .noValueColumn:
            "line \(line ?? 0)" + (column.map { ", column \($0)" } ?? "") + ": " + reason
        case .tableOpenQuote(let line, let maximumLines, let maximumBytes, let atEnd):
            "line \(line): a quoted field opens here and "
                + (atEnd ? "never closes" : "is still open after \(maximumLines) lines or \(maximumBytes >> 20) MiB")
                + "; the line is kept alone and reading goes on with the next line (close the quote, or double it as \"\")"
        case .tableFieldCount(let line, let expected, let found):
            "line \(line): \(found) field(s) where the header has \(expected); quote cells that hold the delimiter"
        case .tableSpanCell(let line, let column, let text):
            "line \(line): column \(column) holds '\(text.prefix(80))', which a span needs as an id or a time; "
                + "fix the row, or name the right column with --columns"
        case .invalidJSON(let reason):
            "not valid JSON (\(reason)); trace files must be OTLP/JSON, Jaeger JSON or Zipkin v2 JSON"
        case .missingField(let path):
            "\(path): missing; add the field, capture the whole payload, or check that the file is in the format it was read as"
        case .wrongType(let path, let expected, let found):
            "\(path): expected \(expected), found \(found); fix the field's type"
        case .notANumber(let path, let text):
            "\(path): not a number ('\(text)'); write an integer (as a JSON number or a decimal string)"
        case .invalidID(let path, let text):
            "\(path): '\(text)' is not a hex or base64 id; ids are 16/32 hex digits (or base64 of 8/16 bytes)"
        case .unrecognizedLayout(let format, let expected):
            "not a \(format) document: expected \(expected); use --format to pick another trace format"
        case .malformedXML(let line, let column, let path, let reason):
            "line \(line), column \(column) (in \(path.isEmpty ? "document" : path)): malformed XML: \(reason); "
                + "the report may be truncated, re-run the test tool or fix the file"
        case .invalidUTF8(let line, let column):
            "line \(line), column \(column): bytes that are not UTF-8; re-encode the report as UTF-8 "
                + "(e.g. `iconv -f latin1 -t utf-8`)"
        case .notJUnit(let rootElement):
            "root element <\(rootElement)> holds no <testsuites>, <testsuite> or <testcase>; this is not a JUnit XML report"
        case .malformedJSON(let reason):
            "malformed JSON: \(reason); pass a complete webhook payload or REST response object"
        case .unknownPayload(let keys):
            "unknown payload with top-level keys [\(keys.sorted().joined(separator: ", "))]; expected a "
                + "workflow_run, workflow_job, check_run, deployment_status or push payload"
        case .malformedGitRecord(let line, let expected, let found):
            "line \(line): expected \(expected), found '\(found.prefix(80))'; produce the input with "
                + "`git log --date=iso-strict --pretty=fuller --parents --numstat`"
        case .invalidDate(let line, let field, let text):
            "line \(line): \(field) '\(text)' is not an ISO 8601 date with offset; use `--date=iso-strict`"
        case .malformedTagLine(let line, let fields):
            "line \(line): \(fields) tab-separated field(s), expected 7 "
                + "(tag, objtype, tag-object, target-commit, creatordate, tagger, subject)"
        }
    }
}
