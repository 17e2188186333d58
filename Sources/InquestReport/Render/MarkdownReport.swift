/// The `md` format: GitHub/GitLab-flavoured Markdown with a header table, a timeline table,
/// footnotes (`[^1]`) for the events the notes cite, a Unicode sparkline of event density (and
/// an image reference to an SVG chart when one is written next to the file) and the raw records
/// in fenced blocks. Every untrusted value goes through ``MarkdownText``.
public struct MarkdownReport: Sendable {
    /// A relative path to the chart SVG written next to the report, or nil for none.
    public var chartImagePath: String?

    public init(chartImagePath: String? = nil) { self.chartImagePath = chartImagePath }

    public func render(_ document: InvestigationDocument) -> String {
        var out: [String] = []
        let header = document.header
        let zone = document.export.zone
        out.append("# " + MarkdownText.inline(header.title))
        out.append("")
        out.append("Investigation #\(header.investigationID) · exported \(ReportTimeText.utc(document.export.exportedAt)) by "
            + MarkdownText.inline(document.export.exportedBy) + " · times in UTC and " + MarkdownText.inline(zone.identifier))
        out.append("")
        out += headerTable(document)
        for (title, text) in [("Summary", header.summary), ("Root cause", header.rootCause), ("Impact", header.impact),
                              ("Resolution", header.resolution)] where !text.isEmpty {
            out += ["", "## " + title, "", MarkdownText.block(text)]
        }
        out += ["", "## Event density", ""]
        out += density(document)
        out += ["", "## Timeline", ""]
        out += timeline(document)
        out += ["", "## Notes", ""]
        out += notes(document)
        if !document.audit.isEmpty {
            out += ["", "## Change history", "", "| Time (UTC) | Who | Change |", "|---|---|---|"]
            out += document.audit.map { record in
                "| \(ReportTimeText.utcCell(record.at)) | \(MarkdownText.cell(record.actor)) | "
                    + "\(MarkdownText.cell(AuditLine.change(record, in: document))) |"
            }
        }
        if !document.appendix.isEmpty {
            out += ["", "## Appendix: raw records of the linked events", ""]
            out += appendix(document)
        }
        if !document.footnotes.isEmpty {
            out.append("")
            out += footnotes(document)
        }
        return out.joined(separator: "\n") + "\n"
    }

    func headerTable(_ document: InvestigationDocument) -> [String] {
        let header = document.header
        let zone = document.export.zone
        // Values are escaped here, field by field: generated times stay readable in the source.
        func time(_ time: ReportTime) -> String { Self.both(time, zone: zone) }
        func stamp(_ stamp: ReportStamp) -> String { time(stamp.at) + (stamp.by.map { " by " + MarkdownText.inline($0) } ?? "") }
        var rows: [(String, String)] = [
            ("Status", header.status), ("Severity", header.severity), ("Owner", MarkdownText.cell(header.owner)),
        ]
        if let window = header.window {
            rows.append(("Window", time(window.start) + " → " + time(window.end) + (window.derived ? " (span of the evidence)" : "")))
        } else {
            rows.append(("Window", "not set"))
        }
        rows.append(("Affected services", MarkdownText.cell(header.affectedServices.joined(separator: ", "))))
        rows.append(("Created", stamp(header.created)))
        rows.append(("Updated", stamp(header.updated)))
        if let resolved = header.resolved { rows.append(("Resolved", stamp(resolved))) }
        rows.append(("Evidence", "\(document.timeline.filter(\.linked).count) linked, "
            + "\(document.timeline.filter(\.starred).count) starred, \(document.notes.count) notes"))
        return ["| Field | Value |", "|---|---|"] + rows.map { "| \($0.0) | \($0.1) |" }
    }

    func density(_ document: InvestigationDocument) -> [String] {
        let chart = document.density
        guard !chart.buckets.isEmpty, let first = chart.buckets.first, let window = document.header.window else {
            return ["No window: link events or set the investigation's window to chart its density."]
        }
        var out = [
            MarkdownText.codeBlock(Sparkline.bars(chart) + "\n" + Sparkline.markers(chart)),
            "",
            "\(ReportTimeText.utc(first.start)) → \(ReportTimeText.utc(window.end)) · one bar per "
                + "\(ReportTimeText.duration(nanoseconds: chart.bucketWidthNs)) · peak \(chart.peak) events · "
                + "\(chart.buckets.map(\.total).reduce(0, +)) events, \(chart.buckets.map(\.errors).reduce(0, +)) errors (`x`), "
                + "\(chart.buckets.map(\.anomalies).reduce(0, +)) anomalies (`!`)",
        ]
        if let chartImagePath {
            out += ["", "![Event density with errors and anomalies](\(MarkdownText.linkDestination(chartImagePath)))"]
        }
        return out
    }

    func timeline(_ document: InvestigationDocument) -> [String] {
        guard !document.timeline.isEmpty else { return ["No linked, starred or cited events."] }
        let zone = MarkdownText.inline(document.export.zone.identifier)
        var out = [
            "| # | Time (UTC) | Local (\(zone)) | Source | Severity | Service | Message | Tags | Evidence |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for entry in document.timeline {
            var evidence: [String] = []
            if entry.linked { evidence.append("linked" + (entry.link?.reason.map { ": " + $0 } ?? "")) }
            if entry.starred { evidence.append("★ starred") }
            if entry.cited { evidence.append("cited") }
            if entry.anomaly { evidence.append("anomaly") }
            let source = entry.event.sourceKind + " · " + entry.event.sourceName
            out.append("| <a id=\"e\(entry.ref)\"></a>E\(entry.ref) | \(ReportTimeText.utcCell(entry.time)) | "
                + "\(ReportTimeText.localCell(entry.time)) | \(MarkdownText.cell(source)) | \(entry.event.severity) | "
                + "\(MarkdownText.cell(entry.event.service)) | \(MarkdownText.cell(MessageSummary.line(entry.event.message))) | "
                + "\(MarkdownText.cell(entry.tags.joined(separator: ", "))) | \(MarkdownText.cell(evidence.joined(separator: "; "))) |")
        }
        return out
    }

    func notes(_ document: InvestigationDocument) -> [String] {
        guard !document.notes.isEmpty else { return ["No notes."] }
        var out: [String] = []
        for (index, note) in document.notes.enumerated() {
            if index > 0 { out.append("") }
            var heading = "### Note \(index + 1) — " + MarkdownText.inline(note.author) + ", "
                + Self.both(note.created, zone: document.export.zone)
            if note.edited != note.created {
                heading += " (edited " + ReportTimeText.utc(note.edited) + (note.lastEditedBy.map { " by " + MarkdownText.inline($0) } ?? "") + ")"
            }
            out += [heading, ""]
            if let footnote = note.aboutFootnote { out += ["*About:* [^\(footnote)]", ""] }
            out.append(Self.noteBody(note))
        }
        return out
    }

    /// `UTC time (local time zone)` with the zone name escaped.
    static func both(_ time: ReportTime, zone: ReportZone) -> String {
        ReportTimeText.utc(time) + " (" + ReportTimeText.localCell(time) + " " + MarkdownText.inline(zone.identifier) + ")"
    }

    /// The note body escaped block by block, citations replaced by footnote references.
    static func noteBody(_ note: ReportNote) -> String {
        // Escape the text first with a placeholder per citation (a private-use scalar cannot be
        // typed into a note: the sanitizer keeps it, but it is replaced back right after).
        var text = ""
        var references: [String] = []
        for segment in note.segments {
            if segment.isCitation {
                references.append(segment.footnote.map { "[^\($0)]" } ?? "(event \(segment.eventID ?? 0))")
                text += "\u{F8FF}"
            } else {
                text += segment.text.replacingOccurrences(of: "\u{F8FF}", with: "\u{FFFD}")
            }
        }
        var escaped = MarkdownText.block(text)
        for reference in references {
            if let range = escaped.range(of: "\u{F8FF}") { escaped.replaceSubrange(range, with: reference) }
        }
        return escaped.isEmpty ? "*(empty note)*" : escaped
    }

    func appendix(_ document: InvestigationDocument) -> [String] {
        var out: [String] = []
        for record in document.appendix {
            let entry = document.entry(ref: record.ref)
            let kind = record.encoding == .utf8 ? "UTF-8" : "not valid UTF-8; invalid bytes shown as \\xNN, exact bytes in the JSON export"
            out += [
                "### E\(record.ref) — event \(record.eventID)" + (entry.map { ", " + MarkdownText.inline($0.event.sourceName) } ?? ""),
                "",
                "\(record.byteCount) bytes, \(kind). [Back to the timeline](#e\(record.ref))",
                "",
                MarkdownText.codeBlock(record.displayText),
                "",
            ]
        }
        if out.last == "" { out.removeLast() }
        return out
    }

    func footnotes(_ document: InvestigationDocument) -> [String] {
        document.footnotes.map { footnote in
            guard let ref = footnote.timelineRef, let entry = document.entry(ref: ref) else {
                return "[^\(footnote.number)]: Event \(footnote.eventID) (no longer in the store)."
            }
            return "[^\(footnote.number)]: [E\(ref)](#e\(ref)) — \(ReportTimeText.utc(entry.time)) · \(entry.event.sourceKind) · "
                + "\(entry.event.severity) · " + MarkdownText.inline(MessageSummary.line(entry.event.message))
        }
    }
}

extension MarkdownText {
    /// A link destination in angle brackets, with `<`, `>` and line breaks removed.
    static func linkDestination(_ path: String) -> String {
        "<" + String(ReportSanitizer.singleLine(path).filter { $0 != "<" && $0 != ">" && $0 != "⏎" }) + ">"
    }
}
