import Foundation
import InquestParsers

/// Inputs read as one document rather than a stream of log lines: traces, CI reports and git
/// history. Detected from the content (``detect(_:)``) or named with `--format`.
public enum DocumentKind: String, CaseIterable, Sendable {
    case otlp
    case jaeger
    case zipkin
    case junit
    case github
    case gitlog
    /// A CSV metric series (`timestamp,value[,series]`; wide CSVs with `--format metrics`):
    /// stored as anomaly events, not one event per sample.
    case metrics
    /// Prometheus text exposition or OpenMetrics (`# HELP`/`# TYPE` lines, `name{labels} value`):
    /// samples stored compactly, plus anomaly events.
    case prometheus
    /// OTLP/JSON logs (`resourceLogs`): one `log` event per log record.
    case otlpLogs = "otlp-logs"
    /// A delimited table with a header (CSV, TSV, `;` or `|`; see ``TableDialect``): its rows
    /// become log events, spans or metric series as its ``TableLayout`` says.
    case table

    /// The kind of a document from its first bytes, or nil for a log stream.
    ///
    /// `<` starts an XML document (JUnit); `commit <40 hex>` starts `git log` output; a JSON
    /// document is a trace when the trace detector recognises its layout, or a GitHub Actions
    /// payload when it has one of their top-level keys. Text whose first line is a header of
    /// column names with rows of as many fields under it is a table. Anything else is read as
    /// logs, so a JSON-lines log is never mistaken for a document.
    public static func detect(_ data: Data) -> DocumentKind? {
        guard let first = data.first(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }) else {
            return nil
        }
        if first == UInt8(ascii: "<") {
            let head = String(decoding: data.prefix(4096), as: UTF8.self)
            return head.contains("<testsuite") ? .junit : nil
        }
        if data.starts(with: Array("commit ".utf8)) {
            return .gitlog
        }
        if isSeriesCSV(data) {
            return .metrics
        }
        if data.starts(with: Array("# HELP ".utf8)) || data.starts(with: Array("# TYPE ".utf8)) {
            return .prometheus
        }
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
            return data.withUnsafeBytes { TableDialect.detect(sample: $0) } != nil ? .table : nil
        }
        if let trace = TraceFormatDetector.detect(data) {
            switch trace {
            case .otlp: return .otlp
            case .jaeger: return .jaeger
            case .zipkin: return .zipkin
            }
        }
        let head = String(decoding: data.prefix(65_536), as: UTF8.self)
        if first == UInt8(ascii: "{") && head.contains("\"resourceLogs\"") {
            return .otlpLogs
        }
        let githubKeys = ["\"workflow_run\"", "\"workflow_job\"", "\"workflow_runs\"", "\"jobs\"", "\"check_run\"", "\"deployment_status\""]
        if githubKeys.contains(where: head.contains), (try? JSONSerialization.jsonObject(with: data)) is [String: Any] {
            return .github
        }
        return nil
    }

    /// A header `timestamp|time|ts , value [, series]` (any case).
    static func isSeriesCSV(_ data: Data) -> Bool {
        guard let newline = data.prefix(4096).firstIndex(of: 10) else { return false }
        let header = String(decoding: data[data.startIndex..<newline], as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let columns = header.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
        guard columns.count == 2 || columns.count == 3 else { return false }
        return ["timestamp", "time", "ts"].contains(columns[0]) && columns[1] == "value"
    }
}
