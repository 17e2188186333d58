import InquestCore
import InquestText
import InquestViewModel

/// The timeline: a density strip, then one line per event —
/// time, source glyph, severity, service, markers (★ # &), message with highlighted matches.
enum TimelinePane {
    static func draw(_ state: CanvasState, in rect: Rect, into buffer: inout CellBuffer) {
        let timeline = state.timeline
        let focused = state.focus == .timeline
        var info: [String] = []
        if let context = timeline.context { info.append(context.label + " · esc back") }
        if let total = timeline.totalCount { info.append(total == 1 ? "1 event" : "\(total.grouped) events") }
        info.append(timeline.timeMode.label)
        if timeline.follow { info.append("follow") }
        if timeline.onlyLinked { info.append("linked only") }
        if let scope = timeline.openedScopeLabel { info.append(scope) }
        let inner = buffer.paneFrame(rect, pane: .timeline, focused: focused, info: info.joined(separator: " · "))
        guard inner.width > 0, inner.height > 0 else { return }
        DensityStrip.draw(state, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), into: &buffer)
        let headerRows = CanvasLayout.showsTimeAxis(innerHeight: inner.height) ? 2 : 1
        if headerRows == 2 {
            DensityStrip.drawAxis(state, in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 1), into: &buffer)
        }
        let rows = Rect(x: inner.x, y: inner.y + headerRows, width: inner.width, height: inner.height - headerRows)
        guard rows.height > 0 else { return }
        if timeline.rows.isEmpty {
            let text = timeline.isLoading ? "Loading…" : emptyText(state)
            buffer.put(text, x: rows.x + 1, y: rows.y, maxWidth: rows.width - 1, role: StyleRole.dim)
            return
        }
        let offset = state.localOffsetSeconds
        let columns = Columns(width: rows.width, dated: spansDays(timeline, lines: rows.height, offsetSeconds: offset))
        let cursorID = timeline.cursorID
        // Relative times count from the selected event (as a debugger's offsets from a breakpoint).
        let reference = timeline.cursorRow?.timestamp ?? state.now
        var y = rows.y
        var index = max(0, timeline.top)
        while y < rows.maxY, index < timeline.rows.count {
            if timeline.startsNewDay(at: index, offsetSeconds: offset) {
                drawDaySeparator(timeline.rows[index].timestamp, mode: timeline.timeMode, offsetSeconds: offset, x: rows.x, y: y, width: rows.width, into: &buffer)
                y += 1
                guard y < rows.maxY else { break }
            }
            let row = timeline.rows[index]
            drawRow(row, state: state, reference: reference, columns: columns, x: rows.x, y: y, into: &buffer)
            if row.id == cursorID {
                buffer.setRole(focused ? StyleRole.selection : StyleRole.selectionUnfocused, in: Rect(x: rows.x, y: y, width: rows.width, height: 1))
            }
            if row.id == timeline.context?.anchor.id {
                // The event the context is about keeps a mark on its time, selected or not.
                buffer.setRole(StyleRole.matchHighlight, in: Rect(x: rows.x, y: y, width: columns.time, height: 1))
            }
            y += 1
            index += 1
        }
    }

    /// True when the rows on screen fall on more than one day.
    static func spansDays(_ timeline: TimelineState, lines: Int, offsetSeconds: Int64) -> Bool {
        let first = max(0, timeline.top)
        let last = min(timeline.rows.count - 1, first + lines - 1)
        guard first <= last else { return false }
        var seen: Int64?
        for index in first...last {
            guard let day = timeline.day(at: index, offsetSeconds: offsetSeconds) else { continue }
            if let seen, seen != day { return true }
            seen = day
        }
        return false
    }

    /// `── 2016-03-04 Fri ───────` above the first event of a day.
    static func drawDaySeparator(_ time: Timestamp, mode: TimeDisplayMode, offsetSeconds: Int64, x: Int, y: Int, width: Int, into buffer: inout CellBuffer) {
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), with: Cell(grapheme: "─", role: StyleRole.dim))
        let label = " " + TimeText.day(time, mode: mode, offsetSeconds: offsetSeconds) + " "
        buffer.put(label, x: x + 2, y: y, maxWidth: max(0, width - 2), role: StyleRole.timelineTime)
    }

    /// Column widths for a row of the given width: narrow panes drop milliseconds and the
    /// service so the message keeps some room.
    struct Columns {
        let time: Int
        let service: Int
        let message: Int
        /// The time column starts with the date (the rows on screen span days and the pane is wide).
        let dated: Bool

        /// Rows at least this wide show the date in each row when the screen spans days.
        static let datedMinimumWidth = 80

        init(width: Int, dated spansDays: Bool = false) {
            let narrow = width < 50
            dated = spansDays && width >= Self.datedMinimumWidth
            time = narrow ? 8 : (dated ? TimeText.datedWidth : TimeText.width)
            service = narrow ? 0 : (width >= 100 ? 14 : (width >= 70 ? 10 : 8))
            // time, space, glyph, space, severity(4), space, [service, space], markers(3), space
            message = max(0, width - (time + 1 + 1 + 1 + 4 + 1 + (service > 0 ? service + 1 : 0) + 3 + 1))
        }
    }

    static func drawRow(_ row: EventSummary, state: CanvasState, reference: Timestamp, columns: Columns, x: Int, y: Int, into buffer: inout CellBuffer) {
        var column = x
        let time = row.isTimeUnknown
            ? TimeText.unknown(width: columns.time)
            : columns.dated
            ? TimeText.dated(row.timestamp, mode: state.timeline.timeMode, now: reference, offsetSeconds: state.localOffsetSeconds)
            : TimeText.format(row.timestamp, mode: state.timeline.timeMode, now: reference, offsetSeconds: state.localOffsetSeconds, width: columns.time)
        buffer.put(time, x: column, y: y, maxWidth: columns.time, role: StyleRole.timelineTime, truncate: false)
        column += columns.time + 1
        buffer.put(glyph(row.sourceKind), x: column, y: y, maxWidth: 1, role: StyleRole.source(row.sourceKind))
        column += 2
        buffer.put(label(row.severity), x: column, y: y, maxWidth: 4, role: StyleRole.severity(row.severity))
        column += 5
        if columns.service > 0 {
            buffer.put(row.service ?? row.sourceName, x: column, y: y, maxWidth: columns.service, role: StyleRole.timelineService)
            column += columns.service + 1
        }
        if row.isStarred { buffer.put("★", x: column, y: y, maxWidth: 1, role: StyleRole.timelineMarkerStar) }
        if !row.tags.isEmpty { buffer.put("#", x: column + 1, y: y, maxWidth: 1, role: StyleRole.timelineMarkerTag) }
        if !row.linkedInvestigationIDs.isEmpty { buffer.put("&", x: column + 2, y: y, maxWidth: 1, role: StyleRole.timelineMarkerLink) }
        column += 4
        guard columns.message > 0 else { return }
        // Only the start of a huge message can be visible: sanitise and search just that.
        let visiblePrefix = row.message.count > columns.message * 4 + 64 ? String(row.message.prefix(columns.message * 4 + 64)) : row.message
        // put sanitises; sanitise here too only when a term occurs, to place the highlights.
        let lowered = visiblePrefix.lowercased()
        let terms = state.timeline.highlightedTexts.filter { !$0.isEmpty && lowered.contains($0.lowercased()) }
        let patterns = state.timeline.highlightedPatterns
        guard !terms.isEmpty || !patterns.isEmpty else {
            buffer.put(visiblePrefix, x: column, y: y, maxWidth: columns.message, role: StyleRole.timelineMessage)
            return
        }
        let message = TextSanitizer.singleLine(visiblePrefix)
        buffer.put(message, x: column, y: y, maxWidth: columns.message, role: StyleRole.timelineMessage)
        highlight(message, terms: terms, patterns: patterns, x: column, y: y, width: columns.message, into: &buffer)
    }

    /// Marks each case-insensitive occurrence of a term, and each match of a pattern, in the drawn message.
    static func highlight(_ message: String, terms: [String], patterns: [FilterRegex] = [], x: Int, y: Int, width: Int, into buffer: inout CellBuffer) {
        guard !terms.isEmpty || !patterns.isEmpty else { return }
        let characters = Array(message)
        let lowered = characters.map { $0.lowercased() }
        // Column where each character starts, so matches map to cells.
        var starts: [Int] = []
        starts.reserveCapacity(characters.count + 1)
        var column = 0
        for character in characters {
            starts.append(column)
            column += DisplayWidth.of(character)
        }
        starts.append(column)
        for term in terms {
            let needle = term.map { $0.lowercased() }
            guard !needle.isEmpty, needle.count <= lowered.count else { continue }
            var start = 0
            while start + needle.count <= lowered.count {
                guard lowered[start..<(start + needle.count)].elementsEqual(needle) else {
                    start += 1
                    continue
                }
                let offset = starts[start]
                let visible = min(starts[start + needle.count] - offset, width - offset)
                if offset < width, visible > 0 {
                    buffer.setRole(StyleRole.matchHighlight, in: Rect(x: x + offset, y: y, width: visible, height: 1))
                }
                start += needle.count
            }
        }
        for pattern in patterns {
            for match in pattern.matches(in: message) where match.upperBound < starts.count {
                let offset = starts[match.lowerBound]
                let visible = min(starts[match.upperBound] - offset, width - offset)
                if offset < width, visible > 0 {
                    buffer.setRole(StyleRole.matchHighlight, in: Rect(x: x + offset, y: y, width: visible, height: 1))
                }
            }
        }
    }

    /// One-cell glyph per source kind (coloured by `source.<kind>`).
    static func glyph(_ kind: SourceKind) -> String {
        switch kind {
        case .log: "L"
        case .metric: "M"
        case .trace: "T"
        case .change: "Δ"
        case .ci: "C"
        case .alert: "A"
        case .note: "N"
        }
    }

    /// Four-letter severity label.
    static func label(_ severity: Severity) -> String {
        switch severity {
        case .debug: "DBG "
        case .info: "INFO"
        case .warning: "WARN"
        case .error: "ERR "
        case .critical: "CRIT"
        }
    }
}

extension TimelinePane {
    /// What an empty timeline says: the opened files are still being read, nothing matches, or
    /// the store is empty.
    static func emptyText(_ state: CanvasState) -> String {
        if let ingest = state.ingest, ingest.isRunning, state.timeline.onlyOpened || state.filterBar.applied.text.isEmpty {
            return "Reading \(ingest.paths.count == 1 ? StatusLineView.fileName(ingest.paths[0]) : "\(ingest.paths.count) files")… events show as they are stored"
        }
        if state.timeline.onlyOpened { return "No events in \(state.timeline.openedSources.joined(separator: ", "))" + (state.filterBar.applied.text.isEmpty ? "" : " match the filter") }
        return state.filterBar.applied.text.isEmpty ? "No events yet — run inquest ingest FILE" : "No events match the filter"
    }
}
