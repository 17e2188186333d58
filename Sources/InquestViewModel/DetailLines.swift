import InquestCore

/// What a piece of the details text is, so the renderer can colour it by role.
public enum DetailSpanKind: String, Sendable, Hashable {
    case section, key, value, raw
    case jsonKey, jsonString, jsonNumber, jsonLiteral, jsonPunctuation
}

/// A run of text of one kind within a details line. Text is NOT sanitised here: the
/// renderer sanitises every span before drawing.
public struct DetailSpan: Sendable, Hashable {
    public var text: String
    public var kind: DetailSpanKind

    public init(_ text: String, _ kind: DetailSpanKind) {
        self.text = text
        self.kind = kind
    }
}

/// The details pane's content as lines of coloured spans: every field of the event, the
/// attributes pretty-printed, the raw record, its links and notes. Pure, so the reducer
/// can clamp scrolling and tests can check the content without drawing.
public enum DetailLines {
    public static func build(_ detail: EventDetail) -> [[DetailSpan]] {
        let event = detail.event
        var lines: [[DetailSpan]] = []
        func field(_ key: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            let pieces = value.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                let label = index == 0 ? key.padding(to: 10) : String(repeating: " ", count: 10)
                lines.append([DetailSpan(label, .key), DetailSpan(String(piece), .value)])
            }
        }
        lines.append([DetailSpan("Event #\(event.id.map(String.init) ?? "?")", .section)])
        var time = event.timestamp.iso8601
        if !event.timestampText.isEmpty && event.timestampText != time { time += "  (\(event.timestampText))" }
        field("time", time)
        field("quality", event.timeQuality.explanation)
        field("source", event.sourceKind.rawValue + " · " + event.sourceName)
        field("severity", event.severity.name + (event.levelText.map { " (\($0))" } ?? ""))
        field("service", event.service)
        field("host", event.host)
        field("message", event.message)
        field("trace", event.traceID.map { $0 + "   [f: filter on it]" })
        field("span", event.spanID)
        field("request", event.requestID.map { $0 + (event.traceID == nil ? "   [f: filter on it]" : "") })
        field("starred", detail.isStarred ? "★ yes" : nil)
        field("tags", detail.tags.isEmpty ? nil : detail.tags.map { "#" + $0 }.joined(separator: " "))
        let attributes = event.attributesJSON.trimmingWhitespace
        if !attributes.isEmpty && attributes != "{}" {
            lines.append([])
            lines.append([DetailSpan("Attributes", .section)])
            lines += JSONPretty.lines(attributes).map { [DetailSpan("  ", .value)] + $0 }
        }
        if !event.raw.isEmpty {
            lines.append([])
            lines.append([DetailSpan("Raw", .section)])
            let text = String(decoding: event.raw, as: UTF8.self)
            for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append([DetailSpan("  " + piece, .raw)])
            }
        }
        if !detail.links.isEmpty {
            lines.append([])
            lines.append([DetailSpan("Links", .section)])
            for link in detail.links {
                var text = "investigation #\(link.investigationID) by \(link.linkedBy) at \(link.linkedAt.iso8601)"
                if let reason = link.reason, !reason.isEmpty { text += " — " + reason }
                lines.append([DetailSpan("  " + text, .value)])
            }
        }
        if !detail.notes.isEmpty {
            lines.append([])
            lines.append([DetailSpan("Notes", .section)])
            for note in detail.notes {
                lines.append([DetailSpan("  \(note.author) \(note.createdAt.iso8601)", .key)])
                for piece in note.body.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines.append([DetailSpan("    " + piece, .value)])
                }
            }
        }
        return lines
    }
}

extension String {
    /// The string padded with spaces to `width` characters (not truncated).
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
