import InquestCore

/// The timeline pane: a window of events around the cursor, never the whole store.
///
/// `rows` is ascending in (time, id) order and holds at most a few screens
/// (``CanvasReducer/windowScreens``); the reducer asks for more with `loadWindow`
/// effects as the cursor nears either edge and trims the far side.
public struct TimelineState: Sendable, Hashable {
    /// The loaded window, ascending.
    public var rows: [EventSummary]
    /// The selected event (cursor identity survives window reloads; indexes do not).
    public var cursorID: Int64?
    /// Index in ``rows`` of the first visible row.
    public var top: Int
    /// True when the window's first row is the oldest matching event.
    public var reachedStart: Bool
    /// True when the window's last row is the newest matching event.
    public var reachedEnd: Bool
    /// Number of events matching the query, once counted.
    public var totalCount: Int?
    /// Time of the oldest and newest matching events, once counted.
    public var oldest: Timestamp?
    public var newest: Timestamp?
    public var timeMode: TimeDisplayMode
    /// Follow mode: new events move the cursor to the newest.
    public var follow: Bool
    /// Show only events linked to the current investigation.
    public var onlyLinked: Bool
    /// Source names of the files the canvas was opened on (`inquest FILE...`); empty otherwise.
    public var openedSources: [String]
    /// Show only the events of ``openedSources`` (on when the canvas opens on files, until cleared).
    public var onlyOpened: Bool
    /// Free-text terms of the filter, highlighted in messages and searched by `n`/`N`.
    public var highlightTerms: [String]
    /// True until the first window arrives.
    public var isLoading: Bool
    /// The context view (`C`) while it is open: its query replaces the filter's.
    public var context: TimelineContext?

    public init(
        rows: [EventSummary] = [],
        cursorID: Int64? = nil,
        top: Int = 0,
        reachedStart: Bool = false,
        reachedEnd: Bool = false,
        totalCount: Int? = nil,
        oldest: Timestamp? = nil,
        newest: Timestamp? = nil,
        timeMode: TimeDisplayMode = .utc,
        follow: Bool = false,
        onlyLinked: Bool = false,
        openedSources: [String] = [],
        onlyOpened: Bool = false,
        highlightTerms: [String] = [],
        isLoading: Bool = true
    ) {
        self.rows = rows
        self.cursorID = cursorID
        self.top = top
        self.reachedStart = reachedStart
        self.reachedEnd = reachedEnd
        self.totalCount = totalCount
        self.oldest = oldest
        self.newest = newest
        self.timeMode = timeMode
        self.follow = follow
        self.onlyLinked = onlyLinked
        self.openedSources = openedSources
        self.onlyOpened = onlyOpened
        self.highlightTerms = highlightTerms
        self.isLoading = isLoading
    }

    /// Index of the cursor row in ``rows``, if loaded.
    public var cursorIndex: Int? {
        guard let cursorID else { return nil }
        return rows.firstIndex { $0.id == cursorID }
    }

    /// Nanoseconds from the oldest to the newest matching event, once counted (nil when unknown
    /// or wider than Int64 nanoseconds reach).
    public var extent: Int64? {
        guard let oldest, let newest else { return nil }
        let (span, overflow) = newest.nanoseconds.subtractingReportingOverflow(oldest.nanoseconds)
        return overflow ? nil : span
    }

    /// The selected event's summary, if loaded.
    public var cursorRow: EventSummary? {
        guard let index = cursorIndex else { return nil }
        return rows[index]
    }
}

extension TimelineState {
    /// The scope node for events of these sources: `source:NAME` (exact, case-insensitive) for
    /// each, ORed; nil for none.
    public static func sourceScope(_ names: [String]) -> FilterExpression? {
        let terms = names.map { FilterExpression.term(.sourceName(.exact($0))) }
        switch terms.count {
        case 0: return nil
        case 1: return terms[0]
        default: return .or(terms)
        }
    }

    /// What the title says of the source scope: `app.log only`, `3 files only`.
    public var openedScopeLabel: String? {
        guard onlyOpened, let first = openedSources.first else { return nil }
        return openedSources.count == 1 ? "\(first) only" : "\(openedSources.count) files only"
    }
}
