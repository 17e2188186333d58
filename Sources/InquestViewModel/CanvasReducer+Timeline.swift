import InquestCore

extension CanvasReducer {
    /// Events per window load: a screen, but never tiny.
    static func loadPage(_ state: CanvasState) -> Int {
        max(state.timelinePageSize, minimumLoadPage)
    }

    /// The most events the window holds.
    static func windowCapacity(_ state: CanvasState) -> Int {
        windowScreens * loadPage(state)
    }

    /// Replaces the window (new query, jump, end of timeline) and recounts.
    static func reloadTimeline(_ state: inout CanvasState, anchor: WindowAnchor, placement: PendingRequests.CursorPlacement, recount: Bool = true) -> [CanvasEffect] {
        let query = state.query
        var effects = [CanvasEffect.loadWindow(requestID: state.issueRequestID(\.window), query: query, anchor: anchor, limit: windowCapacity(state))]
        state.pending.windowPurpose = .replace(placement)
        if recount { effects += recountEffects(&state, query) }
        return effects
    }

    /// Reloads after the query changed (filter, scope), keeping the reader's place: the selected
    /// event if it still matches, else the nearest one in time, centred. Following, or with
    /// nothing selected yet, the newest events show.
    static func reloadKeepingPlace(_ state: inout CanvasState) -> [CanvasEffect] {
        guard !state.timeline.follow, let cursor = state.timeline.cursorRow?.cursor else {
            return reloadTimeline(&state, anchor: .newest, placement: .last)
        }
        return reloadAround(&state, cursor: cursor, recount: true)
    }

    /// A window around an event, which gets the cursor (else the nearest row in time), centred.
    static func reloadAround(_ state: inout CanvasState, cursor: EventCursor, recount: Bool) -> [CanvasEffect] {
        let query = state.query
        var effects = [CanvasEffect.loadWindowAround(requestID: state.issueRequestID(\.window), query: query, centre: .event(cursor), limit: windowCapacity(state))]
        state.pending.windowPurpose = .replace(.nearest(cursor))
        if recount { effects += recountEffects(&state, query) }
        return effects
    }

    /// The count of a new query; the density strip starts over.
    private static func recountEffects(_ state: inout CanvasState, _ query: TimelineQuery) -> [CanvasEffect] {
        state.density = DensityState(zoom: state.density.zoom)
        state.pending.histogram = nil
        return [.loadCount(requestID: state.issueRequestID(\.count), query: query)]
    }

    /// Moves the timeline cursor within the loaded window; near an edge, asks for more.
    static func moveCursor(_ state: inout CanvasState, by delta: Int) -> [CanvasEffect] {
        guard !state.timeline.rows.isEmpty else { return [] }
        let previousID = state.timeline.cursorID
        let index = state.timeline.cursorIndex ?? 0
        let target = min(max(0, index + delta), state.timeline.rows.count - 1)
        let page = state.timelinePageSize
        if abs(delta) >= page {
            // Paging scrolls the view with the cursor, as less and vim do.
            state.timeline.top = max(0, min(state.timeline.top + (target - index), state.timeline.rows.count - page))
        }
        state.timeline.cursorID = state.timeline.rows[target].id
        if delta < 0, target < index { state.timeline.follow = false }
        return afterCursorMove(&state, previousID: previousID)
    }

    /// Scrolling, prefetching, the detail and the density strip after the cursor moved.
    static func afterCursorMove(_ state: inout CanvasState, previousID: Int64?) -> [CanvasEffect] {
        keepCursorVisible(&state)
        var effects = prefetch(&state)
        if let cursorID = state.timeline.cursorID, cursorID != previousID {
            state.details.scroll = 0
            effects.append(.loadDetail(requestID: state.issueRequestID(\.detail), eventID: cursorID))
        }
        effects += densityEffects(&state, force: false)
        return effects
    }

    /// `g`/`G`: local when the window already holds that end, else a new window.
    static func timelineToEnd(_ state: inout CanvasState, last: Bool) -> [CanvasEffect] {
        let holdsEnd = last ? state.timeline.reachedEnd : state.timeline.reachedStart
        if holdsEnd, let row = last ? state.timeline.rows.last : state.timeline.rows.first {
            let previousID = state.timeline.cursorID
            state.timeline.cursorID = row.id
            return afterCursorMove(&state, previousID: previousID)
        }
        if !last { state.timeline.follow = false }
        return reloadTimeline(&state, anchor: last ? .newest : .oldest, placement: last ? .last : .first, recount: false)
    }

    /// Drops rows beyond the window's capacity (after the screen shrank), keeping the
    /// visible rows and an even margin on both sides.
    static func trimWindow(_ state: inout CanvasState) {
        let capacity = windowCapacity(state)
        let count = state.timeline.rows.count
        guard count > capacity else { return }
        let page = state.timelinePageSize
        let start = max(0, min(state.timeline.top - (capacity - page) / 2, count - capacity))
        let end = start + capacity
        if end < count {
            state.timeline.rows.removeLast(count - end)
            state.timeline.reachedEnd = false
        }
        if start > 0 {
            state.timeline.rows.removeFirst(start)
            state.timeline.reachedStart = false
            state.timeline.top -= start
        }
        keepCursorVisible(&state)
    }

    /// Keeps the cursor row on screen, date separator rows counted.
    static func keepCursorVisible(_ state: inout CanvasState) {
        keepCursorVisible(&state.timeline, page: state.timelinePageSize, offsetSeconds: state.localOffsetSeconds)
    }

    static func keepCursorVisible(_ timeline: inout TimelineState, page: Int, offsetSeconds: Int64) {
        guard let index = timeline.cursorIndex else {
            timeline.top = min(timeline.top, max(0, timeline.rows.count - 1))
            return
        }
        if index < timeline.top { timeline.top = index }
        if index >= timeline.top + page { timeline.top = index - page + 1 }
        timeline.top = max(0, min(timeline.top, max(0, timeline.rows.count - page)))
        // Each day change above the cursor takes a line: scroll on until the cursor fits
        // (at most `page` steps, as the cursor is within a page of the top by now).
        while timeline.top < index && timeline.linesUsed(from: timeline.top, through: index, offsetSeconds: offsetSeconds) > page {
            timeline.top += 1
        }
    }

    /// Asks for the next page when the cursor is within a screen of an unloaded edge.
    static func prefetch(_ state: inout CanvasState) -> [CanvasEffect] {
        guard state.pending.window == nil, let index = state.timeline.cursorIndex,
              let first = state.timeline.rows.first, let last = state.timeline.rows.last
        else { return [] }
        let page = state.timelinePageSize
        if !state.timeline.reachedEnd && state.timeline.rows.count - 1 - index < page {
            let effect = CanvasEffect.loadWindow(requestID: state.issueRequestID(\.window), query: state.query, anchor: .after(last.cursor), limit: loadPage(state))
            state.pending.windowPurpose = .extendAfter
            return [effect]
        }
        if !state.timeline.reachedStart && index < page {
            let effect = CanvasEffect.loadWindow(requestID: state.issueRequestID(\.window), query: state.query, anchor: .before(first.cursor), limit: loadPage(state))
            state.pending.windowPurpose = .extendBefore
            return [effect]
        }
        return []
    }

    /// `@` and `:jump`: a window at or after the typed time.
    static func jump(_ state: inout CanvasState, to text: String) -> [CanvasEffect] {
        let reference = state.timeline.cursorRow?.timestamp ?? state.now
        let offset = state.timeline.timeMode == .local ? state.localOffsetSeconds : 0
        do {
            let time = try TimeJump.parse(text, reference: reference, offsetSeconds: offset)
            state.timeline.follow = false
            state.status = StatusMessage(.info, "Jumped to \(time.iso8601)")
            return reloadTimeline(&state, anchor: .atOrAfter(time), placement: .first, recount: false)
        } catch {
            state.status = StatusMessage(.error, error.description)
            return []
        }
    }

    /// `e`/`E`/`n`/`N`: the next matching event after (or before) the cursor, searched by the store.
    static func find(_ state: inout CanvasState, _ purpose: PendingRequests.WindowPurpose) -> [CanvasEffect] {
        guard let cursor = state.timeline.cursorRow?.cursor else { return noEvent(&state) }
        let query: TimelineQuery
        let forward: Bool
        switch purpose {
        case .findError(let isForward):
            query = state.query.narrowed(by: .term(.severity(.greaterOrEqual, .error)))
            forward = isForward
        case .findMatch(let isForward):
            guard let matches = matchQuery(state) else {
                state.status = StatusMessage(.error, "Nothing to find: Ctrl-S searches for text, or filter with words (/)")
                return []
            }
            query = matches
            forward = isForward
        default:
            return []
        }
        let effect = CanvasEffect.loadWindow(requestID: state.issueRequestID(\.window), query: query, anchor: forward ? .after(cursor) : .before(cursor), limit: 1)
        state.pending.windowPurpose = purpose
        return [effect]
    }

    /// A load finished: merge it into the window according to why it was asked for.
    static func windowLoaded(_ state: inout CanvasState, requestID: Int, rows: [EventSummary], anchor: WindowAnchor, reachedStart: Bool, reachedEnd: Bool) -> [CanvasEffect] {
        guard requestID == state.pending.window, let purpose = state.pending.windowPurpose else { return [] }
        state.pending.window = nil
        state.pending.windowPurpose = nil
        let previousID = state.timeline.cursorID
        switch purpose {
        case .replace(let placement):
            if rows.isEmpty, case .atOrAfter = anchor {
                state.status = StatusMessage(.info, "No events at or after that time; showing the newest")
                return reloadTimeline(&state, anchor: .newest, placement: .last, recount: false)
            }
            replaceWindow(&state, rows: rows, placement: placement, reachedStart: reachedStart, reachedEnd: reachedEnd)
        case .extendAfter:
            extendAfter(&state, rows: rows, reachedEnd: reachedEnd)
        case .extendBefore:
            extendBefore(&state, rows: rows, reachedStart: reachedStart)
        case .findError(let forward), .findMatch(let forward), .wrapMatch(let forward):
            guard let target = rows.first else {
                switch purpose {
                case .findMatch: return wrapSearch(&state, forward: forward)
                case .wrapMatch: state.status = StatusMessage(.error, "Not found: \(matchLabel(state))")
                default: state.status = StatusMessage(.info, "No error \(forward ? "after" : "before") the cursor")
                }
                return []
            }
            if case .wrapMatch = purpose {
                // vim's words: the reader learns the search went round.
                state.status = StatusMessage(.info, forward ? "Search hit BOTTOM, continuing at TOP" : "Search hit TOP, continuing at BOTTOM")
                if target.id == state.timeline.cursorID { state.status = StatusMessage(.info, "The only match of \(matchLabel(state))") }
            }
            if let index = state.timeline.rows.firstIndex(where: { $0.id == target.id }) {
                state.timeline.cursorID = target.id
                // Mid-pane, so the events that led up to it show above it.
                let page = state.timelinePageSize
                state.timeline.top = max(0, min(index - page / 2, state.timeline.rows.count - page))
            } else {
                state.timeline.follow = false
                return reloadAround(&state, cursor: target.cursor, recount: false)
            }
        }
        state.timeline.isLoading = false
        // A window asked for at a larger size may arrive after the screen shrank.
        if state.layout?.timeline != nil { trimWindow(&state) }
        return afterCursorMove(&state, previousID: previousID)
    }

    static func replaceWindow(_ state: inout CanvasState, rows: [EventSummary], placement: PendingRequests.CursorPlacement, reachedStart: Bool, reachedEnd: Bool) {
        let page = state.timelinePageSize
        var timeline = state.timeline
        let oldScreenRow = timeline.cursorIndex.map { $0 - timeline.top }
        timeline.rows = rows
        timeline.reachedStart = reachedStart
        timeline.reachedEnd = reachedEnd
        switch placement {
        case .first:
            timeline.cursorID = rows.first?.id
            timeline.top = 0
        case .last:
            timeline.cursorID = rows.last?.id
            timeline.top = max(0, rows.count - page)
        case .keep(let cursor):
            let index = rows.firstIndex { $0.id == cursor.id } ?? rows.firstIndex { $0.cursor > cursor } ?? max(0, rows.count - 1)
            timeline.cursorID = rows.isEmpty ? nil : rows[index].id
            let screenRow = (oldScreenRow.flatMap { (0..<page).contains($0) ? $0 : nil }) ?? 0
            timeline.top = max(0, index - screenRow)
        case .atOrAfter(let time):
            if !rows.isEmpty {
                let index = rows.firstIndex { $0.timestamp >= time } ?? rows.count - 1
                timeline.cursorID = rows[index].id
                timeline.top = max(0, min(index - page / 2, rows.count - page))
            } else {
                timeline.cursorID = nil
                timeline.top = 0
            }
        case .nearest(let cursor):
            if let index = nearestIndex(in: rows, to: cursor) {
                timeline.cursorID = rows[index].id
                timeline.top = max(0, min(index - page / 2, rows.count - page))
            } else {
                timeline.cursorID = nil
                timeline.top = 0
            }
        }
        state.timeline = timeline
    }

    static func extendAfter(_ state: inout CanvasState, rows: [EventSummary], reachedEnd: Bool) {
        let lastCursor = state.timeline.rows.last?.cursor
        let added = rows.filter { row in lastCursor.map { row.cursor > $0 } ?? true }
        state.timeline.rows += added
        state.timeline.reachedEnd = reachedEnd
        let excess = state.timeline.rows.count - windowCapacity(state)
        let removable = min(excess, state.timeline.cursorIndex ?? 0, state.timeline.top)
        if removable > 0 {
            state.timeline.rows.removeFirst(removable)
            state.timeline.top -= removable
            state.timeline.reachedStart = false
        }
        if state.timeline.cursorID == nil { state.timeline.cursorID = state.timeline.rows.first?.id }
    }

    static func extendBefore(_ state: inout CanvasState, rows: [EventSummary], reachedStart: Bool) {
        let firstCursor = state.timeline.rows.first?.cursor
        let added = rows.filter { row in firstCursor.map { row.cursor < $0 } ?? true }
        state.timeline.rows.insert(contentsOf: added, at: 0)
        state.timeline.top += added.count
        state.timeline.reachedStart = reachedStart
        let excess = state.timeline.rows.count - windowCapacity(state)
        let keepThrough = max(state.timeline.cursorIndex ?? 0, state.timeline.top + state.timelinePageSize - 1)
        let removable = min(excess, state.timeline.rows.count - 1 - keepThrough)
        if removable > 0 {
            state.timeline.rows.removeLast(removable)
            state.timeline.reachedEnd = false
        }
        if state.timeline.cursorID == nil { state.timeline.cursorID = state.timeline.rows.last?.id }
    }

    /// The row of `cursor`'s event, else the row nearest to it in time (the later on a tie).
    static func nearestIndex(in rows: [EventSummary], to cursor: EventCursor) -> Int? {
        guard !rows.isEmpty else { return nil }
        if let same = rows.firstIndex(where: { $0.id == cursor.id }) { return same }
        guard let later = rows.firstIndex(where: { $0.cursor > cursor }) else { return rows.count - 1 }
        guard later > 0 else { return 0 }
        let before = rows[later - 1].timestamp.nanoseconds
        let after = rows[later].timestamp.nanoseconds
        let target = cursor.timestamp.nanoseconds
        // Compared as magnitudes that cannot overflow (times may be centuries apart).
        let gapBefore = target.subtractingReportingOverflow(before)
        let gapAfter = after.subtractingReportingOverflow(target)
        if gapBefore.overflow { return later }
        if gapAfter.overflow { return later - 1 }
        return gapBefore.partialValue < gapAfter.partialValue ? later - 1 : later
    }
}
