/// The `html` format: one self-contained file — inline CSS with print styles, the density chart
/// as inline SVG, internal anchors only, no scripts and no external references (a
/// `Content-Security-Policy` meta forbids loading anything). Every value is escaped by
/// ``HTMLText``. The PDF is printed from this same HTML.
public struct HTMLReport: Sendable {
    public init() {}

    public func render(_ document: InvestigationDocument) -> String {
        let header = document.header
        var out: [String] = []
        out.append("<!DOCTYPE html>")
        out.append("<html lang=\"en\">")
        out.append("<head>")
        out.append("<meta charset=\"utf-8\">")
        out.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        out.append("<meta name=\"generator\" content=\"\(HTMLText.inline(document.export.generator))\">")
        out.append("<title>\(HTMLText.inline(header.title)) — investigation #\(header.investigationID)</title>")
        out.append("<style>\n\(Self.css)</style>")
        out.append("</head>")
        out.append("<body>")
        out.append("<header>")
        out.append("<p class=\"kicker\">Investigation #\(header.investigationID) · <span class=\"status status-\(HTMLText.inline(header.status))\">"
            + "\(HTMLText.inline(header.status))</span> · <span class=\"sev\">\(HTMLText.inline(header.severity))</span></p>")
        out.append("<h1>\(HTMLText.inline(header.title))</h1>")
        out.append("<p class=\"meta\">Exported \(HTMLText.inline(ReportTimeText.utc(document.export.exportedAt))) by "
            + "\(HTMLText.inline(document.export.exportedBy)) · times in UTC and \(HTMLText.inline(document.export.zone.identifier))</p>")
        out.append("</header>")
        out += headerTable(document)
        for (id, title, text) in [("summary", "Summary", header.summary), ("root-cause", "Root cause", header.rootCause),
                                  ("impact", "Impact", header.impact), ("resolution", "Resolution", header.resolution)]
        where !text.isEmpty {
            out.append("<section id=\"\(id)\"><h2>\(title)</h2><p class=\"prose\">\(HTMLText.block(text))</p></section>")
        }
        out += density(document)
        out += timeline(document)
        out += notes(document)
        out += footnotes(document)
        out += history(document)
        out += appendix(document)
        out.append("</body>")
        out.append("</html>")
        return out.joined(separator: "\n") + "\n"
    }

    func headerTable(_ document: InvestigationDocument) -> [String] {
        let header = document.header
        let zone = document.export.zone
        func stamp(_ stamp: ReportStamp) -> String {
            HTMLText.inline(ReportTimeText.both(stamp.at, zone: zone)) + (stamp.by.map { " by " + HTMLText.inline($0) } ?? "")
        }
        var rows: [(String, String)] = [("Owner", HTMLText.cell(header.owner))]
        if let window = header.window {
            rows.append(("Window", HTMLText.inline(ReportTimeText.both(window.start, zone: zone)) + " → "
                + HTMLText.inline(ReportTimeText.both(window.end, zone: zone)) + (window.derived ? " (span of the evidence)" : "")))
        } else {
            rows.append(("Window", "not set"))
        }
        rows.append(("Affected services", HTMLText.cell(header.affectedServices.joined(separator: ", "))))
        rows.append(("Created", stamp(header.created)))
        rows.append(("Updated", stamp(header.updated)))
        if let resolved = header.resolved { rows.append(("Resolved", stamp(resolved))) }
        rows.append(("Evidence", "\(document.timeline.filter(\.linked).count) linked, \(document.timeline.filter(\.starred).count) starred, "
            + "\(document.notes.count) notes"))
        return ["<table class=\"facts\"><tbody>"] + rows.map { "<tr><th scope=\"row\">\($0.0)</th><td>\($0.1)</td></tr>" }
            + ["</tbody></table>"]
    }

    func density(_ document: InvestigationDocument) -> [String] {
        var out = ["<section id=\"density\"><h2>Event density</h2>"]
        if let svg = DensitySVG.render(document.density, windowEnd: document.header.window?.end, standalone: false) {
            let chart = document.density
            out.append("<figure>\(svg)<figcaption>\(chart.buckets.map(\.total).reduce(0, +)) events in the window, "
                + "\(chart.buckets.map(\.errors).reduce(0, +)) errors, \(Self.count(chart.buckets.map(\.anomalies).reduce(0, +), "metric anomaly", "metric anomalies")); "
                + "one bar per \(ReportTimeText.duration(nanoseconds: chart.bucketWidthNs)).</figcaption></figure>")
        } else {
            out.append("<p>No window: link events or set the investigation's window to chart its density.</p>")
        }
        out.append("</section>")
        return out
    }

    func timeline(_ document: InvestigationDocument) -> [String] {
        var out = ["<section id=\"timeline\"><h2>Timeline</h2>"]
        guard !document.timeline.isEmpty else { return out + ["<p>No linked, starred or cited events.</p></section>"] }
        // Six columns, so that a printed A4 page keeps the message wide: the time cell holds UTC
        // and the investigator's zone, the event cell severity, service and source.
        out.append("<table class=\"timeline\"><thead><tr><th>#</th>"
            + "<th>Time (UTC / \(HTMLText.inline(document.export.zone.identifier)))</th>"
            + "<th>Severity · service · source</th><th>Message</th><th>Tags</th><th>Evidence</th></tr></thead><tbody>")
        for entry in document.timeline {
            var evidence: [String] = []
            if entry.linked { evidence.append("linked" + (entry.link?.reason.map { ": " + HTMLText.inline($0) } ?? "")) }
            if entry.starred { evidence.append("★ starred") }
            if entry.cited { evidence.append("cited") }
            if entry.anomaly { evidence.append("anomaly") }
            let tags = entry.tags.map { "<span class=\"tag\">\(HTMLText.inline($0))</span>" }.joined(separator: " ")
            let raw = entry.linked ? " <a class=\"rawlink\" href=\"#raw-e\(entry.ref)\">raw</a>" : ""
            out.append("<tr id=\"e\(entry.ref)\" class=\"sev-\(HTMLText.inline(entry.event.severity))\"><td class=\"ref\">E\(entry.ref)</td>"
                + "<td class=\"time\">\(Self.unbroken(ReportTimeText.utcCell(entry.time)))"
                + "<br><span class=\"local\">\(Self.unbroken(ReportTimeText.localCell(entry.time)))</span></td>"
                + "<td class=\"event\"><span class=\"severity\">\(HTMLText.inline(entry.event.severity))</span>"
                + "<br><span class=\"service\">\(HTMLText.cell(entry.event.service))</span>"
                + "<br><span class=\"source\">\(HTMLText.inline(entry.event.sourceKind)) · \(HTMLText.cell(entry.event.sourceName))</span></td>"
                + "<td class=\"message\">\(HTMLText.cell(MessageSummary.line(entry.event.message)))\(raw)</td><td>\(tags)</td>"
                + "<td>\(evidence.joined(separator: "; "))</td></tr>")
        }
        out.append("</tbody></table></section>")
        return out
    }

    func notes(_ document: InvestigationDocument) -> [String] {
        var out = ["<section id=\"notes\"><h2>Notes</h2>"]
        guard !document.notes.isEmpty else { return out + ["<p>No notes.</p></section>"] }
        for (index, note) in document.notes.enumerated() {
            var meta = HTMLText.inline(note.author) + ", " + HTMLText.inline(ReportTimeText.both(note.created, zone: document.export.zone))
            if note.edited != note.created {
                meta += " (edited " + HTMLText.inline(ReportTimeText.utc(note.edited))
                    + (note.lastEditedBy.map { " by " + HTMLText.inline($0) } ?? "") + ")"
            }
            out.append("<article class=\"note\" id=\"note-\(index + 1)\"><h3>Note \(index + 1)</h3><p class=\"meta\">\(meta)"
                + (note.aboutFootnote.map { " · about " + Self.citation($0) } ?? "") + "</p>")
            var body = ""
            for segment in note.segments {
                if let footnote = segment.footnote {
                    body += Self.citation(footnote)
                } else if let eventID = segment.eventID {
                    body += "(event \(eventID))"
                } else {
                    body += HTMLText.block(segment.text)
                }
            }
            out.append("<p class=\"prose\">\(body)</p></article>")
        }
        out.append("</section>")
        return out
    }

    /// Words that may wrap between them but never inside (dates, clocks, offsets).
    static func unbroken(_ text: String) -> String {
        text.split(separator: " ").map { "<span>\(HTMLText.inline(String($0)))</span>" }.joined(separator: " ")
    }

    static func citation(_ footnote: Int) -> String {
        "<sup class=\"cite\"><a href=\"#fn\(footnote)\" id=\"cite\(footnote)\">[\(footnote)]</a></sup>"
    }

    func footnotes(_ document: InvestigationDocument) -> [String] {
        guard !document.footnotes.isEmpty else { return [] }
        var out = ["<section id=\"footnotes\"><h2>Cited events</h2><ol class=\"footnotes\">"]
        for footnote in document.footnotes {
            guard let ref = footnote.timelineRef, let entry = document.entry(ref: ref) else {
                out.append("<li id=\"fn\(footnote.number)\">Event \(footnote.eventID) (no longer in the store).</li>")
                continue
            }
            out.append("<li id=\"fn\(footnote.number)\"><a href=\"#e\(ref)\">E\(ref)</a> — "
                + "\(HTMLText.inline(ReportTimeText.utc(entry.time))) · \(HTMLText.inline(entry.event.sourceKind)) · "
                + "\(HTMLText.inline(entry.event.severity)) · \(HTMLText.cell(MessageSummary.line(entry.event.message)))</li>")
        }
        out.append("</ol></section>")
        return out
    }

    func history(_ document: InvestigationDocument) -> [String] {
        guard !document.audit.isEmpty else { return [] }
        return ["<section id=\"history\"><h2>Change history</h2><table class=\"history\"><thead><tr><th>Time (UTC)</th><th>Who</th>"
            + "<th>Change</th></tr></thead><tbody>"]
            + document.audit.map { record in
                "<tr><td class=\"time\">\(HTMLText.inline(ReportTimeText.utcCell(record.at)))</td><td>\(HTMLText.cell(record.actor))</td>"
                    + "<td>\(HTMLText.cell(AuditLine.change(record, in: document)))</td></tr>"
            }
            + ["</tbody></table></section>"]
    }

    func appendix(_ document: InvestigationDocument) -> [String] {
        guard !document.appendix.isEmpty else { return [] }
        var out = ["<section id=\"appendix\"><h2>Appendix: raw records of the linked events</h2>"]
        for record in document.appendix {
            let source = document.entry(ref: record.ref).map { ", " + HTMLText.inline($0.event.sourceName) } ?? ""
            let kind = record.encoding == .utf8 ? "UTF-8" : "not valid UTF-8; invalid bytes shown as \\xNN, exact bytes in the JSON export"
            out.append("<div class=\"raw\" id=\"raw-e\(record.ref)\"><h3><a href=\"#e\(record.ref)\">E\(record.ref)</a> — event "
                + "\(record.eventID)\(source)</h3><p class=\"meta\">\(record.byteCount) bytes, \(HTMLText.escape(kind))</p>"
                + "<pre>\(HTMLText.escape(record.displayText))</pre></div>")
        }
        out.append("</section>")
        return out
    }

    static let css = """
        :root { --fg: #1d1f23; --muted: #5f6670; --line: #d8dce2; --accent: #2f5fb3; --err: #b42318; --warn: #9a6700; }
        * { box-sizing: border-box; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--fg);
          max-width: 1180px; margin: 2rem auto; padding: 0 1.5rem; }
        h1 { font-size: 1.8rem; margin: .2rem 0 .4rem; overflow-wrap: anywhere; }
        h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
        h3 { font-size: 1rem; margin: 1rem 0 .2rem; }
        .kicker, .meta { color: var(--muted); margin: 0; font-size: .9rem; }
        .status { font-weight: 600; text-transform: uppercase; }
        .status-resolved { color: #1a7f37; } .status-open { color: var(--err); } .status-investigating { color: var(--warn); }
        .sev { font-weight: 600; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
        thead th { background: #f2f4f7; }
        table.facts th { width: 11rem; background: #f7f8fa; font-weight: 600; }
        table.timeline, table.history { font-size: .85rem; }
        table.timeline { table-layout: fixed; }
        table.timeline th:nth-child(1) { width: 3.2em; } table.timeline th:nth-child(2) { width: 12.5em; }
        table.timeline th:nth-child(3) { width: 11em; } table.timeline th:nth-child(5) { width: 7.5em; }
        table.timeline th:nth-child(6) { width: 12em; }
        table.timeline td { overflow-wrap: break-word; } table.timeline td.time { overflow-wrap: normal; }
        td.time span { white-space: nowrap; } td.time span.local { white-space: normal; }
        td.time .local, td.event .source { color: var(--muted); }
        td.event .service { font-weight: 600; } td.event .source { font-size: .9em; }
        td.time { font-variant-numeric: tabular-nums; }
        tr.sev-error .severity, tr.sev-critical .severity { color: var(--err); font-weight: 600; }
        tr.sev-warning .severity { color: var(--warn); font-weight: 600; }
        tr:target { background: #fff6d6; }
        .tag { display: inline-block; max-width: 100%; background: #eef2fb; color: var(--accent); border-radius: 3px; padding: 0 .3rem; margin: 0 .1rem .1rem 0; }
        .prose { white-space: pre-wrap; overflow-wrap: anywhere; }
        .note { border-left: 3px solid var(--line); padding-left: .8rem; margin: 1rem 0; }
        sup.cite a, a { color: var(--accent); text-decoration: none; }
        figure { margin: .5rem 0; } figcaption { color: var(--muted); font-size: .9rem; }
        svg.density { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); }
        pre { background: #f6f8fa; border: 1px solid var(--line); padding: .6rem; white-space: pre-wrap; overflow-wrap: anywhere;
          font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
        .rawlink { font-size: .75rem; }
        @media print {
          @page { size: A4; margin: 14mm 12mm; }
          body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; }
          h2 { break-after: avoid; } tr, .note, .raw, figure { break-inside: avoid; }
          thead { display: table-header-group; }
          a { color: inherit; } .rawlink { display: none; }
          table.timeline, table.history { font-size: 8pt; }
          table.timeline th:nth-child(1) { width: 8mm; } table.timeline th:nth-child(2) { width: 27mm; }
          table.timeline th:nth-child(3) { width: 30mm; } table.timeline th:nth-child(5) { width: 23mm; }
          table.timeline th:nth-child(6) { width: 28mm; }
          table.timeline th, table.timeline td { padding: .15rem .25rem; }
          pre { font-size: 8pt; }
        }

        """
}

extension HTMLReport {
    /// `1 metric anomaly`, `2 metric anomalies`.
    static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(value) \(value == 1 ? singular : plural)"
    }
}
