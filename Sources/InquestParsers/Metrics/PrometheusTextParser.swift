import InquestCore

/// Parses the Prometheus text exposition format 0.0.4 and OpenMetrics 1.0 text.
///
/// Handles `# HELP` / `# TYPE` / `# UNIT` metadata, other comments, label sets with `\\`, `\"`
/// and `\n` escapes (and a trailing comma), `NaN` / `+Inf` / `-Inf` values, optional timestamps
/// (milliseconds in 0.0.4, seconds in OpenMetrics, chosen by the presence of `# EOF`), histogram and
/// summary series (`_bucket{le=...}`, `_sum`, `_count`, `{quantile=...}`), exemplars (dropped) and `# EOF`.
/// A bad line becomes a located error and parsing continues with the next line.
public enum PrometheusTextParser {
    /// Parses `text`; samples without a timestamp get `scrapeTime`.
    public static func parse(_ text: String, scrapeTime: Timestamp) -> (samples: [MetricSample], errors: [ParseError]) {
        let exposition = parseExposition(text, scrapeTime: scrapeTime)
        return (exposition.samples, exposition.errors)
    }

    /// Parses `text` keeping the family metadata too.
    public static func parseExposition(_ text: String, scrapeTime: Timestamp) -> PrometheusExposition {
        let lines = splitLines(text)
        let isOpenMetrics = lines.contains { trimmed($0) == "# EOF" }
        var state = ParseState(scrapeTime: scrapeTime, isOpenMetrics: isOpenMetrics)
        var seenEOF = false
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            let content = trimmed(line)
            if content.isEmpty { continue }
            if seenEOF {
                state.errors.append(.contentAfterEOF(line: number))
                continue
            }
            if content.hasPrefix("#") {
                if content == "# EOF" { seenEOF = true; continue }
                state.readComment(content, line: number)
            } else {
                state.readSample(Array(content.utf8), line: number)
            }
        }
        return PrometheusExposition(
            families: state.families, samples: state.samples, errors: state.errors, isOpenMetrics: isOpenMetrics)
    }

    static func splitLines(_ text: String) -> [Substring] {
        // Split on the byte: as Characters, "\r\n" is one grapheme and would not match "\n".
        text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { bytes in
            bytes.last == 13 ? Substring(bytes.dropLast()) : Substring(bytes)
        }
    }

    static func trimmed(_ line: Substring) -> Substring {
        var result = line
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

/// The running state of one parse: families by name, samples and errors so far.
private struct ParseState {
    let scrapeTime: Timestamp
    let isOpenMetrics: Bool
    var families: [MetricFamily] = []
    var familyIndex: [String: Int] = [:]
    var samples: [MetricSample] = []
    var errors: [ParseError] = []

    init(scrapeTime: Timestamp, isOpenMetrics: Bool) {
        self.scrapeTime = scrapeTime
        self.isOpenMetrics = isOpenMetrics
    }

    /// `# HELP name text`, `# TYPE name kind`, `# UNIT name unit`; any other comment is ignored.
    mutating func readComment(_ content: Substring, line: Int) {
        let words = content.dropFirst().split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard words.count >= 2, ["HELP", "TYPE", "UNIT"].contains(words[0]) else { return }
        let name = String(words[1])
        let rest = words.count > 2 ? String(words[2]) : ""
        var family = familyIndex[name].map { families[$0] } ?? MetricFamily(name: name)
        switch words[0] {
        case "HELP":
            family.help = Self.unescapeHelp(rest)
        case "TYPE":
            guard let kind = MetricFamily.Kind(rawValue: rest.lowercased()) else {
                errors.append(.unknownType(line: line, text: rest))
                return
            }
            family.kind = kind
        default:
            family.unit = rest
        }
        if let index = familyIndex[name] {
            families[index] = family
        } else {
            familyIndex[name] = families.count
            families.append(family)
        }
    }

    /// `name[{labels}] value [timestamp] [# exemplar]`.
    mutating func readSample(_ bytes: [UInt8], line: Int) {
        var reader = LabelReader(bytes: bytes, line: line)
        guard let name = reader.metricName() else {
            errors.append(.malformedSample(line: line, column: reader.index + 1, expected: "a metric name"))
            return
        }
        var labels: [String: String] = [:]
        if reader.peek == UInt8(ascii: "{") {
            switch reader.labelSet() {
            case .success(let set): labels = set
            case .failure(let error):
                errors.append(error)
                return
            }
        }
        let fields = reader.remainingFields()
        guard let valueField = fields.first else {
            errors.append(.malformedSample(line: line, column: reader.index + 1, expected: "a value after the name"))
            return
        }
        guard let value = MetricNumber.parse(valueField.text) else {
            errors.append(.invalidValue(line: line, column: valueField.column, text: valueField.text))
            return
        }
        if fields.count > 2 {
            errors.append(.malformedSample(
                line: line, column: fields[2].column, expected: "the end of the line or an exemplar after the timestamp"))
            return
        }
        var timestamp = scrapeTime
        if fields.count == 2 {
            guard let parsed = Self.parseTimestamp(fields[1].text, seconds: isOpenMetrics) else {
                errors.append(.invalidTimestamp(line: line, column: fields[1].column, text: fields[1].text))
                return
            }
            timestamp = parsed
        }
        samples.append(MetricSample(series: name, labels: labels, timestamp: timestamp, value: value))
    }

    /// Milliseconds (0.0.4, integer) or seconds (OpenMetrics, may have a fraction).
    static func parseTimestamp(_ text: String, seconds: Bool) -> Timestamp? {
        guard let number = Double(text), number.isFinite else { return nil }
        // Outside the representable range (years 1677–2262) a timestamp is refused, never wrapped
        // (and `Int64(Double)` would trap).
        if seconds {
            let micros = (number * 1_000_000).rounded()
            guard abs(micros) < 9.2e15 else { return nil }
            return Timestamp(nanoseconds: Int64(micros) * 1_000)
        }
        guard let millis = Int64(text) else { return nil }
        let nanos = millis.multipliedReportingOverflow(by: 1_000_000)
        return nanos.overflow ? nil : Timestamp(nanoseconds: nanos.partialValue)
    }

    /// HELP text escapes: `\\` and `\n`.
    static func unescapeHelp(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n": out.append("\n")
                case "\\": out.append("\\")
                case "\"": out.append("\"")
                default: out.append("\\"); out.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        if escaping { out.append("\\") }
        return out
    }
}
