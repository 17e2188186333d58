/// A located problem in CI or git input (JUnit XML, GitHub Actions JSON, `git log` text, tags.tsv).
///
/// Each case says where the problem is (an XML element path with line and column, a JSON
/// field path, or a 1-based line) and ``description`` says what is wrong and what to do.
public enum CIParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The XML is not well-formed (truncated, bad entity, mismatched tag) at `line`:`column`.
    case malformedXML(line: Int, column: Int, path: String, reason: String)
    /// The report is not valid UTF-8 at `line`:`column` (Foundation's XML parser cannot take it).
    case invalidUTF8(line: Int, column: Int)
    /// The XML is well-formed but has no `<testsuites>`, `<testsuite>` or `<testcase>` element.
    case notJUnit(rootElement: String)
    /// The input is not valid JSON (truncated, wrong encoding) or its top level is not an object.
    case malformedJSON(reason: String)
    /// A JSON object lacks a field this payload kind needs (e.g. `workflow_run.conclusion`).
    case missingField(path: String)
    /// A JSON payload is none of the shapes the GitHub Actions parser knows.
    case unknownPayload(keys: [String])
    /// A `git log` record line does not have the expected shape at 1-based `line`.
    case malformedGitRecord(line: Int, expected: String, found: String)
    /// A date in a git record or tag line cannot be read as ISO 8601 with an offset.
    case invalidDate(line: Int, field: String, text: String)
    /// A tags.tsv line has fewer than the seven tab-separated fields.
    case malformedTagLine(line: Int, fields: Int)

    /// What is wrong, where and what to do (callers prefix the file name).
    public var description: String {
        switch self {
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
        case .missingField(let path):
            "field '\(path)' is missing; the payload is incomplete, capture the whole webhook body"
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
