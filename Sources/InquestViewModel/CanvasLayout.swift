/// A rectangle of cells in the view-model's own terms (the renderer converts it to its `Rect`).
public struct LayoutBox: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

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
    public var investigations: LayoutBox?
    public var timeline: LayoutBox?
    public var details: LayoutBox?
    public var notes: LayoutBox?
    /// The filter bar row and the status line row (full width).
    public var filterBar: LayoutBox
    public var statusLine: LayoutBox

    /// Nil when the terminal is smaller than ``minimumWidth``×``minimumHeight``.
    public init?(width: Int, height: Int, focus: Pane, maximised: Bool) {
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
        let panesHeight = height - 2
        filterBar = LayoutBox(x: 0, y: height - 2, width: width, height: 1)
        statusLine = LayoutBox(x: 0, y: height - 1, width: width, height: 1)
        let full = LayoutBox(x: 0, y: 0, width: width, height: panesHeight)
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
        investigations = LayoutBox(x: 0, y: 0, width: listWidth, height: panesHeight)
        timeline = LayoutBox(x: listWidth, y: 0, width: rightWidth, height: timelineHeight)
        details = LayoutBox(x: listWidth, y: timelineHeight, width: detailsWidth, height: bottomHeight)
        notes = LayoutBox(x: listWidth + detailsWidth, y: timelineHeight, width: rightWidth - detailsWidth, height: bottomHeight)
    }

    /// The box of a pane, if shown.
    public func box(of pane: Pane) -> LayoutBox? {
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
