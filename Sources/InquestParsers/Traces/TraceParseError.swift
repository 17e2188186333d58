/// A located problem in trace input (OTLP/JSON, Jaeger JSON or Zipkin v2 JSON).
///
/// Every located case carries the JSON path of the offending field, e.g.
/// `resourceSpans[0].scopeSpans[1].spans[3].startTimeUnixNano`; ``description`` says what is
/// wrong, where and what to do.
public enum TraceParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not JSON at all (truncated file, log text, binary protobuf).
    case invalidJSON(reason: String)
    /// A required field is absent.
    case missingField(path: String)
    /// A field holds the wrong JSON type (e.g. a number where an array belongs).
    case wrongType(path: String, expected: String, found: String)
    /// A field that must be an integer (timestamp, duration) holds text that is not one.
    case notANumber(path: String, text: String)
    /// A trace or span id is neither hex nor base64 of the expected length.
    case invalidID(path: String, text: String)
    /// The document is JSON but not in the shape the chosen format expects.
    case unrecognizedLayout(format: String, expected: String)

    /// The JSON path of the problem, when it is located in the document.
    public var path: String? {
        switch self {
        case .missingField(let path), .wrongType(let path, _, _), .notANumber(let path, _), .invalidID(let path, _):
            path
        case .invalidJSON, .unrecognizedLayout:
            nil
        }
    }

    /// What is wrong and what to do, with the JSON path first when there is one.
    public var description: String {
        switch self {
        case .invalidJSON(let reason):
            "not valid JSON (\(reason)); trace files must be OTLP/JSON, Jaeger JSON or Zipkin v2 JSON"
        case .missingField(let path):
            "\(path): missing; add the field or check that the file is in the format it was read as"
        case .wrongType(let path, let expected, let found):
            "\(path): expected \(expected), found \(found); fix the field's type"
        case .notANumber(let path, let text):
            "\(path): not a number ('\(text)'); write an integer (as a JSON number or a decimal string)"
        case .invalidID(let path, let text):
            "\(path): '\(text)' is not a hex or base64 id; ids are 16/32 hex digits (or base64 of 8/16 bytes)"
        case .unrecognizedLayout(let format, let expected):
            "not a \(format) document: expected \(expected); use --format to pick another trace format"
        }
    }
}
