/// Where each pane goes for a terminal size, focus and maximise flag: a pure function,
/// shared by the reducer (page sizes) and the renderer (drawing).
///
/// ```
/// ┌Investigations┐┌Timeline──────────────────────┐
/// │              ││▁▂▅█▃ density strip           │
/// │              ││10:42:01.123 L E api  message │
/// │              │└──────────────────────────────┘
/// │              │┌Details────────┐┌Notes────────┐
/// └──────────────┘└───────────────┘└─────────────┘
///  / filter bar
///  status line
/// ```
public struct CanvasLayout: Sendable, Hashable {
    /// The smallest terminal the canvas draws in.
    public static let minimumWidth = 60
    public static let minimumHeight = 15

    /// Pane boxes (borders included); nil for panes hidden by maximise.
    public var investigations: Rect?
    public var timeline: Rect?
    public var details: Rect?
    public var notes: Rect?
    /// The filter bar row and the status line row (full width).
    public var filterBar: Rect
    public var statusLine: Rect

    /// Nil when the terminal is smaller than ``minimumWidth``×``minimumHeight``.
    public init?(width: Int, height: Int, focus: Pane, maximised: Bool) {
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
        let listWidth = width >= 110 ? 32 : (width >= 80 ? 26 : 20)
        let rightWidth = width - listWidth
        let timelineHeight = max(7, panesHeight * 3 / 5)
        let bottomHeight = panesHeight - timelineHeight
        let detailsWidth = rightWidth * 11 / 20
        investigations = Rect(x: 0, y: 0, width: listWidth, height: panesHeight)
        timeline = Rect(x: listWidth, y: 0, width: rightWidth, height: timelineHeight)
        details = Rect(x: listWidth, y: timelineHeight, width: detailsWidth, height: bottomHeight)
        notes = Rect(x: listWidth + detailsWidth, y: timelineHeight, width: rightWidth - detailsWidth, height: bottomHeight)
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

    /// Rows inside a pane's border.
    public func innerHeight(of pane: Pane) -> Int {
        max(0, (box(of: pane)?.height ?? 0) - 2)
    }

    /// Columns of the density strip (the timeline's inner width), 0 when hidden.
    public var densityWidth: Int { max(0, (timeline?.width ?? 0) - 2) }

    /// Event rows of the timeline: its inner height minus the density strip.
    public var timelineEventRows: Int { max(0, innerHeight(of: .timeline) - 1) }
}
