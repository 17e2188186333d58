import Foundation

import InquestCore

/// Builds the filter behind an evidence row from its parts (service, template, trace, source,
/// time range), written in the filter language and parsed once here.
enum EvidenceFilter {
    static func make(
        service: String?, template: Int64? = nil, trace: String? = nil, source: SourceKind? = nil,
        severityAtLeast: Severity? = nil, range: Range<Timestamp>?
    ) -> Filter {
        var parts: [String] = []
        if let source { parts.append("source:\(source.rawValue)") }
        if let service { parts.append("service:\(quoted(service))") }
        if let template { parts.append("template:\(template)") }
        if let trace { parts.append("trace:\(quoted(trace))") }
        if let severityAtLeast { parts.append("severity>=\(severityAtLeast.name)") }
        if let range {
            parts.append("after:\(TimestampFormatter.iso8601UTC(range.lowerBound, fractionDigits: 3))")
            parts.append("before:\(TimestampFormatter.iso8601UTC(range.upperBound, fractionDigits: 3))")
        }
        let text = parts.joined(separator: " ")
        return (try? Filter.parse(text)) ?? .everything
    }

    private static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
