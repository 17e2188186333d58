/// Where each pane goes for a terminal size, focus and maximise flag: a pure function,
/// shared by the reducer (page sizes) and the renderer (drawing).
///
/// Wide (100 columns or more) with investigations to list:
/// ```
/// ┌Investigations┐┌Timeline──────────────────────┐
/// │              ││▁▂▅█▃ density strip           │
/// │              ││10:40   10:45   10:50   axis  │
/// │              ││10:42:01.123 L E api  message │
/// │              │└──────────────────────────────┘
/// │              │┌Details────────┐┌Notes────────┐
/// └──────────────┘└───────────────┘└─────────────┘
///  / filter bar
///  status line
/// ```
/// Narrower than 100 columns, or with nothing to list but "All events", the Investigations pane
/// collapses to a one-line header above the timeline (a band of its rows while it has the
/// focus), so the messages get the width. On a short terminal (fewer than 12 rows under the
/// header) the timeline, details and notes show one at a time: the focused one.
public struct CanvasLayout: Sendable, Hashable {
    /// The smallest terminal the canvas draws in.
    public static let minimumWidth = 40
    public static let minimumHeight = 12
    /// Narrower than this the Investigations pane is a header, not a column.
    public static let investigationsColumnMinimumWidth = 100
    /// Fewer rows than this under the header show one pane at a time.
    public static let stackedPanesMinimumHeight = 12
    /// A timeline with fewer rows inside its border than this has no time axis under its
    /// density strip: the events keep the row (at 80×24 the timeline has 11, and on a small
    /// terminal a message line is worth more than the axis; maximised or from 30 rows up it shows).
    public static let timeAxisMinimumInnerHeight = 13

    /// Pane boxes (borders included); nil for panes hidden by maximise or by a short screen.
    /// A one-row ``investigations`` box is the collapsed header.
    public var investigations: Rect?
    public var timeline: Rect?
    public var details: Rect?
    public var notes: Rect?
    /// The filter bar row and the status line row (full width).
    public var filterBar: Rect
    public var statusLine: Rect

    /// Nil when the terminal is smaller than ``minimumWidth``×``minimumHeight``.
    /// - Parameter investigationRows: rows of the investigations list ("All events" included).
    public init?(width: Int, height: Int, focus: Pane, maximised: Bool, investigationRows: Int = 2) {
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
        let panesHeight = height - 2
        filterBar = Rect(x: 0, y: height - 2, width: width, height: 1)
        statusLine = Rect(x: 0, y: height - 1, width: width, height: 1)
        let full = Rect(x: 0, y: 0, width: width, height: panesHeight)
        if maximised {
            switch focus {
            case .investigations: investigations = full
            case .timeline: timeline = full
            case .details: details = full
            case .notes: notes = full
            }
            return
        }
        let right: Rect
        if width < Self.investigationsColumnMinimumWidth || investigationRows <= 1 {
            // The header, or while focused a band of the list's rows (borders included).
            let bandHeight = focus == .investigations ? min(investigationRows + 2, max(3, panesHeight / 3)) : 1
            investigations = Rect(x: 0, y: 0, width: width, height: bandHeight)
            right = Rect(x: 0, y: bandHeight, width: width, height: panesHeight - bandHeight)
        } else {
            let listWidth = width >= 110 ? 32 : 26
            investigations = Rect(x: 0, y: 0, width: listWidth, height: panesHeight)
            right = Rect(x: listWidth, y: 0, width: width - listWidth, height: panesHeight)
        }
        guard right.height >= Self.stackedPanesMinimumHeight else {
            switch focus {
            case .details: details = right
            case .notes: notes = right
            case .timeline, .investigations: timeline = right
            }
            return
        }
        // Three fifths of the panes' height, as with the column (a header row comes off the
        // details and notes, which keep at least one line).
        let timelineHeight = min(max(7, panesHeight * 3 / 5), right.height - 3)
        let bottomHeight = right.height - timelineHeight
        let detailsWidth = right.width * 11 / 20
        timeline = Rect(x: right.x, y: right.y, width: right.width, height: timelineHeight)
        details = Rect(x: right.x, y: right.y + timelineHeight, width: detailsWidth, height: bottomHeight)
        notes = Rect(x: right.x + detailsWidth, y: right.y + timelineHeight, width: right.width - detailsWidth, height: bottomHeight)
    }

    /// The box of a pane, if shown.
    public func box(of pane: Pane) -> Rect? {
        switch pane {
        case .investigations: investigations
        case .timeline: timeline
        case .details: details
        case .notes: notes
        }
    }

    /// True when the Investigations pane is the one-line header.
    public var investigationsCollapsed: Bool { investigations?.height == 1 }

    /// Rows inside a pane's border.
    public func innerHeight(of pane: Pane) -> Int {
        max(0, (box(of: pane)?.height ?? 0) - 2)
    }

    /// Columns of the density strip (the timeline's inner width), 0 when hidden.
    public var densityWidth: Int { max(0, (timeline?.width ?? 0) - 2) }

    /// True when a time axis row is drawn under the density strip.
    public var showsTimeAxis: Bool { Self.showsTimeAxis(innerHeight: innerHeight(of: .timeline)) }

    /// True when a timeline with `innerHeight` rows inside its border has a time axis.
    public static func showsTimeAxis(innerHeight: Int) -> Bool { innerHeight >= timeAxisMinimumInnerHeight }

    /// Rows at the top of the timeline's interior above its events: the density strip and,
    /// when shown, the time axis.
    public var timelineHeaderRows: Int { showsTimeAxis ? 2 : 1 }

    /// Event rows of the timeline: its inner height minus the density strip and time axis.
    public var timelineEventRows: Int { max(0, innerHeight(of: .timeline) - timelineHeaderRows) }
}
