import InquestCore

/// Ids of the loads in flight; a result whose id is not here is stale and ignored.
public struct PendingRequests: Sendable, Hashable {
    /// What a window load is for, so its result lands in the right place.
    public enum WindowPurpose: Sendable, Hashable {
        /// Replace the window; put the cursor on the first or last row, or keep this event.
        case replace(CursorPlacement)
        /// Append rows after the window's last row.
        case extendAfter
        /// Prepend rows before the window's first row.
        case extendBefore
        /// Find the next (or previous) error and move to it.
        case findError(forward: Bool)
        /// Find the next (or previous) match of the highlight terms and move to it.
        case findMatch(forward: Bool)
        /// Nothing matched past the cursor: find the first (or last) match from the other end.
        case wrapMatch(forward: Bool)
    }

    /// Where the cursor goes when a window replaces the old one.
    public enum CursorPlacement: Sendable, Hashable {
        case first
        case last
        /// Keep this event selected if it is in the new window (else the nearest later row),
        /// on the same screen row as before when it was on screen.
        case keep(EventCursor)
        /// Keep this event selected if it is in the new window, else the row nearest to it in
        /// time (the later one on a tie); centred on screen.
        case nearest(EventCursor)
        /// The first row at or after this time (else the last row), centred on screen.
        case atOrAfter(Timestamp)
    }

    /// The window load in flight and what it is for.
    public var window: Int?
    public var windowPurpose: WindowPurpose?
    /// Other loads in flight, one per kind.
    public var count: Int?
    public var histogram: Int?
    public var investigations: Int?
    public var detail: Int?
    public var notes: Int?
    /// The feed-health load of the open health overlay.
    public var feedHealth: Int?
    /// The series overlay's list load and chart load.
    public var seriesList: Int?
    public var seriesChart: Int?
    /// The load of the open breakdown overlay.
    public var breakdown: Int?
    /// The look-up of an event by id (`:event`, a note's citation, `--event`).
    public var locate: Int?
    /// The ranking of the open suspects overlay.
    public var suspects: Int?

    public init(window: Int? = nil, windowPurpose: WindowPurpose? = nil, count: Int? = nil, histogram: Int? = nil, investigations: Int? = nil, detail: Int? = nil, notes: Int? = nil) {
        self.window = window
        self.windowPurpose = windowPurpose
        self.count = count
        self.histogram = histogram
        self.investigations = investigations
        self.detail = detail
        self.notes = notes
    }
}
